# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class HrEmployeePublic(models.Model):
    """Users without HR rights see employees through this view: masters and skills must be visible."""

    _inherit = "hr.employee.public"

    is_salon_master = fields.Boolean(readonly=True)
    salon_service_ids = fields.Many2many(
        "product.template",
        "beauty_service_master_rel",
        "employee_id",
        "product_tmpl_id",
        string="Services",
        readonly=True,
    )
