# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollAccess(PayrollCase):
    """Masters read only their own pay; payroll and schemes belong to salon managers and accountants."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_anna = cls.make_user("pay_anna", "beauty_salon_group_master", cls.master_anna)
        cls.user_olga = cls.make_user("pay_olga", "beauty_salon_group_master", cls.master_olga)
        cls.reception = cls.make_user("pay_reception", "beauty_salon_group_user")
        cls.manager = cls.make_user("pay_manager", "beauty_salon_group_manager")
        cls.accountant = new_test_user(
            cls.env, login="pay_accountant", groups="base.group_user,account.group_account_user"
        )
        cls.scheme(cls.master_anna | cls.master_olga, service_rate=40)
        cls.sheet_anna = cls.make_sheet(cls, cls.master_anna, compute=False)
        cls.sheet_olga = cls.make_sheet(cls, cls.master_olga, compute=False)
        cls.env["beauty.payroll.adjustment"].create(
            [
                {
                    "employee_id": master.id,
                    "date": "2030-03-20",
                    "kind": "bonus",
                    "amount": 700,
                    "reason": "Reviews",
                }
                for master in (cls.master_anna, cls.master_olga)
            ]
        )

    def setUp(self):
        super().setUp()
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 10:00")
        self.booked_and_paid(self.manicure, self.master_olga, "2030-03-04 10:00")
        (self.sheet_anna | self.sheet_olga).action_compute()

    def test_master_reads_only_her_own_pay(self):
        Sheet = self.Sheet.with_user(self.user_anna)
        own = Sheet.search([("id", "in", (self.sheet_anna | self.sheet_olga).ids)])
        self.assertEqual(own.ids, self.sheet_anna.ids)
        self.assertEqual((own.amount_commission, own.amount_bonus), (1000.0, 700.0))
        self.assertEqual(own.line_ids.mapped("kind"), ["service", "bonus"])
        self.assertEqual(own.line_ids.visit_line_id.master_id, self.master_anna)
        self.assertEqual(len(own.timesheet_ids), 31)
        self.assertEqual(Sheet.search([("employee_id.user_id", "=", self.user_anna.id)]), own)
        with self.assertRaises(AccessError):
            self.sheet_olga.with_user(self.user_anna).read(["amount_net"])
        with self.assertRaises(AccessError):
            own.write({"date_to": "2030-03-30"})
        with self.assertRaises(AccessError):
            own.action_confirm()
        Adjustment = self.env["beauty.payroll.adjustment"].with_user(self.user_anna)
        self.assertEqual(Adjustment.search([]).employee_id, self.master_anna)
        Timesheet = self.env["beauty.payroll.timesheet"].with_user(self.user_anna)
        self.assertEqual(Timesheet.search([]).employee_id, self.master_anna)

    def test_master_sees_no_scheme_nor_accounting_links(self):
        with self.assertRaises(AccessError):
            self.Scheme.with_user(self.user_anna).search([])
        line = self.sheet_anna.line_ids.filtered("move_line_id").with_user(self.user_anna)
        with self.assertRaises(AccessError):
            line.read(["move_line_id"])
        with self.assertRaises(AccessError):
            line.read(["scheme_id"])

    def test_master_performance_is_her_own(self):
        Report = self.env["beauty.staff.performance.report"].with_user(self.user_anna)
        [(masters, revenue)] = Report._read_group([], [], ["master_id:array_agg", "service_revenue:sum"])
        self.assertEqual(set(masters), {self.master_anna.id})
        self.assertEqual(revenue, 2500.0)

    def test_reception_has_no_payroll(self):
        self.assertFalse(self.Sheet.with_user(self.reception).search([]))
        with self.assertRaises(AccessError):
            self.Scheme.with_user(self.reception).search([])
        with self.assertRaises(AccessError):
            self.env["beauty.payroll.batch"].with_user(self.reception).search([])

    def test_manager_runs_the_payroll(self):
        sheets = self.Sheet.with_user(self.manager).search(
            [("id", "in", (self.sheet_anna | self.sheet_olga).ids)]
        )
        self.assertEqual(len(sheets), 2)
        sheets.action_confirm()
        self.assertEqual(sheets.mapped("state"), ["confirmed", "confirmed"])
        self.assertEqual(self.Scheme.with_user(self.manager).search_count([]), self.Scheme.search_count([]))

    def test_accountant_confirms_and_pays(self):
        sheet = self.sheet_anna.with_user(self.accountant)
        sheet.action_compute()
        sheet.action_confirm()
        self.env["beauty.payroll.pay"].with_user(self.accountant).create(
            {"journal_id": self.cash.id, "date": "2030-04-05", "sheet_ids": [Command.set(sheet.ids)]}
        ).action_pay()
        self.assertEqual((sheet.state, sheet.amount_residual), ("paid", 0.0))
        self.assertTrue(self.Scheme.with_user(self.accountant).search([]))

    def test_other_branch_is_invisible(self):
        branch = self.env["res.company"].create({"name": "Second branch"})
        master = self.env["hr.employee"].create(
            {"name": "Branch Master", "is_salon_master": True, "company_id": branch.id}
        )
        other = self.Sheet.create(
            {
                "employee_id": master.id,
                "company_id": branch.id,
                "date_from": "2030-03-01",
                "date_to": "2030-03-31",
            }
        )
        visible = self.Sheet.with_user(self.manager).search([])
        self.assertIn(self.sheet_anna, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.manager).read(["amount_net"])
