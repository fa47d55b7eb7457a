# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll with loyalty (cross-addon): a visit partly paid with bonus points and a gift certificate, and
visits paid from a visit pack. Loyalty names each reduction (``beauty.visit._salon_reduction_kinds``);
each pay scheme decides which kinds lower the commission base.

Needs Odoo's ``sale_loyalty`` (brought by ``beauty_salon_loyalty``): payroll tells its reward lines
apart without depending on it.
"""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from odoo.addons.beauty_salon_payroll.tests.common import PayrollCase


@tagged("post_install", "-at_install")
class TestPayrollWithLoyalty(PayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.haircut.taxes_id = [Command.clear()]
        per_point = {
            "reward_type": "discount",
            "discount_mode": "per_point",
            "discount": 1,
            "required_points": 1,
            "discount_applicability": "order",
        }
        Program = cls.env["loyalty.program"]
        cls.points = Program.create(
            {
                "name": "Bonus points",
                "program_type": "loyalty",
                "applies_on": "both",
                "rule_ids": [
                    Command.clear(),
                    Command.create({"reward_point_mode": "order", "reward_point_amount": 1}),
                ],
                "reward_ids": [Command.clear(), Command.create(per_point)],
            }
        )
        cls.gift_cards = Program.create(
            {
                "name": "Gift certificates",
                "program_type": "gift_card",
                "applies_on": "future",
                "rule_ids": [Command.clear()],
                "reward_ids": [Command.clear(), Command.create(per_point)],
            }
        )
        Card = cls.env["loyalty.card"]
        cls.points_card = Card.create(
            {"program_id": cls.points.id, "partner_id": cls.client.id, "points": 500}
        )
        cls.certificate = Card.create({"program_id": cls.gift_cards.id, "points": 1000})

    def test_points_lower_the_base_certificates_do_not(self):
        """Haircut 2,500: 500 in points, 1,000 by certificate, 1,000 in cash; 40 %.

        Default: 2,500 - 500 = 2,000 -> 800. Certificates deducted too: 1,000 -> 400.
        Points not deducted: 2,500 -> 1,000.
        """
        by_default = self.scheme(self.master_anna, service_rate=40)
        self.scheme(self.master_olga, service_rate=40, deduct_certificates=True)
        self.scheme(self.master_irina, service_rate=40, deduct_points=False)
        for master in (self.master_anna, self.master_olga, self.master_irina):
            visit = self.book(self.haircut, master, "2030-03-04 10:00")
            visit.action_arrive()
            order = visit._create_sale_order()
            order._update_programs_and_rewards()  # the client's points card is loaded automatically
            self.assertEqual(order.applied_coupon_ids, self.points_card)
            self.assertIn(self.certificate, order._try_apply_code(self.certificate.code))
            for card in (self.points_card, self.certificate):
                self.assertEqual(order._apply_program_reward(card.program_id.reward_ids, card), {})
            self.assertEqual(order.amount_total, 1000.0)
            self.checkout(visit, "2030-03-04")
            self.assertEqual(visit.sale_order_id.invoice_ids.payment_state, "paid")
            self.points_card.points, self.certificate.points = 500, 1000
        anna, olga, irina = (
            self.make_sheet(m) for m in (self.master_anna, self.master_olga, self.master_irina)
        )
        self.assertEqual(
            (anna.line_ids.scheme_id, anna.line_ids.base, anna.amount_commission), (by_default, 2000.0, 800.0)
        )
        self.assertEqual((olga.line_ids.base, olga.amount_commission), (1000.0, 400.0))
        self.assertEqual((irina.line_ids.base, irina.amount_commission), (2500.0, 1000.0))

    def test_visit_pack_session_counts_at_its_value(self):
        """Haircut 2,500 paid from a pack of 10 haircuts sold for 20,000 (2,000 a session); 40 %.

        Default: the session's value, 2,000 -> 800. Packs deducted: 0. List price: 2,500 -> 1,000.
        """
        pack_product = self.env["product.product"].create(
            {
                "name": "10 haircuts",
                "type": "service",
                "list_price": 20000.0,
                "taxes_id": False,
                "salon_pack_ok": True,
                "salon_pack_session_count": 10,
                "salon_pack_service_ids": [Command.set(self.haircut.ids)],
                "salon_pack_validity_days": 90,
            }
        )
        with freeze_time("2030-03-03"):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.client_2.id,
                    "order_line": [Command.create({"product_id": pack_product.id})],
                }
            )
            order.action_confirm()
            invoice = order._create_invoices()
            invoice.action_post()
        self.register_payment(invoice, "2030-03-03")
        pack = self.env["beauty.visit.pack"].search([("sale_line_id", "in", order.order_line.ids)])
        self.assertEqual((pack.remaining_count, pack.session_value), (10.0, 2000.0))
        self.scheme(self.master_anna, service_rate=40)
        self.scheme(self.master_olga, service_rate=40, deduct_packs=True)
        self.scheme(self.master_irina, service_rate=40, commission_base="list")
        for master in (self.master_anna, self.master_olga, self.master_irina):
            visit = self.book(self.haircut, master, "2030-03-04 10:00", partner=self.client_2)
            self.checkout(visit, "2030-03-04")
            self.assertEqual(visit.sale_order_id.order_line.salon_pack_id, pack)
            self.assertEqual(visit.sale_order_id.invoice_ids.payment_state, "paid")
        self.assertEqual(pack.remaining_count, 7.0)
        anna, olga, irina = (
            self.make_sheet(m) for m in (self.master_anna, self.master_olga, self.master_irina)
        )
        self.assertEqual(
            (anna.line_ids.revenue, anna.line_ids.base, anna.amount_commission), (0.0, 2000.0, 800.0)
        )
        self.assertEqual((olga.line_ids.base, olga.amount_commission), (0.0, 0.0))
        self.assertEqual((irina.line_ids.base, irina.amount_commission), (2500.0, 1000.0))
