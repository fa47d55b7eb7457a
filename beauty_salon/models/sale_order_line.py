# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class SaleOrderLine(models.Model):
    """Each sold line keeps who performed (or sold) it and the booking it came from: payroll reads them.

    It also carries the order's date, visit and currency rate, so that the revenue report reads the
    lines of a period alone (by the date index) instead of joining every line to its order.
    """

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
    salon_order_date = fields.Datetime(
        related="order_id.date_order", string="Order Date", store=True, index=True, precompute=True
    )
    salon_visit_id = fields.Many2one(
        related="order_id.salon_visit_id", string="Visit", store=True, precompute=True
    )
    salon_currency_rate = fields.Float(
        related="order_id.currency_rate", string="Currency Rate", store=True, precompute=True
    )
