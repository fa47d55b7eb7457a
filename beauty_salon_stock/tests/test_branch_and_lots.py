# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestBranchRouting(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.branch = cls.env["res.company"].create({"name": "Salon on Arbat", "parent_id": cls.company.id})
        cls.branch_warehouse = cls.branch._salon_warehouse()
        cls.branch_master = cls.env["hr.employee"].create(
            {
                "name": "Arbat Master",
                "is_salon_master": True,
                "resource_calendar_id": cls.calendar.id,
                "company_id": cls.branch.id,
            }
        )
        cls.manicure.product_tmpl_id.salon_master_ids = [Command.link(cls.branch_master.id)]
        cls.gloves.with_company(cls.branch).standard_price = 25.0
        cls.put_in_stock(cls.gloves, 40.0, location=cls.branch_warehouse.lot_stock_id)

    def test_each_branch_writes_off_from_its_own_warehouse(self):
        self.assertNotEqual(self.branch_warehouse, self.warehouse)
        branch_type = self.branch_warehouse.salon_consumption_type_id
        self.assertEqual(branch_type.default_location_src_id, self.branch_warehouse.lot_stock_id)
        self.assertEqual(branch_type.default_location_dest_id, self.branch.salon_consumption_location_id)
        self.assertEqual(self.branch.salon_consumption_location_id.company_id, self.branch)
        visit = self.book_services(
            (self.manicure, self.branch_master, "2030-03-04 10:00"), company=self.branch
        )
        self.complete(visit)
        picking = visit.salon_picking_ids
        self.assertEqual(picking.picking_type_id, branch_type)
        self.assertEqual(picking.company_id, self.branch)
        self.assertEqual(picking.location_dest_id, self.branch.salon_consumption_location_id)
        self.assertAlmostEqual(self.on_hand(self.gloves, self.branch_warehouse.lot_stock_id), 38.0)
        self.assertAlmostEqual(self.on_hand(self.gloves), 100.0, msg="the main salon's stock is untouched")
        self.assertAlmostEqual(
            self.material(visit, self.gloves).amount, 50.0, msg="valued at the branch's cost"
        )

    def test_branch_materials_are_not_seen_from_the_main_salon(self):
        visit = self.book_services(
            (self.manicure, self.branch_master, "2030-03-04 10:00"), company=self.branch
        )
        reception = self.make_user("main_reception", "beauty_salon_group_user")
        Material = self.env["beauty.visit.consumption"].with_user(reception)
        self.assertFalse(Material.search([("visit_id", "=", visit.id)]))


@tagged("post_install", "-at_install")
class TestLotsAndBarcodes(SalonStockCase):
    def laser_visit(self):
        visit = self.book_services((self.laser_hair, self.master_irina, "2030-03-04 10:00"))
        visit.action_arrive()
        visit.action_start()
        return visit

    def written_off_by_lot(self, material):
        result = {}
        for move_line in material.move_ids.move_line_ids:
            sign = 1 if move_line.location_dest_id == self.consumption_location else -1
            result[move_line.lot_id.name] = result.get(move_line.lot_id.name, 0.0) + sign * move_line.quantity
        return {lot: qty for lot, qty in result.items() if qty}

    def test_lots_follow_the_removal_strategy_and_come_back(self):
        visit = self.laser_visit()
        gel = self.material(visit, self.gel)
        gel.qty_actual = 12.0
        visit.action_done()
        self.assertEqual(self.written_off_by_lot(gel), {"GEL-A": 10.0, "GEL-B": 2.0})
        gel.qty_actual = 5.0  # the last lot used goes back first
        self.assertEqual(self.written_off_by_lot(gel), {"GEL-A": 5.0})
        self.assertAlmostEqual(self.on_hand(self.gel, lot=self.lot_a), 5.0)
        self.assertAlmostEqual(self.on_hand(self.gel, lot=self.lot_b), 30.0)

    def test_the_lot_chosen_by_the_master_is_used(self):
        visit = self.laser_visit()
        self.material(visit, self.gel).lot_id = self.lot_b
        visit.action_done()
        self.assertEqual(self.written_off_by_lot(self.material(visit, self.gel)), {"GEL-B": 4.0})
        self.assertAlmostEqual(self.on_hand(self.gel, lot=self.lot_b), 26.0)

    def test_not_enough_in_lots_asks_for_the_lot(self):
        visit = self.laser_visit()
        self.material(visit, self.gel).qty_actual = 50.0
        with self.assertRaisesRegex(UserError, "Cooling gel"):
            visit.action_done()

    def test_materials_are_found_by_barcode(self):
        found = self.env["product.product"].name_search("4600000000017", [("is_storable", "=", True)])
        self.assertEqual([product_id for product_id, _name in found], self.dye.ids)
