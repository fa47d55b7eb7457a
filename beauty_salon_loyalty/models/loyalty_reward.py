# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class LoyaltyReward(models.Model):
    _inherit = "loyalty.reward"

    salon_kind = fields.Selection(related="program_id.salon_kind")
    salon_card_mode = fields.Selection(related="program_id.salon_card_mode")
    salon_min_spent = fields.Monetary(
        string="From Total Spent",
        currency_field="currency_id",
        help="Cumulative discount cards: the card reaches this tier once the client has paid this much.",
    )
