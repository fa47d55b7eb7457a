# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class HrEmployee(models.Model):
    """A master is an employee flagged for the salon; her schedule is her resource calendar."""

    _inherit = "hr.employee"

    is_salon_master = fields.Boolean(string="Salon Master", index=True)
    salon_service_ids = fields.Many2many(
        "product.template",
        "beauty_service_master_rel",
        "employee_id",
        "product_tmpl_id",
        string="Services",
        domain="[('is_salon_service', '=', True)]",
        help="Services this master performs (her skills).",
    )
