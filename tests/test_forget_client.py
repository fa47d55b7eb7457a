# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Forgetting a client with all four addons: payroll lines, bonus points and journal entries stay whole."""

from odoo.tests import tagged

# pylint cannot resolve odoo.addons.* without the addons path; Odoo imports it at run time.
from odoo.addons.beauty_salon_payroll.tests.common import PayrollCase  # pylint: disable=import-error


@tagged("post_install", "-at_install")
class TestForgetClientKeepsTheBooks(PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.make_user("forget_books_manager", "beauty_salon_group_manager")
        cls.scheme(cls.master_anna, service_rate=40)
        cls.client.email = "ivanova@example.com"
        cls.card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.env["loyalty.program"]
                .create({"name": "Bonus points", "program_type": "loyalty"})
                .id,
                "partner_id": cls.client.id,
                "points": 300,
            }
        )

    def test_payroll_points_and_entries_survive(self):
        visit = self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 10:00")
        invoice = visit.sale_order_id.invoice_ids
        sheet = self.make_sheet(self.master_anna)
        lines_before = [(line.kind, line.revenue, line.base, line.amount) for line in sheet.line_ids]
        self.assertEqual(lines_before, [("service", 2500.0, 2500.0, 1000.0)])
        moves = invoice | self.env["account.move"].search([("partner_id", "=", self.client.id)])
        entries_before = sorted(moves.line_ids.mapped(lambda line: (line.account_id.id, line.balance)))

        self.client.with_user(self.manager).action_salon_forget()

        self.assertFalse(self.client.email)
        self.assertEqual(self.client.name, f"Forgotten client {self.client.id}")
        # Payroll: the same lines, and a recomputation finds the same commission.
        self.assertEqual(
            [(line.kind, line.revenue, line.base, line.amount) for line in sheet.line_ids], lines_before
        )
        sheet.action_compute()
        self.assertEqual(
            [(line.kind, line.revenue, line.base, line.amount) for line in sheet.line_ids], lines_before
        )
        # Accounting: every entry of the client unchanged and balanced, the invoice still paid.
        self.assertEqual(
            sorted(moves.line_ids.mapped(lambda line: (line.account_id.id, line.balance))), entries_before
        )
        for move in moves:
            self.assertAlmostEqual(sum(move.line_ids.mapped("balance")), 0.0)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.sale_order_id.partner_id, self.client)
        # Loyalty: the card and its points stay with the (anonymous) client.
        self.assertEqual(self.card.partner_id, self.client)
        self.assertEqual(self.card.points, 300)
