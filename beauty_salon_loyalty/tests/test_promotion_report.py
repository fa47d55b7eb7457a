# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestPromotionReport(LoyaltyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.promotion = cls.Program.create(
            {
                "name": "January -10%",
                "program_type": "promotion",
                "trigger": "auto",
                "applies_on": "current",
                "date_from": "2030-01-01",
                "date_to": "2030-01-31",
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "reward_point_amount": 1,
                            "minimum_amount": 0,
                            "minimum_qty": 0,
                        }
                    )
                ],
                "reward_ids": [Command.create(cls.Program._salon_percent_reward(10.0))],
            }
        )
        Partner = cls.env["res.partner"]
        cls.anna, cls.bella, cls.clara = Partner.create(
            [{"name": name} for name in ("Anna", "Bella", "Clara")]
        )

    def order_on(self, day, partner, service, cancel=False):
        """A desk order on ``day`` with whatever promotion applies then, confirmed (or cancelled)."""
        with freeze_time(f"{day} 09:00:00"):
            order = self.env["sale.order"].create(
                {"partner_id": partner.id, "order_line": [Command.create({"product_id": service.id})]}
            )
            order._salon_apply_loyalty()
            order.action_confirm()
            if cancel:
                order._action_cancel()
        return order

    def test_results_of_a_promotion_on_hand_built_orders(self):
        self.order_on("2029-12-01", self.bella, self.haircut)  # Bella was already a client
        anna = self.order_on("2030-01-10", self.anna, self.haircut)  # new client, 2,500 - 250
        self.order_on("2030-01-15", self.bella, self.manicure)  # 2,000 - 200
        self.order_on("2030-01-20", self.clara, self.colour)  # new client, 6,500 - 650
        self.order_on("2030-01-25", self.clara, self.haircut, cancel=True)  # cancelled: not a use
        self.order_on("2030-02-01", self.anna, self.manicure)  # Anna back within 90 days
        self.order_on("2030-02-10", self.clara, self.manicure)
        self.order_on("2030-03-01", self.clara, self.haircut)
        self.order_on("2030-05-20", self.bella, self.haircut)  # Bella back after 125 days: too late
        self.assertEqual(anna.order_line.filtered("reward_id").price_subtotal, -250.0)
        self.env.flush_all()
        Report = self.env["beauty.promotion.report"]
        [(program, uses, discount, revenue, new, repeat, returned)] = Report._read_group(
            [("program_id", "=", self.promotion.id)],
            ["program_id"],
            [
                "uses:sum",
                "discount_amount:sum",
                "revenue:sum",
                "new_client:sum",
                "repeat_visits:sum",
                "returned_client:sum",
            ],
        )
        self.assertEqual(program, self.promotion)
        self.assertEqual((uses, discount, revenue), (3, 1100.0, 9900.0))
        self.assertEqual((new, repeat, returned), (2, 3, 2))
        per_client = dict(
            Report._read_group(
                [("program_id", "=", self.promotion.id)], ["partner_id"], ["repeat_visits:sum"]
            )
        )
        self.assertEqual(per_client, {self.anna: 1, self.bella: 0, self.clara: 2})
