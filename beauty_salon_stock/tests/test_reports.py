# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged

from .common import SalonStockCase, moscow


@tagged("post_install", "-at_install")
class TestActualVsNorm(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["beauty.consumption.report"]
        # Anna colours with 90 g instead of her 80 g norm.
        cls.anna_visit = cls.book_services((cls.colour, cls.master_anna, "2030-03-04 10:00"))
        cls.anna_visit.salon_consumption_ids.filtered(lambda m: m.product_id == cls.dye).qty_actual = 90.0
        cls.complete(cls.anna_visit)
        # Olga keeps to the norm, but takes an extra pair of gloves nobody planned.
        cls.olga_visit = cls.book_services((cls.colour, cls.master_olga, "2030-03-05 10:00"))
        cls.env["beauty.visit.consumption"].create(
            {"visit_id": cls.olga_visit.id, "product_id": cls.gloves.id, "qty_actual": 1.0}
        )
        cls.complete(cls.olga_visit)
        # Neither a visit still running nor one whose materials were returned counts.
        cls.book_services((cls.manicure, cls.master_olga, "2030-03-06 10:00")).action_arrive()
        returned = cls.complete(cls.book_services((cls.manicure, cls.master_olga, "2030-03-07 10:00")))
        returned.action_salon_return_materials("Client left before the service")

    def test_over_and_under_consumption_by_master_and_material(self):
        rows = self.Report._read_group(
            [("date", ">=", moscow("2030-03-01 00:00")), ("date", "<", moscow("2030-04-01 00:00"))],
            ["master_id", "product_id"],
            ["qty_norm:sum", "qty_actual:sum", "qty_diff:sum", "value_norm:sum", "value_diff:sum"],
        )
        figures = {
            (master.name, product.name): tuple(round(value, 4) for value in values)
            for master, product, *values in rows
        }
        self.assertEqual(
            figures,
            {
                # product units: the dye is kept in kg, the norm and use recorded in grams
                ("Anna Master", "Hair dye"): (0.08, 0.09, 0.01, 800.0, 100.0),
                ("Anna Master", "Oxidant 6%"): (0.09, 0.09, 0.0, 45.0, 0.0),
                ("Anna Master", "Nitrile gloves (pair)"): (1.0, 1.0, 0.0, 20.0, 0.0),
                ("Olga Master", "Hair dye"): (0.06, 0.06, 0.0, 600.0, 0.0),
                ("Olga Master", "Oxidant 6%"): (0.09, 0.09, 0.0, 45.0, 0.0),
                ("Olga Master", "Nitrile gloves (pair)"): (1.0, 2.0, 1.0, 20.0, 20.0),
            },
        )

    def test_report_by_service_and_period(self):
        rows = dict(
            self.Report._read_group(
                [("service_id", "=", self.colour.id), ("date", "<", moscow("2030-03-05 00:00"))],
                ["master_id"],
                ["value_actual:sum"],
            )
        )
        self.assertEqual(rows, {self.master_anna: 900.0 + 45.0 + 20.0})
        extra = self.Report.search([("is_extra", "=", True)])
        self.assertEqual((extra.product_id, extra.qty_norm, extra.qty_actual), (self.gloves, 0.0, 1.0))
