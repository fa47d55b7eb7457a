# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestWriteOff(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.make_user("stock_manager", "beauty_salon_group_manager")
        cls.reception = cls.make_user("stock_reception", "beauty_salon_group_user")
        cls.master_user = cls.make_user("stock_master", "beauty_salon_group_master", cls.master_anna)

    def colour_and_manicure(self):
        return self.book_services(
            (self.colour, self.master_anna, "2030-03-04 10:00"),
            (self.manicure, self.master_olga, "2030-03-04 10:00"),
        )

    def test_several_services_with_a_master_override(self):
        visit = self.complete(self.colour_and_manicure())
        picking = visit.salon_picking_ids
        self.assertEqual(len(picking), 1, "one transfer per visit")
        self.assertEqual(picking.state, "done")
        self.assertEqual(picking.picking_type_id, self.warehouse.salon_consumption_type_id)
        self.assertEqual(
            (picking.location_id, picking.location_dest_id), (self.stock_location, self.consumption_location)
        )
        moves = picking.move_ids
        self.assertEqual(
            sorted(
                (m.product_id.name, m.product_uom_qty, m.salon_consumption_id.line_id.master_id.name)
                for m in moves
            ),
            [
                ("Hair dye", 80.0, "Anna Master"),
                ("Nitrile gloves (pair)", 1.0, "Anna Master"),
                ("Nitrile gloves (pair)", 2.0, "Olga Master"),
                ("Oxidant 6%", 90.0, "Anna Master"),
            ],
        )
        self.assertAlmostEqual(self.on_hand(self.dye), 1.92)
        self.assertAlmostEqual(self.on_hand(self.oxidant), 4.91)
        self.assertAlmostEqual(self.on_hand(self.gloves), 97.0)
        # Valued by stock_account at average cost: 80 g x 10 + 90 ml x 0.5 + 3 x 20.
        self.assertAlmostEqual(visit.salon_material_cost, 905.0)
        self.assertAlmostEqual(sum(moves.stock_valuation_layer_ids.mapped("value")), -905.0)
        colour_line, manicure_line = visit.line_ids
        self.assertEqual(
            visit.line_ids._salon_material_costs(), {colour_line.id: 865.0, manicure_line.id: 40.0}
        )
        # Real-time valuation: the cost reaches the consumption location's expense account.
        expense = self.consumption_location.valuation_in_account_id
        self.assertTrue(expense)
        entries = moves.stock_valuation_layer_ids.account_move_id
        self.assertEqual(len(entries), 1, "one journal entry per visit's transfer")
        self.assertEqual(len(entries.line_ids), 2, "one line per account")
        self.assertEqual(entries.stock_valuation_layer_ids, moves.stock_valuation_layer_ids)
        self.assertEqual(entries.state, "posted")
        self.assertIn(picking.name, entries.ref)
        self.assertAlmostEqual(
            sum(entries.line_ids.filtered(lambda l: l.account_id == expense).mapped("balance")), 905.0
        )
        # Traceable both ways.
        self.assertEqual(picking.salon_visit_id, visit)
        self.assertEqual(picking.origin, visit.name)
        self.assertEqual(visit.salon_picking_count, 1)

    def test_actual_quantity_recorded_before_completion(self):
        visit = self.colour_and_manicure()
        dye = self.material(visit, self.dye)
        dye.with_user(self.master_user).qty_actual = 90.0
        self.assertFalse(visit.salon_picking_ids, "nothing moves before the visit is done")
        self.complete(visit)
        self.assertEqual(len(visit.salon_picking_ids), 1)
        self.assertEqual(dye.qty_done, 90.0)
        self.assertAlmostEqual(dye.amount, 900.0)
        self.assertAlmostEqual(self.on_hand(self.dye), 1.91)

    def test_correction_after_completion_moves_only_the_difference(self):
        visit = self.complete(self.colour_and_manicure())
        dye = self.material(visit, self.dye)
        dye.with_user(self.master_user).qty_actual = 70.0
        back = visit.salon_picking_ids.filtered("return_id")
        self.assertEqual(back.move_ids.product_uom_qty, 10.0)
        self.assertEqual(
            (back.location_id, back.location_dest_id), (self.consumption_location, self.stock_location)
        )
        self.assertEqual(back.state, "done")
        self.assertEqual((dye.qty_done, dye.amount), (70.0, 700.0))
        self.assertAlmostEqual(self.on_hand(self.dye), 1.93)
        self.reception_adds_gloves(visit)
        self.assertEqual(len(visit.salon_picking_ids), 3)
        self.assertAlmostEqual(self.on_hand(self.gloves), 96.0)
        self.assertIn("Materials corrected", visit.message_ids[0].body)

    def reception_adds_gloves(self, visit):
        """The reception records a pair of gloves nobody planned, on the done visit's form."""
        visit.with_user(self.reception).write(
            {
                "salon_consumption_ids": [
                    Command.create(
                        {"line_id": visit.line_ids[1].id, "product_id": self.gloves.id, "qty_actual": 1.0}
                    )
                ]
            }
        )

    def test_materials_recorded_on_the_done_visit_form(self):
        visit = self.complete(self.colour_and_manicure())
        with Form(visit.with_user(self.reception)) as form, form.salon_consumption_ids.new() as material:
            material.line_id = visit.line_ids[1]
            material.product_id = self.gloves
            material.qty_actual = 2.0
        extra = visit.salon_consumption_ids.filtered("is_extra")
        self.assertEqual((extra.master_id, extra.qty_done), (self.master_olga, 2.0))
        self.assertAlmostEqual(self.on_hand(self.gloves), 95.0)

    def test_correction_through_reopening(self):
        visit = self.complete(self.colour_and_manicure())
        visit.with_user(self.manager).action_reopen("Dye was weighed wrong")
        self.material(visit, self.dye).qty_actual = 85.0
        self.assertEqual(len(visit.salon_picking_ids), 1, "an open visit only records")
        visit.action_done()
        self.assertEqual(len(visit.salon_picking_ids), 2)
        extra = visit.salon_picking_ids.sorted("id")[-1]
        self.assertEqual(extra.move_ids.mapped("product_uom_qty"), [5.0])
        self.assertEqual(self.material(visit, self.dye).qty_done, 85.0)

    def test_cancelling_the_consumption_is_a_logged_return(self):
        visit = self.complete(self.colour_and_manicure())
        with self.assertRaises(AccessError):
            visit.with_user(self.reception).action_salon_return_materials("Not performed")
        with self.assertRaises(UserError):
            visit.with_user(self.manager).action_salon_return_materials(" ")
        wizard = (
            self.env["beauty.visit.materials.return"]
            .with_user(self.manager)
            .create({"visit_id": visit.id, "reason": "Service not performed"})
        )
        wizard.action_confirm()
        original = visit.salon_picking_ids.filtered(lambda p: not p.return_id)
        back = visit.salon_picking_ids - original
        self.assertEqual(back.return_id, original)
        self.assertEqual(back.state, "done")
        self.assertEqual(len(back.move_ids), 4)
        self.assertTrue(all(move.origin_returned_move_id for move in back.move_ids))
        self.assertAlmostEqual(self.on_hand(self.dye), 2.0)
        self.assertAlmostEqual(self.on_hand(self.gloves), 100.0)
        self.assertAlmostEqual(visit.salon_material_cost, 0.0)
        expense = self.consumption_location.valuation_in_account_id
        entries = visit.salon_picking_ids.move_ids.stock_valuation_layer_ids.account_move_id
        self.assertEqual(len(entries), 2, "the write-off's entry and the return's")
        self.assertAlmostEqual(
            sum(entries.line_ids.filtered(lambda l: l.account_id == expense).mapped("balance")), 0.0
        )
        self.assertTrue(visit.salon_materials_returned)
        self.assertIn("Service not performed", visit.message_ids[0].body)
        self.assertIn(back.name, visit.message_ids[0].body)

    def test_written_off_material_cannot_be_deleted_or_swapped(self):
        visit = self.complete(self.colour_and_manicure())
        dye = self.material(visit, self.dye)
        with self.assertRaises(UserError):
            dye.unlink()
        with self.assertRaises(UserError):
            dye.product_id = self.oxidant
        visit.with_user(self.manager).action_reopen("Colouring was not done")
        with self.assertRaises(UserError):
            dye.line_id.unlink()

    def test_master_completes_the_visit_without_stock_rights(self):
        visit = self.book_services((self.colour, self.master_anna, "2030-03-04 10:00"))
        visit.action_arrive()
        visit.action_start()
        self.assertFalse(self.master_user.has_group("stock.group_stock_user"))
        visit.with_user(self.master_user).action_done()
        self.assertEqual(visit.salon_picking_ids.state, "done")
        self.assertAlmostEqual(self.on_hand(self.dye), 1.92)
