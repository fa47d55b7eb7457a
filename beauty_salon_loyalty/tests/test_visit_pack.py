# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestVisitPack(LoyaltyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Pack = cls.env["beauty.visit.pack"]
        cls.pack_product = cls.env["product.product"].create(
            {
                "name": "10 massages",
                "type": "service",
                "list_price": 30000.0,
                "taxes_id": False,
                "salon_pack_ok": True,
                "salon_pack_session_count": 10,
                "salon_pack_service_ids": [Command.set(cls.massage.ids)],
                "salon_pack_validity_days": 90,
                "salon_pack_max_freeze_days": 28,
            }
        )
        Account = cls.env["account.account"]
        cls.deferred = Account.create(
            {"name": "Visit packs sold", "code": "212901", "account_type": "liability_current"}
        )
        cls.other_income = Account.create(
            {"name": "Expired prepayments", "code": "459002", "account_type": "income_other"}
        )
        cls.massage_income = cls.massage.product_tmpl_id._get_product_accounts()["income"]

    def buy_pack(self, partner=None):
        order = self.sell(partner or self.client, self.pack_product)
        return self.Pack.search([("sale_line_id", "in", order.order_line.ids)])

    def massage_at(self, start, partner=None):
        return self.served(self.massage, self.master_olga, start, partner=partner)

    def balance(self, account):
        self.env.flush_all()
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        return sum(lines.mapped("balance"))

    def test_pack_is_created_on_payment_and_pays_a_covered_visit(self):
        unpaid = self.sell(self.client, self.pack_product, pay=False)
        self.assertFalse(self.Pack.search([("sale_line_id", "in", unpaid.order_line.ids)]))
        self.pay(unpaid.invoice_ids)
        pack = self.Pack.search([("sale_line_id", "in", unpaid.order_line.ids)])
        self.assertEqual(
            (pack.state, pack.session_count, pack.remaining_count, pack.session_value),
            ("active", 10, 10.0, 3000.0),
        )
        self.assertEqual((pack.date_start, pack.date_end), (date(2030, 3, 4), date(2030, 6, 1)))
        self.assertIn("10 massages: 10 left", self.client.salon_loyalty_summary)

        visit = self.massage_at("2030-03-04 12:00")
        wizard = self.env["beauty.visit.checkout"].create({"visit_id": visit.id, "journal_id": self.cash.id})
        self.assertIn(pack.name, wizard.salon_pack_note)
        wizard.action_confirm()
        order = visit.sale_order_id
        line = order.order_line
        self.assertEqual(
            (line.discount, line.salon_pack_id, line.salon_pack_session_value), (100.0, pack, 3000.0)
        )
        self.assertEqual(order.amount_total, 0.0)
        self.assertEqual(order.invoice_ids.payment_state, "paid")
        self.assertEqual(pack.remaining_count, 9.0)
        usage = pack.usage_ids
        self.assertEqual(
            (usage.quantity, usage.visit_line_id, usage.master_id), (1.0, visit.line_ids, self.master_olga)
        )
        # The session is worth 3,000 of the pack's price; the rest of the massage's 3,500 was a discount.
        self.assertEqual(visit._salon_reduction_kinds(), {line.id: {"pack": -3000.0, "discount": -500.0}})

    def test_retail_sale_of_a_pack_at_checkout(self):
        order = self.checkout(
            self.served(self.haircut, self.master_anna, "2030-03-04 12:00"),
            products=[(self.pack_product, 1.0)],
        )
        pack = self.Pack.search([("sale_line_id", "in", order.order_line.ids)])
        self.assertEqual((pack.partner_id, pack.remaining_count), (self.client, 10.0))
        self.assertEqual(order.amount_total, 2500.0 + 30000.0)

    def test_deferred_revenue_moves_to_income_one_session_at_a_time(self):
        self.company.write(
            {
                "salon_pack_revenue": "usage",
                "salon_pack_deferred_account_id": self.deferred.id,
                "salon_loyalty_income_account_id": self.other_income.id,
            }
        )
        income_before = self.balance(self.massage_income)
        pack = self.buy_pack()
        self.assertEqual(pack.revenue_policy, "usage")
        self.assertEqual(pack.sale_line_id.invoice_lines.account_id, self.deferred)
        self.assertEqual(self.balance(self.deferred), -30000.0)
        self.checkout(self.massage_at("2030-03-04 12:00"))
        self.assertEqual(self.balance(self.deferred), -27000.0)
        self.assertEqual(self.balance(self.massage_income) - income_before, -3000.0)
        self.assertEqual((pack.recognised_amount, pack.remaining_value), (3000.0, 27000.0))
        with freeze_time("2030-06-02 08:00:00"):
            self.Card._salon_cron_expire()
        self.assertEqual(pack.state, "expired")
        self.assertEqual(self.balance(self.deferred), 0.0)
        self.assertEqual(self.balance(self.other_income), -27000.0)
        self.assertEqual(pack.remaining_value, 0.0)

    def test_revenue_at_sale_posts_nothing_when_sessions_are_used(self):
        pack = self.buy_pack()
        self.assertNotEqual(pack.sale_line_id.invoice_lines.account_id, self.deferred)
        self.checkout(self.massage_at("2030-03-04 12:00"))
        self.assertFalse(pack.usage_ids.move_id)
        self.assertEqual(pack.remaining_value, 27000.0)

    def test_freeze_blocks_sessions_and_moves_the_end(self):
        pack = self.buy_pack()
        Change = self.env["beauty.visit.pack.change"]
        Change.create(
            {
                "pack_id": pack.id,
                "kind": "freeze",
                "date_from": "2030-03-04",
                "date_to": "2030-03-13",
                "reason": "Holiday",
            }
        )
        self.assertEqual(pack.date_end, date(2030, 6, 11))
        self.assertTrue(pack.frozen)
        frozen_visit = self.checkout(self.massage_at("2030-03-04 12:00"))
        self.assertEqual(frozen_visit.amount_total, 3500.0, "a frozen pack pays nothing")
        self.assertEqual(pack.remaining_count, 10.0)
        with freeze_time("2030-03-14 08:00:00"):
            order = self.checkout(self.massage_at("2030-03-14 12:00"))
        self.assertEqual((order.amount_total, order.order_line.salon_pack_id), (0.0, pack))
        with self.assertRaisesRegex(ValidationError, "28 days in all"), self.env.cr.savepoint():
            Change.create(
                {
                    "pack_id": pack.id,
                    "kind": "freeze",
                    "date_from": "2030-04-01",
                    "date_to": "2030-04-19",
                    "reason": "Too long",
                }
            )
        Change.create({"pack_id": pack.id, "kind": "extension", "extra_days": 5, "reason": "Salon closed"})
        self.assertEqual(pack.date_end, date(2030, 6, 16))
        self.assertEqual(len(pack.message_ids.filtered(lambda m: "Holiday" in (m.body or ""))), 1)

    def test_expired_pack_pays_nothing(self):
        pack = self.buy_pack()
        with freeze_time("2030-06-02 08:00:00"):
            self.Card._salon_cron_expire()
            order = self.checkout(self.massage_at("2030-06-02 12:00"))
        self.assertEqual(pack.state, "expired")
        self.assertEqual(order.amount_total, 3500.0)

    def test_last_sessions_use_the_pack_up(self):
        pack = self.buy_pack()
        pack.usage_ids.create({"pack_id": pack.id, "quantity": 9.0, "note": "Sessions of the old system"})
        self.checkout(self.massage_at("2030-03-04 12:00"))
        self.assertEqual((pack.remaining_count, pack.state), (0.0, "done"))
        self.assertEqual(pack.recognised_amount, 30000.0)
        self.assertEqual(self.checkout(self.massage_at("2030-03-04 15:00")).amount_total, 3500.0)

    def test_refund_gives_the_session_back_and_a_refunded_pack_is_cancelled(self):
        pack = self.buy_pack()
        order = self.checkout(self.massage_at("2030-03-04 12:00"))
        self.assertEqual(pack.remaining_count, 9.0)
        self.refund(order.invoice_ids)
        self.assertEqual(pack.remaining_count, 10.0)
        self.assertEqual(sorted(pack.usage_ids.mapped("quantity")), [-1.0, 1.0])
        self.refund(pack.sale_line_id.invoice_lines.move_id)
        self.assertEqual(pack.state, "cancelled")
        self.assertFalse(self.Pack._salon_usable(self.client, self.company, date(2030, 3, 4)))

    def test_cancelled_order_gives_the_session_back(self):
        pack = self.buy_pack()
        order = self.checkout(self.massage_at("2030-03-04 12:00"), journal=False)
        self.assertEqual(pack.remaining_count, 9.0)
        order.invoice_ids.button_draft()
        order.invoice_ids.button_cancel()
        order._action_cancel()
        self.assertEqual(pack.remaining_count, 10.0)
