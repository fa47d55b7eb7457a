# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestAccess(BeautySalonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_anna = cls.make_user("salon_anna", "beauty_salon_group_master", cls.master_anna)
        cls.user_olga = cls.make_user("salon_olga", "beauty_salon_group_master", cls.master_olga)
        cls.reception = cls.make_user("salon_reception", "beauty_salon_group_user")
        cls.manager = cls.make_user("salon_manager", "beauty_salon_group_manager")
        cls.visit_anna = cls.env["beauty.visit"].create(
            {
                "partner_id": cls.client.id,
                "note": "Sensitive scalp",
                "line_ids": [
                    Command.create(
                        {
                            "service_id": cls.manicure.id,
                            "master_id": cls.master_anna.id,
                            "date_start": moscow("2030-03-04 10:00"),
                        }
                    )
                ],
            }
        )
        cls.visit_olga = cls.env["beauty.visit"].create(
            {
                "partner_id": cls.client_2.id,
                "line_ids": [
                    Command.create(
                        {
                            "service_id": cls.manicure.id,
                            "master_id": cls.master_olga.id,
                            "date_start": moscow("2030-03-04 10:00"),
                        }
                    )
                ],
            }
        )
        cls.other_branch = cls.env["res.company"].create({"name": "Second branch"})
        cls.visit_other_branch = cls.env["beauty.visit"].create(
            {"partner_id": cls.client.id, "company_id": cls.other_branch.id}
        )

    def test_master_sees_and_updates_only_own_visits(self):
        Visit = self.env["beauty.visit"].with_user(self.user_anna)
        visible = Visit.search([("id", "in", (self.visit_anna | self.visit_olga).ids)])
        self.assertEqual(visible, self.visit_anna.with_user(self.user_anna))
        self.assertEqual(visible.partner_id.name, "Client Ivanova")
        self.assertEqual(visible.note, "Sensitive scalp")
        visible.action_confirm()
        self.assertEqual(self.visit_anna.state, "confirmed")
        with self.assertRaises(AccessError):
            self.visit_olga.with_user(self.user_anna).read(["note"])
        lines = self.env["beauty.visit.line"].with_user(self.user_anna).search([])
        self.assertEqual(lines.master_id, self.master_anna)

    def test_master_cannot_read_client_phone_or_email_on_the_visit(self):
        with self.assertRaises(AccessError):
            self.visit_anna.with_user(self.user_anna).read(["partner_phone"])
        with self.assertRaises(AccessError):
            self.visit_anna.with_user(self.user_anna).read(["partner_email"])
        self.assertEqual(self.visit_anna.with_user(self.reception).partner_phone, "+7 916 123-45-67")

    def test_master_cannot_create_or_delete_visits(self):
        with self.assertRaises(AccessError):
            self.env["beauty.visit"].with_user(self.user_anna).create({"partner_id": self.client.id})
        with self.assertRaises(AccessError):
            self.visit_anna.with_user(self.user_anna).unlink()

    def test_reception_sees_its_branch_not_others(self):
        Visit = self.env["beauty.visit"].with_user(self.reception)
        found = Visit.search(
            [("id", "in", (self.visit_anna | self.visit_olga | self.visit_other_branch).ids)]
        )
        self.assertEqual(found, (self.visit_anna | self.visit_olga).with_user(self.reception))
        with self.assertRaises(AccessError):
            self.visit_other_branch.with_user(self.reception).read(["name"])
        with self.assertRaises(AccessError):
            self.visit_anna.with_user(self.reception).unlink()

    def test_reception_books_through_the_engine(self):
        options = (
            self.env["beauty.availability"]
            .with_user(self.reception)
            .find_slots(self.manicure, moscow("2030-03-04 11:00"), moscow("2030-03-04 11:01"))
        )
        visit = (
            self.env["beauty.visit"]
            .with_user(self.reception)
            .create(self.env["beauty.visit"]._prepare_from_option(self.client_2, options[0]))
        )
        self.assertEqual(visit.line_ids.date_start, moscow("2030-03-04 11:00"))

    def test_only_a_manager_corrects_or_double_books(self):
        self.visit_anna.action_arrive()
        self.visit_anna.action_done()
        with self.assertRaises(AccessError):
            self.visit_anna.with_user(self.reception).action_reopen("typo")
        self.visit_anna.with_user(self.manager).action_reopen("typo")
        self.assertEqual(self.visit_anna.state, "in_service")
        self.company.salon_allow_overbooking = True
        with self.assertRaises(AccessError):
            self.visit_olga.with_user(self.reception).write({"overbooked": True, "overbook_reason": "VIP"})
        self.visit_olga.with_user(self.manager).write({"overbooked": True, "overbook_reason": "VIP"})
        self.assertTrue(self.visit_olga.overbooked)

    def test_configuration_is_for_managers(self):
        with self.assertRaises(AccessError):
            self.env["beauty.resource.category"].with_user(self.reception).create({"name": "Sauna"})
        category = self.env["beauty.resource.category"].with_user(self.manager).create({"name": "Sauna"})
        self.assertEqual(category.name, "Sauna")
        with self.assertRaises(AccessError):
            self.haircut.product_tmpl_id.with_user(self.user_anna).write({"salon_duration": 2.0})
