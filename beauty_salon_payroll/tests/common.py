# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from freezegun import freeze_time

from odoo import Command

# pylint cannot resolve odoo.addons.* without the addons path; Odoo imports it at run time.
from odoo.addons.beauty_salon.tests.common import BeautySalonCase, moscow  # pylint: disable=import-error


class PayrollCase(BeautySalonCase):
    """The core test salon plus payroll accounts, a cash journal and helpers that check visits out.

    March 2030: every master works 09:00-13:00 and 14:00-20:00 Moscow time, every day.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.account_commission = Account.create(
            {"name": "Masters' commissions", "code": "630100", "account_type": "expense"}
        )
        cls.account_salary = Account.create(
            {"name": "Masters' salaries", "code": "630200", "account_type": "expense"}
        )
        cls.account_payable = Account.create(
            {
                "name": "Payable to masters",
                "code": "230900",
                "account_type": "liability_current",
                "reconcile": True,
            }
        )
        cls.account_fines = Account.create(
            {"name": "Fines withheld", "code": "450900", "account_type": "income_other"}
        )
        cls.payroll_journal = cls.env["account.journal"].create(
            {"name": "Payroll", "code": "PAYR", "type": "general"}
        )
        cls.company.write(
            {
                "salon_payroll_journal_id": cls.payroll_journal.id,
                "salon_payroll_commission_account_id": cls.account_commission.id,
                "salon_payroll_salary_account_id": cls.account_salary.id,
                "salon_payroll_payable_account_id": cls.account_payable.id,
                "salon_payroll_fine_account_id": cls.account_fines.id,
            }
        )
        cls.cash = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["account.journal"].create({"name": "Cash", "code": "CSHP", "type": "cash"})
        cls.Scheme = cls.env["beauty.payroll.scheme"]
        cls.Sheet = cls.env["beauty.payroll.sheet"]
        cls.shampoo = cls.env["product.product"].create(
            {"name": "Shampoo", "type": "consu", "list_price": 900.0}
        )
        cls.discount_product = cls.env["product.product"].create(
            {"name": "Discount", "type": "service", "list_price": 0.0}
        )

    # ------------------------------------------------------------------ pay schemes
    @classmethod
    def scheme(cls, masters, date_from="2030-01-01", **vals):
        """A scheme assigned to ``masters`` from ``date_from``."""
        scheme = cls.Scheme.create(dict({"name": f"Scheme {len(cls.Scheme.search([]))}"}, **vals))
        cls.env["beauty.payroll.assignment"].create(
            [{"scheme_id": scheme.id, "employee_id": master.id, "date_from": date_from} for master in masters]
        )
        return scheme

    # ------------------------------------------------------------------ checkout
    def checkout(self, visit, day, discount=0.0, order_lines=(), products=(), pay=True):
        """Check ``visit`` out on ``day`` (paid in cash that day unless ``pay`` is False).

        ``discount`` is a line discount (%) on every service, ``order_lines`` extra order lines (e.g. a
        negative discount line), ``products`` retail ``(product, quantity, master)`` at the desk.
        """
        with freeze_time(day):
            if visit.state in ("draft", "confirmed"):
                visit.action_arrive()
            order = visit._create_sale_order()
            if discount:
                order.order_line.discount = discount
            if order_lines:
                order.order_line = [Command.create(vals) for vals in order_lines]
            self.env["beauty.visit.checkout"].create(
                {
                    "visit_id": visit.id,
                    "journal_id": self.cash.id if pay else False,
                    "product_line_ids": [
                        Command.create(
                            {"product_id": product.id, "quantity": quantity, "master_id": master.id}
                        )
                        for product, quantity, master in products
                    ],
                }
            ).action_confirm()
        return visit.sale_order_id.invoice_ids

    def booked_and_paid(self, service, master, start, **checkout):
        """Book ``service`` with ``master`` at ``start`` (Moscow time text), check it out that day."""
        visit = self.book(service, master, start)
        self.checkout(visit, start[:10], **checkout)
        return visit

    def refund(self, invoice, day, pay=True):
        """A posted credit note of the whole ``invoice`` on ``day``, paid back in cash that day."""
        with freeze_time(day):
            credit_note = invoice._reverse_moves([{"invoice_date": day, "date": day}])
            credit_note.action_post()
            if pay:
                self.register_payment(credit_note, day)
        return credit_note

    def register_payment(self, moves, day):
        with freeze_time(day):
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=moves.ids
            ).create({"journal_id": self.cash.id, "payment_date": day})._create_payments()

    # ------------------------------------------------------------------ sheets
    def make_sheet(self, master, date_from="2030-03-01", date_to="2030-03-31", compute=True):
        sheet = self.Sheet.create(
            {
                "employee_id": master.id,
                "date_from": date_from,
                "date_to": date_to,
                "company_id": self.company.id,
            }
        )
        if compute:
            sheet.action_compute()
        return sheet

    def attend(self, master, check_in, check_out=None):
        """An attendance of ``master`` (Moscow time texts)."""
        return self.env["hr.attendance"].create(
            {
                "employee_id": master.id,
                "check_in": moscow(check_in),
                "check_out": check_out and moscow(check_out),
            }
        )

    @staticmethod
    def lines_by_kind(sheet, kind):
        return sheet.line_ids.filtered(lambda line: line.kind == kind)
