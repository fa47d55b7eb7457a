# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestCheckoutLoyalty(LoyaltyCase):
    """Card, promotion and points on one visit: what the client pays, and what lowered each master's line
    (the base of commissions, ``beauty.visit._salon_reduction_kinds``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Program.create(
            {
                "name": "Happy hours -10%",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "rule_ids": [Command.create({"reward_point_mode": "order", "minimum_qty": 0})],
                "reward_ids": [Command.create(cls.Program._salon_percent_reward(10.0))],
            }
        )
        cls.card = cls.Card.create({"program_id": cls.card_program.id, "partner_id": cls.client.id})
        five_percent = cls.card_program.reward_ids.filtered(lambda r: r.discount == 5.0)
        cls.card.write({"salon_total_spent": 20000.0, "salon_reward_id": five_percent.id})
        cls.points = cls.points_card(points=2000.0)

    def visit_for_two_masters(self):
        visit = self.book(self.haircut, self.master_anna, "2030-03-04 12:00")
        self.add_line(visit, self.manicure, self.master_olga, visit.date_start)
        visit.action_arrive()
        return visit

    def test_card_promotion_and_points_on_one_visit(self):
        visit = self.visit_for_two_masters()
        wizard = self.env["beauty.visit.checkout"].create(
            {"visit_id": visit.id, "journal_id": self.cash.id, "salon_points_to_use": 500.0}
        )
        self.assertEqual((wizard.salon_card_id, wizard.salon_card_discount), (self.card, 5.0))
        self.assertEqual((wizard.salon_points_balance, wizard.salon_points_max), (2000.0, 1350.0))
        wizard.action_confirm()
        order = visit.sale_order_id
        haircut = order.order_line.filtered(lambda line: line.product_id == self.haircut)
        manicure = order.order_line.filtered(lambda line: line.product_id == self.manicure)
        promotion = order.order_line.filtered(
            lambda line: line.reward_id.program_id.program_type == "promotion"
        )
        points = order.order_line.filtered(lambda line: line.coupon_id == self.points)
        self.assertEqual((haircut.price_subtotal, manicure.price_subtotal), (2375.0, 1900.0))
        self.assertEqual((haircut.salon_card_id, manicure.salon_card_id), (self.card, self.card))
        self.assertEqual(promotion.price_subtotal, -427.5)
        self.assertEqual(points.price_subtotal, -500.0)
        self.assertEqual(promotion.salon_discounted_line_ids, haircut | manicure)
        self.assertEqual(points.salon_discounted_line_ids, haircut | manicure)
        self.assertEqual(order.amount_total, 3347.5)
        self.assertIn(order.invoice_ids.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.points.points, 2000.0 - 500.0 + 167.37)
        kinds = visit._salon_reduction_kinds()
        self.assertEqual(set(kinds), {haircut.id, manicure.id}, "reward lines are spread, not reduced")
        self.assertEqual(set(kinds[haircut.id]), {"discount", "points"})
        self.assertAlmostEqual(kinds[haircut.id]["discount"], -125.0 - 237.5, places=2)
        self.assertAlmostEqual(kinds[haircut.id]["points"], -500.0 * 2375.0 / 4275.0, places=2)
        self.assertAlmostEqual(kinds[manicure.id]["discount"], -100.0 - 190.0, places=2)
        self.assertAlmostEqual(kinds[manicure.id]["points"], -500.0 * 1900.0 / 4275.0, places=2)
        paid = 2500.0 + 2000.0 + sum(sum(parts.values()) for parts in kinds.values())
        self.assertAlmostEqual(paid, order.amount_untaxed, places=2)

    def test_a_certificate_is_named_apart_from_discounts(self):
        certificate = self.env["product.product"].create(
            {"name": "Certificate", "type": "service", "list_price": 1000.0, "taxes_id": False}
        )
        program = self.Program.create(
            {
                "name": "Certificates",
                "program_type": "gift_card",
                "applies_on": "future",
                "trigger": "auto",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_split": True,
                            "product_ids": [Command.set(certificate.ids)],
                            "minimum_qty": 0,
                        }
                    )
                ],
                "reward_ids": [Command.create(self.Program._salon_per_point_reward())],
            }
        )
        gift = self.sell(self.client_2, certificate)
        code = self.Card.search([("order_id", "=", gift.id), ("program_id", "=", program.id)]).code
        visit = self.visit_for_two_masters()
        order = self.checkout(visit, code=code)
        kinds = visit._salon_reduction_kinds()
        haircut = order.order_line.filtered(lambda line: line.product_id == self.haircut)
        self.assertAlmostEqual(kinds[haircut.id]["discount"], -125.0 - 237.5, places=2)
        self.assertAlmostEqual(kinds[haircut.id]["certificate"], -1000.0 * 2375.0 / 4275.0, places=2)
        self.assertEqual(order.amount_total, 4275.0 - 427.5 - 1000.0)
