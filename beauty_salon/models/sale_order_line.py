# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class SaleOrderLine(models.Model):
    """Each sold line keeps who performed (or sold) it and the booking it came from: payroll reads them."""

    _inherit = "sale.order.line"

    salon_master_id = fields.Many2one(
        "hr.employee",
        string="Master",
        index="btree_not_null",
        check_company=True,
        help="The master who performed the service, or who sold the product.",
    )
    salon_visit_line_id = fields.Many2one(
        "beauty.visit.line", string="Booking", index="btree_not_null", copy=False, readonly=True
    )
