# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyPayrollSchemeRule(models.Model):
    """A commission for one service or one service category that overrides the scheme's default."""

    _name = "beauty.payroll.scheme.rule"
    _description = "Pay Scheme Service Rule"
    _order = "scheme_id, product_tmpl_id, categ_id, id"

    scheme_id = fields.Many2one("beauty.payroll.scheme", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="scheme_id.currency_id")
    product_tmpl_id = fields.Many2one(
        "product.template",
        string="Service",
        index="btree_not_null",
        domain="[('is_salon_service', '=', True)]",
    )
    categ_id = fields.Many2one("product.category", string="Service Category", index="btree_not_null")
    rate = fields.Float(string="Commission (%)", digits=(5, 2))
    fixed_amount = fields.Monetary(help="Paid per service performed.")

    _sql_constraints = [
        (
            "service_or_category",
            "CHECK ((product_tmpl_id IS NULL) != (categ_id IS NULL))",
            "A rule is for either one service or one service category.",
        ),
        ("rate_valid", "CHECK (rate BETWEEN 0 AND 100)", "A commission rate is a percentage."),
        ("fixed_amount_positive", "CHECK (fixed_amount >= 0)", "A fixed amount cannot be negative."),
        ("service_unique", "UNIQUE (scheme_id, product_tmpl_id)", "A service has one rule per scheme."),
        ("category_unique", "UNIQUE (scheme_id, categ_id)", "A category has one rule per scheme."),
    ]
