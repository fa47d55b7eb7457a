# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyPayrollSchemeTier(models.Model):
    """A bracket of a tiered scheme: from this service revenue in the period on, this rate."""

    _name = "beauty.payroll.scheme.tier"
    _description = "Pay Scheme Bracket"
    _order = "scheme_id, threshold"

    scheme_id = fields.Many2one("beauty.payroll.scheme", required=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="scheme_id.currency_id")
    threshold = fields.Monetary(string="From Revenue", required=True)
    rate = fields.Float(string="Commission (%)", digits=(5, 2), required=True)

    _sql_constraints = [
        ("threshold_positive", "CHECK (threshold >= 0)", "A bracket starts at a revenue of 0 or more."),
        ("rate_valid", "CHECK (rate BETWEEN 0 AND 100)", "A commission rate is a percentage."),
        (
            "threshold_unique",
            "UNIQUE (scheme_id, threshold)",
            "Two brackets cannot start at the same revenue.",
        ),
    ]
