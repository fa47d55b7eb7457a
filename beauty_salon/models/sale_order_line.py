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

    def _salon_session_values(self):
        """``{line_id: value}`` for those of these lines paid by a session of something the client bought
        before (a visit pack of ``beauty_salon_loyalty``): what the session is worth, untaxed, in the
        order currency. Payroll counts such a line at this value, less a reduction of kind ``pack``
        (``beauty.visit._salon_reduction_kinds``) that each pay scheme deducts or not."""
        return {}
