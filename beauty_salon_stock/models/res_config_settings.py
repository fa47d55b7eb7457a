# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    salon_consumption_location_id = fields.Many2one(
        related="company_id.salon_consumption_location_id", readonly=False
    )
    salon_stock_manager_id = fields.Many2one(related="company_id.salon_stock_manager_id", readonly=False)
    salon_staff_pricelist_id = fields.Many2one(related="company_id.salon_staff_pricelist_id", readonly=False)
    salon_writeoff_pricelist_id = fields.Many2one(
        related="company_id.salon_writeoff_pricelist_id", readonly=False
    )
