# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class BeautyPayrollPay(models.TransientModel):
    """Pay masters in cash or by bank: what confirmed sheets still owe, or advances given now.

    Each payment is an Odoo payment to the master's work contact on the payroll payable account, so it
    is reconciled with the sheet's entry (or offset by it later, for an advance).
    """

    _name = "beauty.payroll.pay"
    _description = "Pay Masters"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    sheet_ids = fields.Many2many("beauty.payroll.sheet", string="Payroll Sheets")
    adjustment_ids = fields.Many2many("beauty.payroll.adjustment", string="Advances")
    journal_id = fields.Many2one(
        "account.journal",
        string="Pay With",
        required=True,
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]",
        default=lambda self: self._default_journal_id(),
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(string="Total", compute="_compute_amount")

    @api.model
    def _default_journal_id(self):
        return self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("sheet_ids", "adjustment_ids")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = sum(wizard.sheet_ids.mapped("amount_residual")) + sum(
                wizard.adjustment_ids.mapped("amount")
            )

    @api.model
    def _action_open(self, name, records):
        """The wizard paying ``records``: confirmed payroll sheets, or advances."""
        field = "sheet_ids" if records._name == "beauty.payroll.sheet" else "adjustment_ids"
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                f"default_{field}": [Command.set(records.ids)],
                "default_company_id": records.company_id[:1].id,
            },
        }

    def action_pay(self):
        self.ensure_one()
        for sheet in self.sheet_ids:
            if sheet.state != "confirmed":
                raise UserError(self.env._("%(sheet)s is not waiting for payment.", sheet=sheet.display_name))
            payment = self._pay(
                sheet.employee_id._salon_payroll_partner(), sheet.amount_residual, sheet.display_name
            )
            payment.move_id.salon_payroll_sheet_id = sheet
            sheet._reconcile_payable()
        for advance in self.adjustment_ids:
            if advance.kind != "advance" or advance.payment_id:
                raise UserError(self.env._("%(reason)s is not an unpaid advance.", reason=advance.reason))
            memo = self.env._("Advance: %(reason)s", reason=advance.reason)
            advance.payment_id = self._pay(advance.employee_id._salon_payroll_partner(), advance.amount, memo)
        return {"type": "ir.actions.act_window_close"}

    def _pay(self, partner, amount, memo):
        """Post an outgoing payment of ``amount`` to ``partner`` on the payroll payable account."""
        payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": partner.id,
                "amount": amount,
                "journal_id": self.journal_id.id,
                "date": self.date,
                "memo": memo,
                "destination_account_id": self.company_id._salon_payroll_accounting()["payable"].id,
            }
        )
        payment.action_post()
        return payment
