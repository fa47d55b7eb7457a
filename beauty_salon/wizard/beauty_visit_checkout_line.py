# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyVisitCheckoutLine(models.TransientModel):
    _name = "beauty.visit.checkout.line"
    _description = "Salon Checkout Product"

    checkout_id = fields.Many2one("beauty.visit.checkout", required=True, ondelete="cascade")
    product_id = fields.Many2one("product.product", required=True, domain="[('sale_ok', '=', True)]")
    quantity = fields.Float(default=1.0, required=True)
    master_id = fields.Many2one(
        "hr.employee",
        string="Sold By",
        domain="[('is_salon_master', '=', True)]",
        help="The master who sold it.",
    )

    def _prepare_sale_line_vals(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "salon_master_id": self.master_id.id,
        }
