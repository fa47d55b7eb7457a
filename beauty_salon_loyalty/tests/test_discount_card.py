# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestDiscountCard(LoyaltyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gift_voucher = cls.env["product.product"].create(
            {"name": "Voucher", "type": "service", "list_price": 1.0, "taxes_id": False}
        )

    def card(self, partner=None, program=None):
        return self.Card.create(
            {"program_id": (program or self.card_program).id, "partner_id": (partner or self.client).id}
        )

    def spend(self, partner, amount):
        """The client pays an invoice of ``amount`` (a desk sale)."""
        return self.sell(partner, self.gift_voucher, quantity=amount)

    def test_tiers_start_exactly_at_their_threshold(self):
        scale = {
            0.0: 0.0,
            19999.99: 0.0,
            20000.0: 5.0,
            49999.99: 5.0,
            50000.0: 7.0,
            99999.99: 7.0,
            100000.0: 10.0,
            250000.0: 10.0,
        }
        for total, percent in scale.items():
            with self.subTest(total=total):
                self.assertEqual(self.card_program._salon_tier_for(total).discount or 0.0, percent)

    def test_card_moves_up_when_a_payment_reaches_the_next_tier(self):
        card = self.card()
        self.assertFalse(card.salon_reward_id)
        self.spend(self.client, 19999.0)
        self.assertEqual((card.salon_total_spent, card.salon_discount), (19999.0, 0.0))
        self.assertEqual(card.salon_to_next_reward, 1.0)
        unpaid = self.sell(self.client, self.gift_voucher, quantity=1.0, pay=False)
        self.assertEqual(card.salon_discount, 0.0, "an unpaid invoice does not count")
        self.pay(unpaid.invoice_ids)
        self.assertEqual((card.salon_total_spent, card.salon_discount), (20000.0, 5.0))
        self.spend(self.client, 30000.0)
        self.assertEqual(card.salon_discount, 7.0)
        self.assertEqual(card.salon_next_reward_id.discount, 10.0)

    def test_refund_moves_the_card_back_down(self):
        card = self.card()
        order = self.spend(self.client, 20000.0)
        self.assertEqual(card.salon_discount, 5.0)
        self.refund(order.invoice_ids)
        self.assertEqual((card.salon_total_spent, card.salon_discount), (0.0, 0.0))

    def test_visit_paid_at_checkout_upgrades_the_card(self):
        card = self.card()
        self.spend(self.client, 18000.0)
        order = self.checkout(self.served(self.colour, self.master_anna, "2030-03-04 14:00"))
        self.assertFalse(order.order_line.filtered("salon_card_id"), "no tier yet at this checkout")
        self.assertEqual((card.salon_total_spent, card.salon_discount), (24500.0, 5.0))

    def test_card_discounts_the_eligible_lines_at_checkout(self):
        self.card_program.salon_exclude_product_ids = self.manicure
        card = self.card()
        self.spend(self.client, 100000.0)
        self.assertEqual(card.salon_discount, 10.0)
        visit = self.served(self.haircut, self.master_anna, "2030-03-04 12:00")
        self.add_line(visit, self.manicure, self.master_olga, visit.date_start)
        order = self.checkout(visit, products=[(self.shampoo, 1.0)])
        lines = {line.product_id: line for line in order.order_line}
        self.assertEqual((lines[self.haircut].discount, lines[self.haircut].salon_card_id), (10.0, card))
        self.assertEqual(lines[self.manicure].discount, 0.0, "excluded service")
        self.assertEqual(lines[self.shampoo].discount, 0.0, "services only")
        self.assertEqual(order.amount_total, 2250.0 + 2000.0 + 900.0)
        self.assertEqual(order.invoice_ids.amount_total, order.amount_total)
        self.assertIn(order.invoice_ids.payment_state, ("paid", "in_payment"))

    def test_best_card_wins_and_personal_cards_need_no_spending(self):
        staff = self.Program.create(
            {
                "name": "Staff 12%",
                "salon_kind": "discount_card",
                "salon_card_mode": "personal",
                "reward_ids": [Command.create(self.Program._salon_percent_reward(12.0))],
            }
        )
        self.card()
        personal = self.card(program=staff)
        self.spend(self.client, 20000.0)
        self.assertEqual(personal.salon_discount, 12.0)
        order = self.checkout(self.served(self.haircut, self.master_anna, "2030-03-04 12:00"))
        self.assertEqual(order.order_line.salon_card_id, personal)
        self.assertEqual(order.amount_total, 2200.0)

    def test_a_discount_card_is_no_code_for_odoo_rewards(self):
        card = self.card()
        self.spend(self.client, 20000.0)
        order = self.env["sale.order"].create(
            {"partner_id": self.client.id, "order_line": [Command.create({"product_id": self.haircut.id})]}
        )
        self.assertIn("error", order._try_apply_code(card.code))
        order._update_programs_and_rewards()
        self.assertFalse(order._get_claimable_rewards().get(card))
