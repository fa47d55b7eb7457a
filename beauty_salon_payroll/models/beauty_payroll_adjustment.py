# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

ADJUSTMENT_KINDS = [
    ("bonus", "Bonus"),
    ("fine", "Fine"),
    ("advance", "Advance"),
    ("correction", "Correction"),
]
# What each kind does to the pay: a bonus adds, a fine and an advance are deducted, a correction is signed.
SIGNS = {"bonus": 1, "fine": -1, "advance": -1, "correction": 1}


class BeautyPayrollAdjustment(models.Model):
    """A bonus (премия), fine (штраф), advance (аванс) or correction of a master's pay, with its reason.

    It lands on the master's payroll sheet of the period containing its date. An advance is paid out
    (and booked) when it is given, and offset when the sheet is confirmed.
    """

    _name = "beauty.payroll.adjustment"
    _description = "Payroll Adjustment"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        string="Master",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('is_salon_master', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(ADJUSTMENT_KINDS, required=True, default="bonus", tracking=True)
    amount = fields.Monetary(
        required=True, tracking=True, help="A positive amount; only a correction may be negative."
    )
    reason = fields.Char(required=True, tracking=True)
    sheet_id = fields.Many2one(
        "beauty.payroll.sheet", string="Payroll Sheet", readonly=True, index="btree_not_null", copy=False
    )
    sheet_state = fields.Selection(related="sheet_id.state", string="Sheet Status")
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False)

    _sql_constraints = [
        (
            "amount_sign",
            "CHECK (amount > 0 OR (kind = 'correction' AND amount != 0))",
            "The amount must be positive (a correction may be negative, but not zero).",
        ),
    ]

    def write(self, vals):
        self._check_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_settled(self):
        self._check_open()
        if self.filtered("payment_id"):
            raise UserError(self.env._("A paid advance cannot be deleted: cancel its payment first."))

    def _check_open(self):
        """Amounts on a confirmed sheet are posted: they change only after resetting the sheet."""
        if self.filtered(lambda a: a.sheet_id.state in ("confirmed", "paid")):
            raise UserError(self.env._("This adjustment is on a confirmed payroll sheet."))

    def action_open_pay(self):
        advances = self.filtered(lambda a: a.kind == "advance" and not a.payment_id)
        if not advances:
            raise UserError(self.env._("Only an advance that has not been paid yet can be paid."))
        return self.env["beauty.payroll.pay"]._action_open(self.env._("Pay Advance"), advances)

    def _sheet_line_vals(self):
        self.ensure_one()
        return {
            "kind": self.kind,
            "name": self.reason,
            "date": self.date,
            "quantity": 1.0,
            "amount": SIGNS[self.kind] * self.amount,
            "adjustment_id": self.id,
        }
