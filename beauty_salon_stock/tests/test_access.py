# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestStockAccess(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna_user = cls.make_user("access_anna", "beauty_salon_group_master", cls.master_anna)
        cls.olga_user = cls.make_user("access_olga", "beauty_salon_group_master", cls.master_olga)
        cls.reception = cls.make_user("access_reception", "beauty_salon_group_user")
        cls.manager = cls.make_user("access_manager", "beauty_salon_group_manager")
        cls.visit = cls.book_services(
            (cls.colour, cls.master_anna, "2030-03-04 10:00"),
            (cls.manicure, cls.master_olga, "2030-03-04 10:00"),
        )

    def test_masters_see_and_record_only_their_own_materials(self):
        Material = self.env["beauty.visit.consumption"].with_user(self.anna_user)
        own = Material.search([("visit_id", "=", self.visit.id)])
        self.assertEqual(own.master_id, self.master_anna)
        own.filtered(lambda m: m.product_id == self.dye).qty_actual = 85.0
        olgas = self.visit.salon_consumption_ids.filtered(lambda m: m.master_id == self.master_olga)
        with self.assertRaises(AccessError):
            olgas.with_user(self.anna_user).write({"qty_actual": 5.0})
        with self.assertRaises(AccessError):
            olgas.with_user(self.anna_user).read(["qty_actual"])

    def test_masters_read_cost_cards_managers_edit_them(self):
        card = self.colour_card.with_user(self.anna_user)
        self.assertEqual(card.line_ids.mapped("quantity"), [60.0, 90.0, 1.0, 80.0])
        with self.assertRaises(AccessError):
            card.line_ids[0].quantity = 70.0
        with self.assertRaises(AccessError):
            self.colour_card.with_user(self.reception).write({"note": "More dye"})
        self.colour_card.with_user(self.manager).line_ids = [
            Command.create(
                {
                    "product_id": self.oxidant.id,
                    "quantity": 100.0,
                    "master_id": self.master_olga.id,
                    "product_uom_id": self.uom_ml.id,
                }
            )
        ]
        self.assertEqual(len(self.colour_card.line_ids), 5)

    def test_reports_are_for_managers(self):
        for model in ("beauty.consumption.report", "beauty.profitability.report"):
            for user in (self.anna_user, self.reception):
                with self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
            self.assertIsInstance(self.env[model].with_user(self.manager).search_count([]), int)

    def test_price_list_for_reception_not_for_masters(self):
        self.env["beauty.price.list.export"].with_user(self.reception).create({"scope": "all"})
        with self.assertRaises(AccessError):
            self.env["beauty.price.list.export"].with_user(self.anna_user).create({"scope": "all"})

    def test_masters_do_not_see_transfers(self):
        self.complete(self.visit)
        with self.assertRaises(AccessError):
            self.visit.salon_picking_ids.with_user(self.anna_user).read(["name"])
        self.assertEqual(self.visit.with_user(self.anna_user).salon_picking_count, 1)
        self.assertTrue(self.visit.salon_picking_ids.with_user(self.manager).read(["name"]))
