# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestClientCard(BeautySalonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.ru")
        cls.Partner = cls.env["res.partner"]

    def test_russian_phone_forms_normalise_to_one_number(self):
        forms = ["8 916 123-45-67", "+7(916)1234567", "916 123 45 67", "8-916-123-45-67", "+7 916 123 45 67"]
        self.assertEqual({self.Partner._salon_normalize_phone(text) for text in forms}, {"+79161234567"})
        self.assertIsNone(self.Partner._salon_normalize_phone("12345"))
        partner = self.Partner.create({"name": "Anna", "phone": "8 (916) 222-33-44"})
        self.assertEqual(partner.phone_sanitized, "+79162223344")
        self.assertEqual(partner.phone, "+7 916 222-33-44")

    def test_search_by_any_typed_form(self):
        partner = self.Partner.create({"name": "Elena Search", "phone": "+7 903 555-12-34"})
        for typed in ("8 903 555 12 34", "+7(903)5551234", "903 555-12-34", "1234", "12-34"):
            with self.subTest(typed=typed):
                self.assertIn(partner, self.Partner.search([("salon_phone_search", "ilike", typed)]))
        self.assertNotIn(partner, self.Partner.search([("salon_phone_search", "ilike", "8 903 555 12 35")]))
        # The receptionist types digits into the client field of a booking: name search finds her.
        found = self.Partner.name_search("555-12-34")
        self.assertIn(partner.id, [pid for pid, _name in found])
        self.assertFalse(self.Partner.search([("salon_phone_search", "ilike", "Elena")]))

    def test_duplicate_warning_and_lookup(self):
        existing = self.Partner.create(
            {"name": "Maria", "phone": "+7 926 111-22-33", "email": "Maria@Example.com"}
        )
        with Form(self.Partner) as form, self.assertLogs("odoo.tests.form.onchange", "WARNING") as logged:
            form.name = "Maria again"
            form.phone = "8 926 111 22 33"
            self.assertEqual(form.salon_duplicate_ids[:], existing)
        self.assertIn("A contact with this phone or e-mail already exists: Maria", logged.output[0])
        newcomer = form.record
        self.assertEqual(newcomer.salon_duplicate_ids, existing)
        self.assertEqual(self.Partner._salon_find_client("89261112233"), existing)
        self.assertEqual(self.Partner._salon_find_client(None, "maria@example.com"), existing)
        self.assertFalse(self.Partner._salon_find_client("+7 999 000-00-00", "nobody@example.com"))

    def _done_visit(self, start, service=None, master=None, amount=None):
        visit = self.book(service or self.manicure, master or self.master_anna, start)
        visit.action_arrive()
        visit.action_done()
        if amount:
            invoice = self.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.client.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Service", "quantity": 1, "price_unit": amount, "tax_ids": []}
                        )
                    ],
                }
            )
            invoice.action_post()
        return visit

    @freeze_time("2030-06-01 12:00:00")
    def test_figures_on_a_hand_built_history(self):
        self.company.salon_overdue_factor = 1.5
        self.company.salon_overdue_min_visits = 3
        self._done_visit("2030-03-04 10:00", amount=2000)
        self._done_visit("2030-03-14 10:00", service=self.haircut, amount=3000)
        self._done_visit("2030-03-24 10:00", amount=4000)
        no_show = self.book(self.manicure, self.master_olga, "2030-03-30 10:00")
        no_show.action_no_show()
        with freeze_time("2030-04-10 06:00:00"):  # cancelled 1 hour before the start: late
            late = self.book(self.manicure, self.master_olga, "2030-04-10 10:00")
            late.action_cancel("Overslept")
        with freeze_time("2030-04-01 06:00:00"):  # cancelled 9 days ahead: not late
            early = self.book(self.manicure, self.master_olga, "2030-04-10 12:00")
            early.action_cancel("Changed plans")
        client = self.client
        self.assertTrue(client.is_salon_client)
        self.assertEqual(client.salon_visit_count, 3)
        self.assertEqual(client.salon_no_show_count, 1)
        self.assertEqual(client.salon_late_cancel_count, 1)
        self.assertEqual(client.salon_first_visit, moscow("2030-03-04 10:00"))
        self.assertEqual(client.salon_last_visit, moscow("2030-03-24 10:00"))
        self.assertEqual(client.salon_total_spent, 9000)
        self.assertEqual(client.salon_average_check, 3000)
        self.assertAlmostEqual(client.salon_average_interval, 10.0)
        self.assertEqual(client.salon_next_expected, date(2030, 4, 3))
        self.assertEqual(client.salon_overdue_from, date(2030, 4, 8))  # last + 1.5 × 10 days
        self.assertTrue(client.salon_is_overdue)
        self.assertIn(client, self.Partner.search([("salon_is_overdue", "=", True)]))
        self.assertEqual(client.salon_favorite_master_id, self.master_anna)
        self.assertEqual(client.salon_favorite_service_id, self.manicure)

    @freeze_time("2030-03-20 12:00:00")
    def test_one_visit_client_uses_the_fixed_window(self):
        self.company.salon_overdue_window_days = 90
        self._done_visit("2030-03-04 10:00")
        self.assertEqual(self.client.salon_overdue_from, date(2030, 6, 2))
        self.assertFalse(self.client.salon_is_overdue)
        self.assertEqual(self.client.salon_average_interval, 0)

    def test_refresh_all_clients_in_one_statement(self):
        self._done_visit("2030-03-04 10:00")
        self.env.cr.execute("UPDATE res_partner SET salon_visit_count = 0 WHERE id = %s", [self.client.id])
        self.client.invalidate_recordset(["salon_visit_count"])
        self.env["res.partner"]._cron_salon_refresh_stats()
        self.assertEqual(self.client.salon_visit_count, 1)

    @freeze_time("2030-03-02 09:00:00")
    def test_birthdays_this_week(self):
        self.client.birthdate_date = date(1990, 3, 5)
        self.client_2.birthdate_date = date(1990, 3, 12)
        found = self.Partner.search(
            [("salon_birthday_this_week", "=", True), ("id", "in", (self.client | self.client_2).ids)]
        )
        self.assertEqual(found, self.client)

    def test_consents_drive_the_opt_ins(self):
        partner = self.client
        self.assertFalse(partner._salon_can_message("email"))
        partner.email = "client@example.com"
        consent = self.env["beauty.consent"].create(
            {"partner_id": partner.id, "purpose": "personal_data", "channel": "paper"}
        )
        self.assertTrue(partner._salon_can_message("email"))
        self.assertFalse(partner._salon_can_message("email", marketing=True))
        marketing = self.env["beauty.consent"].create(
            {"partner_id": partner.id, "purpose": "marketing", "channel": "email"}
        )
        self.assertTrue(partner.salon_marketing_email)
        self.assertTrue(partner._salon_can_message("email", marketing=True))
        self.env["mail.blacklist"]._add("client@example.com")
        partner.invalidate_recordset(["is_blacklisted"])
        self.assertFalse(partner._salon_can_message("email"))
        marketing.action_revoke()
        self.assertFalse(partner.salon_marketing_email)
        consent.action_revoke()
        self.assertFalse(partner.salon_personal_data_consent)
        self.assertTrue(marketing.revoked_date)

    def test_allergy_warning_reaches_the_booking(self):
        self.client.salon_allergies = "Ammonia dyes"
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        self.assertEqual(visit.partner_allergies, "Ammonia dyes")
