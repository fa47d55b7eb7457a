# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestCheckout(BeautySalonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shampoo = cls.env["product.product"].create(
            {"name": "Shampoo", "type": "consu", "list_price": 900.0}
        )
        cls.cash = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["account.journal"].create({"name": "Cash", "code": "CSH1", "type": "cash"})

    def test_checkout_invoices_and_pays_with_masters_on_lines(self):
        visit = self.Visit.create(
            {
                "partner_id": self.client.id,
                "line_ids": [
                    Command.create(
                        {
                            "service_id": self.haircut.id,
                            "master_id": self.master_anna.id,
                            "date_start": moscow("2030-03-04 10:00"),
                        }
                    ),
                    Command.create(
                        {
                            "service_id": self.manicure.id,
                            "master_id": self.master_olga.id,
                            "date_start": moscow("2030-03-04 10:00"),
                        }
                    ),
                ],
            }
        )
        self.assertEqual(visit.amount_total, 4500.0)
        with self.assertRaisesRegex(UserError, "Only a visit the client came to"):
            visit._create_sale_order()
        visit.action_arrive()
        checkout = self.env["beauty.visit.checkout"].create(
            {
                "visit_id": visit.id,
                "journal_id": self.cash.id,
                "product_line_ids": [
                    Command.create(
                        {"product_id": self.shampoo.id, "quantity": 2, "master_id": self.master_anna.id}
                    )
                ],
            }
        )
        action = checkout.action_confirm()
        order = visit.sale_order_id
        self.assertEqual(visit.state, "done")
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.salon_visit_id, visit)
        self.assertEqual(order.amount_untaxed, 2500.0 + 2000.0 + 2 * 900.0)
        by_product = {line.product_id: line for line in order.order_line}
        self.assertEqual(by_product[self.haircut].salon_master_id, self.master_anna)
        self.assertEqual(by_product[self.manicure].salon_master_id, self.master_olga)
        self.assertEqual(by_product[self.haircut].salon_visit_line_id.visit_id, visit)
        self.assertEqual(by_product[self.shampoo].salon_master_id, self.master_anna)
        invoice = order.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoice.amount_total, order.amount_total)
        self.assertEqual(action["res_id"], invoice.id)
        self.assertEqual(visit.invoice_count, 1)
        self.assertEqual(order.action_view_salon_visit()["res_id"], visit.id)

    def test_checkout_without_payment_leaves_invoice_open(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 15:00")
        visit.action_arrive()
        self.env["beauty.visit.checkout"].create({"visit_id": visit.id, "journal_id": False}).action_confirm()
        invoice = visit.sale_order_id.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertEqual(invoice.amount_untaxed, 2000.0)
