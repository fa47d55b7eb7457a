# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models

LINE_KINDS = [
    ("service", "Service Commission"),
    ("retail", "Retail Commission"),
    ("salary", "Salary"),
    ("shift", "Shift Pay"),
    ("hour", "Hourly Pay"),
    ("minimum", "Guaranteed Minimum Top-up"),
    ("bonus", "Bonus"),
    ("correction", "Correction"),
    ("fine", "Fine"),
    ("advance", "Advance"),
]
# Kinds booked on the commission expense account.
COMMISSION_KINDS = ("service", "retail")
MANAGERS = "beauty_salon.beauty_salon_group_manager,account.group_account_user"


class BeautyPayrollSheetLine(models.Model):
    """One amount of a payroll sheet, traceable to where it comes from: the paid invoice line and the
    booking of a commission, the attendance of a salary, the adjustment of a bonus, fine or advance."""

    _name = "beauty.payroll.sheet.line"
    _description = "Payroll Sheet Line"
    _order = "sheet_id, sequence, date, id"

    sheet_id = fields.Many2one("beauty.payroll.sheet", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one(related="sheet_id.employee_id", store=True, index=True, string="Master")
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True, string="Branch")
    currency_id = fields.Many2one(related="sheet_id.currency_id")
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    kind = fields.Selection(LINE_KINDS, required=True, index=True)
    name = fields.Char(string="Description", required=True)
    date = fields.Date(required=True, help="When the client paid (commissions) or the day the amount counts.")
    quantity = fields.Float(digits=(16, 2), help="Services, shifts or hours.")
    revenue = fields.Monetary(help="What the client paid for the line (negative for a refund).")
    base = fields.Monetary(string="Commission Base")
    rate = fields.Float(
        digits=(16, 4), help="Commission percentage, or the salary per period, shift or hour."
    )
    amount = fields.Monetary(help="Negative when deducted from pay (fines, advances).")
    scheme_id = fields.Many2one("beauty.payroll.scheme", string="Pay Scheme", groups=MANAGERS)
    move_line_id = fields.Many2one(
        "account.move.line", string="Invoice Line", index="btree_not_null", groups=MANAGERS
    )
    sale_line_id = fields.Many2one("sale.order.line", groups=MANAGERS)
    visit_line_id = fields.Many2one("beauty.visit.line", string="Booking", index="btree_not_null")
    product_id = fields.Many2one("product.product")
    adjustment_id = fields.Many2one("beauty.payroll.adjustment", index="btree_not_null")

    @api.depends("kind")
    def _compute_sequence(self):
        order = [kind for kind, _label in LINE_KINDS]
        for line in self:
            line.sequence = order.index(line.kind) if line.kind else 0
