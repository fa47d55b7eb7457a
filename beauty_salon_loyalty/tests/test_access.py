# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestLoyaltyAccess(LoyaltyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.master = cls.make_user("loy_master", "beauty_salon_group_master", employee=cls.master_anna)
        cls.reception = cls.make_user("loy_reception", "beauty_salon_group_user")
        cls.manager = cls.make_user("loy_manager", "beauty_salon_group_manager")
        cls.card = cls.points_card(points=1000.0)
        cls.pack_product = cls.env["product.product"].create(
            {
                "name": "5 manicures",
                "type": "service",
                "list_price": 9000.0,
                "taxes_id": False,
                "salon_pack_ok": True,
                "salon_pack_session_count": 5,
                "salon_pack_service_ids": [Command.set(cls.manicure.ids)],
            }
        )

    def test_a_master_cannot_adjust_a_balance(self):
        with self.assertRaises(AccessError):
            self.card.with_user(self.master).write({"points": 5000.0})
        with self.assertRaises(AccessError):
            self.History.with_user(self.master).create(
                {"card_id": self.card.id, "description": "Gift", "issued": 100.0}
            )
        with self.assertRaises(AccessError):
            self.env["loyalty.card.update.balance"].with_user(self.master).create(
                {"card_id": self.card.id, "new_balance": 5000.0, "description": "Gift"}
            )
        with self.assertRaises(AccessError):
            self.card.with_user(self.master).read(["points"])
        self.assertEqual(self.card.points, 1000.0)

    def test_reception_cannot_adjust_a_balance_by_hand(self):
        card = self.card.with_user(self.reception)
        self.assertEqual(card.points, 1000.0, "reception sees the balance")
        with self.assertRaises(AccessError):
            card.write({"points": 5000.0})
        with self.assertRaises(AccessError):
            self.History.with_user(self.reception).create(
                {"card_id": self.card.id, "description": "Gift", "issued": 100.0}
            )
        with self.assertRaises(AccessError):
            card.action_loyalty_update_balance()
        self.assertEqual(self.card.points, 1000.0)

    def test_a_manager_adjusts_through_the_ledger(self):
        wizard = (
            self.env["loyalty.card.update.balance"]
            .with_user(self.manager)
            .create(
                {"card_id": self.card.id, "new_balance": 1300.0, "description": "Apology for a late start"}
            )
        )
        wizard.action_update_card_point()
        self.assertEqual(self.card.points, 1300.0)
        line = self.History.sudo().search([("card_id", "=", self.card.id)], order="id desc", limit=1)
        self.assertEqual((line.issued, line.salon_kind, line.create_uid), (300.0, "adjustment", self.manager))
        self.assertBalanceIsLedger(self.card)

    def test_ledger_lines_are_never_edited_or_deleted(self):
        line = self.History.sudo().search([("card_id", "=", self.card.id)], limit=1)
        with self.assertRaisesRegex(UserError, "post a correction"):
            line.with_user(self.manager).write({"issued": 5000.0})
        with self.assertRaises(AccessError):
            line.with_user(self.manager).unlink()

    def test_reception_checks_out_with_points_and_a_pack(self):
        self.sell(self.client, self.pack_product)  # 9,000 paid: 450 points
        visit = self.served(self.haircut, self.master_anna, "2030-03-04 12:00")
        self.add_line(visit, self.manicure, self.master_olga, visit.date_start)
        wizard = (
            self.env["beauty.visit.checkout"]
            .with_user(self.reception)
            .create({"visit_id": visit.id, "journal_id": self.cash.id, "salon_points_to_use": 300.0})
        )
        self.assertEqual(wizard.salon_points_balance, 1450.0)
        wizard.action_confirm()
        order = visit.sale_order_id
        self.assertEqual(order.amount_total, 2500.0 - 300.0)
        self.assertEqual(self.card.points, 1450.0 - 300.0 + 2200.0 * 0.05)
        self.assertBalanceIsLedger(self.card)
        pack = order.order_line.salon_pack_id
        self.assertEqual(pack.remaining_count, 4.0)

    def test_only_managers_freeze_and_masters_see_no_packs(self):
        order = self.sell(self.client, self.pack_product)
        pack = self.env["beauty.visit.pack"].search([("sale_line_id", "in", order.order_line.ids)])
        freeze = {
            "pack_id": pack.id,
            "kind": "freeze",
            "date_from": "2030-03-05",
            "date_to": "2030-03-06",
            "reason": "Trip",
        }
        with self.assertRaises(AccessError):
            self.env["beauty.visit.pack.change"].with_user(self.reception).create(freeze)
        self.env["beauty.visit.pack.change"].with_user(self.manager).create(freeze)
        self.assertEqual(len(pack.change_ids), 1)
        with self.assertRaises(AccessError):
            pack.with_user(self.master).read(["remaining_count"])
        with self.assertRaises(AccessError):
            self.env["beauty.gift.card.report"].with_user(self.reception).search([])

    def test_a_pack_is_valid_across_the_chain_but_listed_in_its_branch(self):
        branch = self.env["res.company"].create({"name": "Branch 2", "parent_id": self.company.id})
        other = self.env["beauty.visit.pack"].create(
            {
                "partner_id": self.client.id,
                "company_id": branch.id,
                "product_id": self.pack_product.id,
                "service_ids": [Command.set(self.manicure.ids)],
                "session_count": 5,
                "date_start": "2030-03-01",
            }
        )
        self.reception.company_ids = self.company
        visible = (
            self.env["beauty.visit.pack"]
            .with_user(self.reception)
            .search([("partner_id", "=", self.client.id)])
        )
        self.assertNotIn(other, visible)
        usable = (
            self.env["beauty.visit.pack"]
            .with_user(self.reception)
            ._salon_usable(self.client, self.company, date(2030, 3, 4))
        )
        self.assertEqual(usable, other)
