# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from psycopg2.errors import ExclusionViolation

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollAccounting(PayrollCase):
    """Bonuses, fines and advances; the entry posted on confirmation, pay-outs, reversal, batches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme(cls.master_anna, service_rate=40, salary_mode="period", salary_amount=30000)
        cls.Adjustment = cls.env["beauty.payroll.adjustment"]

    def pay(self, day, sheets=None, advances=None):
        return (
            self.env["beauty.payroll.pay"]
            .create(
                {
                    "journal_id": self.cash.id,
                    "date": day,
                    "sheet_ids": [Command.set(sheets.ids if sheets else [])],
                    "adjustment_ids": [Command.set(advances.ids if advances else [])],
                }
            )
            .action_pay()
        )

    def anna_month(self):
        """30,000 salary, a haircut (1,000), a 1,000 bonus, a 500 fine, a 5,000 advance paid on the 15th."""
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 10:00")
        bonus, fine, advance = self.Adjustment.create(
            [
                {
                    "employee_id": self.master_anna.id,
                    "date": "2030-03-20",
                    "kind": kind,
                    "amount": amount,
                    "reason": why,
                }
                for kind, amount, why in (
                    ("bonus", 1000, "Best reviews of the month"),
                    ("fine", 500, "Late three times"),
                    ("advance", 5000, "Mid-month advance"),
                )
            ]
        )
        self.pay("2030-03-15", advances=advance)
        return bonus, fine, advance

    def test_advance_is_booked_when_paid(self):
        _bonus, _fine, advance = self.anna_month()
        payable = advance.payment_id.move_id.line_ids.filtered(
            lambda line: line.account_id == self.account_payable
        )
        self.assertEqual((payable.debit, payable.partner_id), (5000.0, self.master_anna.work_contact_id))
        self.assertEqual(str(advance.payment_id.date), "2030-03-15")

    def test_confirmation_posts_a_balanced_entry_and_offsets_the_advance(self):
        bonus, fine, advance = self.anna_month()
        sheet = self.make_sheet(self.master_anna)
        self.assertEqual(sheet.adjustment_ids, bonus | fine | advance)
        self.assertEqual(
            (sheet.amount_commission, sheet.amount_salary, sheet.amount_bonus, sheet.amount_gross),
            (1000.0, 30000.0, 1000.0, 32000.0),
        )
        self.assertEqual(
            (sheet.amount_fine, sheet.amount_advance, sheet.amount_net), (500.0, 5000.0, 26500.0)
        )
        sheet.action_confirm()
        move = sheet.move_id
        self.assertEqual(
            (move.state, move.journal_id, str(move.date)), ("posted", self.payroll_journal, "2030-03-31")
        )
        balances = {line.account_id: line.balance for line in move.line_ids}
        self.assertEqual(
            balances,
            {
                self.account_commission: 1000.0,
                self.account_salary: 31000.0,
                self.account_fines: -500.0,
                self.account_payable: -31500.0,
            },
        )
        self.assertEqual(set(move.line_ids.partner_id), {self.master_anna.work_contact_id})
        self.assertTrue(advance.payment_id.move_id.line_ids.filtered("reconciled"))
        self.assertEqual((sheet.state, sheet.amount_residual), ("confirmed", 26500.0))
        with self.assertRaisesRegex(UserError, "confirmed payroll sheet"):
            fine.amount = 100

    def test_paying_the_rest_reconciles(self):
        self.anna_month()
        sheet = self.make_sheet(self.master_anna)
        sheet.action_confirm()
        self.pay("2030-04-05", sheets=sheet)
        self.assertEqual((sheet.state, sheet.amount_residual), ("paid", 0.0))
        payout = sheet.move_ids.filtered("origin_payment_id")
        self.assertEqual(payout.origin_payment_id.amount, 26500.0)
        self.assertTrue(sheet._payable_line().full_reconcile_id)
        with self.assertRaisesRegex(UserError, "is paid"):
            sheet.action_reset_to_draft()

    def test_correction_reverses_the_confirmed_entry(self):
        _bonus, fine, advance = self.anna_month()
        sheet = self.make_sheet(self.master_anna)
        sheet.action_confirm()
        first = sheet.move_id
        sheet.action_reset_to_draft()
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(sheet.move_id)
        reversal = first.reversal_move_ids
        self.assertEqual((reversal.state, reversal.salon_payroll_sheet_id), ("posted", sheet))
        self.assertEqual(
            {line.account_id: line.balance for line in reversal.line_ids}[self.account_payable], 31500.0
        )
        advance_line = advance.payment_id.move_id.line_ids.filtered(
            lambda l: l.account_id == self.account_payable
        )
        self.assertFalse(advance_line.reconciled, "the advance waits for the corrected entry")
        fine.unlink()
        sheet.action_confirm()
        self.assertEqual((sheet.amount_net, sheet.amount_residual), (27000.0, 27000.0))
        self.assertEqual(len(sheet.move_ids), 3)
        self.assertTrue(advance_line.reconciled)

    def test_advances_exceeding_the_pay_are_refused(self):
        self.scheme(self.master_olga, service_rate=40)
        advance = self.Adjustment.create(
            {
                "employee_id": self.master_olga.id,
                "date": "2030-03-10",
                "kind": "advance",
                "amount": 500,
                "reason": "Taxi",
            }
        )
        self.pay("2030-03-10", advances=advance)
        sheet = self.make_sheet(self.master_olga)
        with self.assertRaisesRegex(UserError, "advances and fines exceed the pay"):
            sheet.action_confirm()

    def test_unpaid_advance_waits(self):
        advance = self.Adjustment.create(
            {
                "employee_id": self.master_anna.id,
                "date": "2030-03-10",
                "kind": "advance",
                "amount": 500,
                "reason": "Taxi",
            }
        )
        sheet = self.make_sheet(self.master_anna)
        self.assertFalse(sheet.adjustment_ids)
        self.assertEqual(sheet.amount_advance, 0.0)
        self.pay("2030-03-10", advances=advance)
        sheet.action_compute()
        self.assertEqual((sheet.adjustment_ids, sheet.amount_advance), (advance, 500.0))

    def test_default_accounts_come_from_the_chart(self):
        self.company.write(
            {
                "salon_payroll_journal_id": False,
                "salon_payroll_salary_account_id": False,
                "salon_payroll_commission_account_id": False,
                "salon_payroll_payable_account_id": False,
                "salon_payroll_fine_account_id": False,
            }
        )
        chart = self.env["account.chart.template"]
        sheet = self.make_sheet(self.master_anna)
        sheet.action_confirm()
        self.assertEqual(
            set(sheet.move_id.line_ids.account_id), {chart.ref("expense_salary"), chart.ref("salary_payable")}
        )
        self.assertEqual(sheet.move_id.journal_id.type, "general")

    @mute_logger("odoo.sql_db")
    def test_overlapping_sheets_refused(self):
        self.make_sheet(self.master_anna, compute=False)
        with self.assertRaises(ExclusionViolation), self.cr.savepoint():
            self.make_sheet(self.master_anna, "2030-03-31", "2030-04-30", compute=False)

    def test_overlap_constraint_exists(self):
        self.env.cr.execute(
            "SELECT contype FROM pg_constraint WHERE conname = %s",
            ["beauty_payroll_sheet_employee_period_no_overlap"],
        )
        self.assertEqual(self.env.cr.fetchone(), ("x",))

    def test_batch_for_the_branch(self):
        """Monthly masters of the branch get a sheet; a weekly master and another branch's master do not."""
        self.scheme(self.master_olga, service_rate=40)
        self.master_irina.salon_payroll_period = "weekly"
        other_branch = self.env["res.company"].create({"name": "Second branch"})
        self.env["hr.employee"].create(
            {"name": "Other Master", "is_salon_master": True, "company_id": other_branch.id}
        )
        self.booked_and_paid(self.haircut, self.master_olga, "2030-03-04 10:00")
        batch = self.env["beauty.payroll.batch"].create(
            {"period_type": "monthly", "date_from": "2030-03-01", "date_to": "2030-03-31"}
        )
        batch.action_generate_sheets()
        self.assertEqual(batch.sheet_ids.employee_id, self.master_anna | self.master_olga)
        batch.action_generate_sheets()
        self.assertEqual(batch.sheet_count, 2, "generating again adds nothing")
        batch.action_confirm()
        self.assertEqual(batch.state, "confirmed")
        self.assertEqual((batch.amount_gross, batch.amount_net), (31000.0, 31000.0))
        action = batch.action_open_pay()
        self.env["beauty.payroll.pay"].with_context(**action["context"]).create(
            {"journal_id": self.cash.id, "date": "2030-04-05"}
        ).action_pay()
        self.assertEqual(batch.state, "paid")
        with self.assertRaisesRegex(UserError, "confirmed sheets"):
            batch.unlink()
