# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """Payroll accounting of a branch: where pay is booked, and the rebooking window of the report."""

    _inherit = "res.company"

    salon_payroll_journal_id = fields.Many2one(
        "account.journal",
        string="Payroll Journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="Journal of the payroll entries. Default: the first miscellaneous journal.",
    )
    salon_payroll_salary_account_id = fields.Many2one(
        "account.account",
        string="Salary Expense Account",
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Salary, shift and hourly pay, guaranteed minimum top-ups, bonuses and corrections. "
        "Default: the chart's salary expense account.",
    )
    salon_payroll_commission_account_id = fields.Many2one(
        "account.account",
        string="Commission Expense Account",
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost'))]",
        help="Masters' commissions on services and retail. Default: the salary expense account.",
    )
    salon_payroll_payable_account_id = fields.Many2one(
        "account.account",
        string="Payable to Employees Account",
        domain="[('reconcile', '=', True),"
        " ('account_type', 'in', ('liability_current', 'liability_payable'))]",
        help="What the salon owes its masters; advances and pay-outs are reconciled on it. "
        "Default: the chart's salary payable account.",
    )
    salon_payroll_fine_account_id = fields.Many2one(
        "account.account",
        string="Fines Account",
        help="Fines withheld from pay are credited here. Default: the salary expense account (a fine "
        "lowers the salary expense).",
    )
    salon_rebooking_days = fields.Integer(
        string="Rebooking Window (days)",
        default=30,
        help="A done visit counts as rebooked when the client's next visit starts within this many days.",
    )

    _sql_constraints = [
        (
            "salon_rebooking_days_positive",
            "CHECK (salon_rebooking_days > 0)",
            "The rebooking window must be at least one day.",
        ),
    ]

    def _salon_payroll_accounting(self):
        """Journal and accounts of the payroll entries, configured or taken from the chart of accounts."""
        self.ensure_one()
        chart = self.env["account.chart.template"].with_company(self)
        journal = self.salon_payroll_journal_id or self.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", self.id)], limit=1
        )
        salary = self.salon_payroll_salary_account_id or chart.ref("expense_salary", raise_if_not_found=False)
        payable = self.salon_payroll_payable_account_id or chart.ref(
            "salary_payable", raise_if_not_found=False
        )
        if not (journal and salary and payable):
            raise UserError(
                self.env._(
                    "Set the payroll journal and accounts of %(branch)s in Salon settings.", branch=self.name
                )
            )
        return {
            "journal": journal,
            "salary": salary,
            "commission": self.salon_payroll_commission_account_id or salary,
            "payable": payable,
            "fine": self.salon_payroll_fine_account_id or salary,
        }
