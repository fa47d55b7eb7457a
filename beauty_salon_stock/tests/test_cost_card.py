# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestCostCard(SalonStockCase):
    def test_material_cost_from_valuation_kept_current(self):
        # 60 g x 10 + 90 ml x 0.5 + 1 x 20; Anna's own dye norm does not count in the card's cost.
        self.assertAlmostEqual(self.colour_card.material_cost, 665.0)
        self.assertAlmostEqual(self.colour.product_tmpl_id.salon_material_cost, 665.0)
        self.dye.standard_price = 12000.0
        self.assertAlmostEqual(self.colour_card.material_cost, 785.0)
        self.assertAlmostEqual(self.colour.product_tmpl_id.salon_material_cost, 785.0)

    def test_master_norm_overrides_the_general_one(self):
        visit = self.book_services(
            (self.colour, self.master_anna, "2030-03-04 10:00"),
            (self.colour, self.master_olga, "2030-03-04 10:00"),
        )
        self.assertEqual(self.material(visit, self.dye, self.master_anna).qty_norm, 80.0)
        self.assertEqual(self.material(visit, self.dye, self.master_olga).qty_norm, 60.0)
        anna = visit.salon_consumption_ids.filtered(lambda m: m.master_id == self.master_anna)
        self.assertEqual(
            sorted((m.product_id.name, m.qty_norm, m.qty_actual, m.product_uom_id.name) for m in anna),
            [
                ("Hair dye", 80.0, 80.0, "g"),
                ("Nitrile gloves (pair)", 1.0, 1.0, "Units"),
                ("Oxidant 6%", 90.0, 90.0, "test ml"),
            ],
        )

    def test_variant_card_wins_over_the_service_card(self):
        attribute = self.env["product.attribute"].create(
            {
                "name": "Hair length",
                "value_ids": [Command.create({"name": "Short"}), Command.create({"name": "Long"})],
            }
        )
        styling = self.env["product.template"].create(
            {
                "name": "Styling",
                "type": "service",
                "is_salon_service": True,
                "salon_duration": 1.0,
                "salon_master_ids": [Command.set(self.master_olga.ids)],
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": attribute.id, "value_ids": [Command.set(attribute.value_ids.ids)]}
                    )
                ],
            }
        )
        short, long = (
            styling.product_variant_ids.filtered(
                lambda v, name=name: v.product_template_attribute_value_ids.name == name
            )
            for name in ("Short", "Long")
        )
        Card = self.env["beauty.cost.card"]
        Card.create(
            {"service_tmpl_id": styling.id, "line_ids": [Command.create({"product_id": self.gloves.id})]}
        )
        Card.create(
            {
                "service_tmpl_id": styling.id,
                "service_id": long.id,
                "line_ids": [
                    Command.create({"product_id": self.gloves.id}),
                    Command.create(
                        {"product_id": self.dye.id, "quantity": 30.0, "product_uom_id": self.uom_g.id}
                    ),
                ],
            }
        )
        visit = self.book_services(
            (short, self.master_olga, "2030-03-04 10:00"), (long, self.master_olga, "2030-03-04 11:00")
        )
        short_line, long_line = visit.line_ids
        self.assertEqual(short_line.salon_consumption_ids.product_id, self.gloves)
        self.assertEqual(long_line.salon_consumption_ids.product_id, self.gloves | self.dye)

    def test_norms_follow_a_change_of_service_and_master(self):
        visit = self.book_services((self.colour, self.master_olga, "2030-03-04 10:00"))
        line = visit.line_ids
        extra = self.env["beauty.visit.consumption"].create(
            {"visit_id": visit.id, "line_id": line.id, "product_id": self.oxidant.id, "qty_actual": 0.01}
        )
        self.material(visit, self.gloves).qty_actual = 3.0  # entered by hand: kept when the norm stays
        line.master_id = self.master_anna
        self.assertEqual(self.material(visit, self.dye).qty_actual, 80.0)
        line.service_id = self.manicure
        self.assertEqual(
            line.salon_consumption_ids.filtered(lambda m: not m.is_extra).product_id, self.gloves
        )
        gloves = line.salon_consumption_ids.filtered(lambda m: not m.is_extra)
        self.assertEqual((gloves.qty_norm, gloves.qty_actual), (2.0, 3.0))
        self.assertTrue(extra.exists(), "a material added by hand stays")

    def test_one_norm_per_material_and_master(self):
        with self.assertRaises(ValidationError):
            self.colour_card.line_ids = [Command.create({"product_id": self.gloves.id, "quantity": 2.0})]

    def test_unit_of_the_same_kind(self):
        with self.assertRaises(ValidationError):
            self.manicure_card.line_ids = [
                Command.create({"product_id": self.dye.id, "quantity": 1.0, "product_uom_id": self.uom_ml.id})
            ]
