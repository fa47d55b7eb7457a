# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestGiftCard(LoyaltyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.liability = Account.create(
            {"name": "Gift certificates sold", "code": "219001", "account_type": "liability_current"}
        )
        cls.other_income = Account.create(
            {"name": "Expired prepayments", "code": "459001", "account_type": "income_other"}
        )
        cls.company.write(
            {
                "salon_gift_card_account_id": cls.liability.id,
                "salon_loyalty_income_account_id": cls.other_income.id,
            }
        )
        cls.certificate = cls.env["product.product"].create(
            {"name": "Gift certificate 5,000", "type": "service", "list_price": 5000.0, "taxes_id": False}
        )
        cls.gift_program = cls.Program.create(
            {
                "name": "Gift certificates",
                "program_type": "gift_card",
                "applies_on": "future",
                "trigger": "auto",
                "salon_validity_days": 100,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_amount": 1.0,
                            "reward_point_mode": "money",
                            "reward_point_split": True,
                            "product_ids": [Command.set(cls.certificate.ids)],
                            "minimum_qty": 0,
                        }
                    )
                ],
                "reward_ids": [Command.create(cls.Program._salon_per_point_reward())],
            }
        )
        cls.Report = cls.env["beauty.gift.card.report"]

    def certificates(self, order):
        return self.Card.with_context(active_test=False).search(
            [("order_id", "=", order.id), ("program_id", "=", self.gift_program.id)]
        )

    def balance(self, account):
        self.env.flush_all()
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        return sum(lines.mapped("balance"))

    def report(self, card):
        self.env.flush_all()  # the report is an SQL view over the cards and their ledger
        self.Report.invalidate_model()
        return self.Report.search([("card_id", "=", card.id)])

    def test_sold_paid_partly_used_then_expired(self):
        order = self.sell(self.client_2, self.certificate, pay=False)
        card = self.certificates(order)
        self.assertEqual((card.active, card.points, card.salon_paid_date), (False, 5000.0, False))
        self.assertEqual(self.report(card).state, "unpaid")
        self.assertEqual(self.report(card).amount_outstanding, 0.0)
        probe = self.env["sale.order"].create(
            {"partner_id": self.client.id, "order_line": [Command.create({"product_id": self.haircut.id})]}
        )
        self.assertTrue(probe._try_apply_code(card.code).get("not_found"), "unpaid: the code finds nothing")

        self.pay(order.invoice_ids)
        self.assertTrue(card.active)
        self.assertEqual((card.salon_paid_date, card.expiration_date), (date(2030, 3, 4), date(2030, 6, 12)))
        self.assertEqual(self.balance(self.liability), -5000.0)

        visit = self.served(self.haircut, self.master_anna, "2030-03-04 12:00")
        paid = self.checkout(visit, code=card.code)
        gift_line = paid.order_line.filtered("reward_id")
        self.assertEqual((gift_line.price_subtotal, gift_line.coupon_id), (-2500.0, card))
        self.assertEqual(paid.amount_total, 0.0)
        self.assertEqual(paid.invoice_ids.payment_state, "paid")
        self.assertEqual(card.points, 2500.0)
        self.assertEqual(self.balance(self.liability), -2500.0)
        row = self.report(card)
        self.assertEqual(
            (row.amount_sold, row.amount_redeemed, row.amount_outstanding, row.state, row.buyer_id),
            (5000.0, 2500.0, 2500.0, "active", self.client_2),
        )
        points = self.Card.search(
            [("partner_id", "=", self.client.id), ("program_id", "=", self.points_program.id)]
        )
        self.assertEqual(sum(points.mapped("points")), 0.0, "nothing paid with money, no points earned")

        with freeze_time("2030-06-12 08:00:00"):
            self.Card._salon_cron_expire()
        self.assertEqual(card.points, 2500.0, "still valid on its last day")
        with freeze_time("2030-06-13 08:00:00"):
            self.Card._salon_cron_expire()
            self.Card._salon_cron_expire()
        self.assertEqual(card.points, 0.0)
        self.assertBalanceIsLedger(card)
        row = self.report(card)
        self.assertEqual((row.amount_expired, row.amount_outstanding, row.state), (2500.0, 0.0, "expired"))
        self.assertEqual(self.balance(self.liability), 0.0)
        self.assertEqual(self.balance(self.other_income), -2500.0)

    def test_expired_certificate_is_refused(self):
        order = self.sell(self.client_2, self.certificate)
        card = self.certificates(order)
        with freeze_time("2030-06-13 08:00:00"):
            visit = self.served(self.haircut, self.master_anna, "2030-06-13 12:00")
            with self.assertRaisesRegex(UserError, "This coupon is expired"):
                self.checkout(visit, code=card.code)
        self.assertEqual(card.points, 5000.0)

    def test_company_buys_a_batch_and_the_report_adds_up(self):
        corporate = self.env["res.partner"].create({"name": "OOO Romashka", "is_company": True})
        order = self.sell(corporate, self.certificate, quantity=3.0)
        cards = self.certificates(order)
        self.assertEqual(len(cards), 3)
        self.assertTrue(all(cards.mapped("active")))
        self.assertEqual(set(cards.mapped("points")), {5000.0})
        self.env.flush_all()
        groups = self.Report._read_group(
            [("buyer_id", "=", corporate.id)],
            ["state"],
            ["amount_sold:sum", "amount_outstanding:sum", "__count"],
        )
        self.assertEqual(groups, [("active", 15000.0, 15000.0, 3)])
        self.assertEqual(self.balance(self.liability), -15000.0)
