# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    salon_slot_step = fields.Integer(related="company_id.salon_slot_step", readonly=False)
    salon_assignment = fields.Selection(related="company_id.salon_assignment", readonly=False)
    salon_allow_overbooking = fields.Boolean(related="company_id.salon_allow_overbooking", readonly=False)
