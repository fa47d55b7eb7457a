# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestLowStock(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_manager = cls.make_user("salon_stock_keeper", "beauty_salon_group_manager")
        cls.company.salon_stock_manager_id = cls.stock_manager
        cls.low_stock = cls.env.ref("beauty_salon_stock.mail_activity_type_low_stock")

    def orderpoint(self, product):
        return self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", product.id), ("location_id", "=", self.stock_location.id)]
        )

    def alerts(self, product):
        return self.env["mail.activity"].search(
            [
                ("activity_type_id", "=", self.low_stock.id),
                ("res_model", "=", "product.template"),
                ("res_id", "=", product.product_tmpl_id.id),
            ]
        )

    def manicure_at(self, start):
        return self.complete(self.book_services((self.manicure, self.master_olga, start)))

    def test_consumables_get_a_reordering_rule(self):
        orderpoint = self.orderpoint(self.gloves)
        self.assertEqual(len(orderpoint), 1)
        self.assertEqual((orderpoint.trigger, orderpoint.warehouse_id), ("manual", self.warehouse))
        self.gloves.write({"salon_reorder_min_qty": 97.0, "salon_reorder_max_qty": 150.0})
        self.assertEqual((orderpoint.product_min_qty, orderpoint.product_max_qty), (97.0, 150.0))

    def test_activity_when_salon_consumption_crosses_the_minimum(self):
        self.gloves.write({"salon_reorder_min_qty": 97.0, "salon_reorder_max_qty": 150.0})
        self.manicure_at("2030-03-04 10:00")  # 100 -> 98: still above the minimum
        self.assertFalse(self.alerts(self.gloves))
        self.manicure_at("2030-03-04 11:00")  # 98 -> 96: below
        alert = self.alerts(self.gloves)
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.user_id, self.stock_manager)
        self.assertIn("96", alert.note)
        self.manicure_at("2030-03-04 12:00")  # still below: no second alert
        self.assertEqual(len(self.alerts(self.gloves)), 1)
