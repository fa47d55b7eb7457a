# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    salon_pack_revenue = fields.Selection(related="company_id.salon_pack_revenue", readonly=False)
    salon_pack_deferred_account_id = fields.Many2one(
        related="company_id.salon_pack_deferred_account_id", readonly=False
    )
    salon_gift_card_account_id = fields.Many2one(
        related="company_id.salon_gift_card_account_id", readonly=False
    )
    salon_loyalty_income_account_id = fields.Many2one(
        related="company_id.salon_loyalty_income_account_id", readonly=False
    )
    salon_loyalty_journal_id = fields.Many2one(related="company_id.salon_loyalty_journal_id", readonly=False)
