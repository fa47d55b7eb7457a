# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.tools import SQL, float_round

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
# A line's sequence: its kind's place in LINE_KINDS.
KIND_SEQUENCE = {kind: index for index, (kind, _label) in enumerate(LINE_KINDS)}
# Kinds booked on the commission expense account.
COMMISSION_KINDS = ("service", "retail")
MANAGERS = "beauty_salon.beauty_salon_group_manager,account.group_account_user"
# Columns written by _bulk_create besides the sheet's own and the audit columns: a stored field added to the
# model must be added here too.
BULK_COLUMNS = (
    "kind",
    "name",
    "date",
    "quantity",
    "revenue",
    "base",
    "rate",
    "amount",
    "scheme_id",
    "move_line_id",
    "sale_line_id",
    "visit_line_id",
    "product_id",
    "adjustment_id",
)
MONETARY_COLUMNS = ("revenue", "base", "amount")
BULK_CHUNK = 5000


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
        for line in self:
            line.sequence = KIND_SEQUENCE.get(line.kind, 0)

    @api.model
    def _bulk_create(self, vals_list):
        """Insert the lines a payroll computation produces (thousands per period) in a few statements.

        ``create`` spends most of its time here on per-record defaults and on the currency of every
        monetary value; these lines have neither defaults nor mixed currencies. Values are those of
        ``create`` (``sheet_id`` required); the sheets' totals are recomputed as after ``create``.
        """
        if not vals_list:
            return
        sheets = self.env["beauty.payroll.sheet"].browse({vals["sheet_id"] for vals in vals_list})
        # Per sheet: its own columns and the rounding of its currency.
        own = {
            sheet.id: ([sheet.id, sheet.employee_id.id, sheet.company_id.id], sheet.currency_id.rounding)
            for sheet in sheets
        }
        now, uid = self.env.cr.now(), self.env.uid
        rows = []
        for vals in vals_list:
            columns, rounding = own[vals["sheet_id"]]
            values = [
                float_round(vals[column] or 0.0, precision_rounding=rounding)
                if column in MONETARY_COLUMNS and column in vals
                else vals.get(column)
                for column in BULK_COLUMNS
            ]
            rows.append(
                SQL(
                    "(%s)",
                    SQL(", ").join([*columns, KIND_SEQUENCE[vals["kind"]], *values, uid, now, uid, now]),
                )
            )
        columns = SQL(", ").join(
            SQL.identifier(column)
            for column in ("sheet_id", "employee_id", "company_id", "sequence")
            + BULK_COLUMNS
            + ("create_uid", "create_date", "write_uid", "write_date")
        )
        for start in range(0, len(rows), BULK_CHUNK):
            self.env.execute_query(
                SQL(
                    "INSERT INTO beauty_payroll_sheet_line (%s) VALUES %s",
                    columns,
                    SQL(", ").join(rows[start : start + BULK_CHUNK]),
                )
            )
        sheets.invalidate_recordset(["line_ids"])
        sheets.modified(["line_ids"])
