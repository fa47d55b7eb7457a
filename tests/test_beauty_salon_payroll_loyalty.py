# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll with loyalty (cross-addon): a visit partly paid with bonus points and a gift certificate.

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
            print(
                [
                    (l.name, l.balance, l.display_type, l.sale_line_ids.reward_id.program_id.program_type)
                    for l in visit.sale_order_id.invoice_ids.line_ids
                ]
            )
            self.points_card.points, self.certificate.points = 500, 1000
        anna, olga, irina = (
            self.make_sheet(m) for m in (self.master_anna, self.master_olga, self.master_irina)
        )
        self.assertEqual(
            (anna.line_ids.scheme_id, anna.line_ids.base, anna.amount_commission), (by_default, 2000.0, 800.0)
        )
        self.assertEqual((olga.line_ids.base, olga.amount_commission), (1000.0, 400.0))
        self.assertEqual((irina.line_ids.base, irina.amount_commission), (2500.0, 1000.0))

    def test_a_pack_session_counts_at_its_value_unless_the_scheme_deducts_packs(self):
        """A massage (3,500) paid by a session of a pack of 10 sold for 30,000: the session is worth 3,000.

        Olga 40 %, packs not deducted (the default): 3,000 -> 1,200. Irina 40 %, packs deducted: 0.
        """
        self.massage.taxes_id = [Command.clear()]
        pack_product = self.env["product.product"].create(
            {
                "name": "10 massages",
                "type": "service",
                "list_price": 30000.0,
                "taxes_id": False,
                "salon_pack_ok": True,
                "salon_pack_session_count": 10,
                "salon_pack_service_ids": [Command.set(self.massage.ids)],
                "salon_pack_validity_days": 90,
            }
        )
        with freeze_time("2030-03-04"):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.client.id,
                    "order_line": [Command.create({"product_id": pack_product.id})],
                }
            )
            order.action_confirm()
            invoice = order._create_invoices()
            invoice.action_post()
        self.register_payment(invoice, "2030-03-04")
        self.scheme(self.master_olga, service_rate=40)
        self.scheme(self.master_irina, service_rate=40, deduct_packs=True)
        for master, start in (
            (self.master_olga, "2030-03-05 10:00"),
            (self.master_irina, "2030-03-05 12:00"),
        ):
            visit = self.book(self.massage, master, start)
            self.checkout(visit, "2030-03-05")
            self.assertEqual(visit.sale_order_id.order_line.salon_pack_session_value, 3000.0)
            self.assertEqual(visit.sale_order_id.amount_total, 0.0)
        olga, irina = (self.make_sheet(m) for m in (self.master_olga, self.master_irina))
        self.assertEqual(
            [(line.revenue, line.base, line.amount) for line in olga.line_ids], [(3000.0, 3000.0, 1200.0)]
        )
        self.assertEqual([(line.base, line.amount) for line in irina.line_ids], [(0.0, 0.0)])
