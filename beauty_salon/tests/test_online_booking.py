# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import re
from datetime import datetime, timedelta

import pytz

from odoo.tests import HttpCase, tagged

from .common import PublicPagesMixin, SalonFixtures


@tagged("post_install", "-at_install")
class TestOnlineBooking(HttpCase, PublicPagesMixin, SalonFixtures):
    """The public page through real HTTP requests (and a headless browser for the tours)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.build_salon(cls.env)
        cls.company.write({"country_id": cls.env.ref("base.ru").id, "salon_online_confirm": "auto"})
        cls.company.resource_calendar_id.tz = "Europe/Moscow"
        cls.company.partner_id.tz = "Europe/Moscow"
        cls.read_pages_in_english()
        # A day ten days ahead, Moscow time: the fixture masters work 09:00-13:00 and 14:00-20:00 every day.
        tz = pytz.timezone("Europe/Moscow")
        cls.day = (datetime.now(tz) + timedelta(days=10)).date()
        cls.start = tz.localize(datetime.combine(cls.day, datetime.min.time()).replace(hour=10)).astimezone(
            pytz.utc
        )
        cls.start = cls.start.replace(tzinfo=None)

    def page_url(self, service=None, master=None):
        service = service or self.manicure
        url = (
            f"/salon/booking?company_id={self.company.id}&service_ids={service.id}&day={self.day.isoformat()}"
        )
        return url + (f"&master_id={master.id}" if master else "")

    def confirm_url(self, start=None, master=None):
        start = (start or self.start).strftime("%Y-%m-%dT%H:%M:%S")
        return (
            f"/salon/booking/confirm?company_id={self.company.id}&service_ids={self.manicure.id}"
            f"&master_id={(master or self.master_anna).id}&start={start}"
        )

    def post_booking(self, **overrides):
        data = {
            "csrf_token": self.csrf(self.confirm_url()),
            "company_id": self.company.id,
            "service_ids": str(self.manicure.id),
            "master_id": self.master_anna.id,
            "start": self.start.strftime("%Y-%m-%dT%H:%M:%S"),
            "name": "Анна Онлайн",
            "phone": "8 916 555-44-33",
            "email": "anna.online@example.com",
            "consent": "on",
        }
        data.update(overrides)
        return self.url_open("/salon/booking/book", data={k: v for k, v in data.items() if v is not None})

    def online_visits(self):
        return self.env["beauty.visit"].search([("source", "=", "online")])

    def test_page_lists_free_times_of_the_day(self):
        response = self.url_open(self.page_url(master=self.master_anna))
        self.assertEqual(response.status_code, 200)
        times = re.findall(r'class="btn btn-outline-primary o_salon_time"[^>]*>\s*(\d\d:\d\d)', response.text)
        self.assertEqual(times[0], "09:00")
        self.assertIn("14:00", times)
        self.assertNotIn("13:00", times, "the lunch break is not offered")

    def test_happy_path_creates_client_consent_and_visit(self):
        response = self.post_booking()
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertIn("o_salon_booked", response.text)
        visit = self.online_visits()
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.state, "confirmed")
        self.assertEqual(visit.line_ids.master_id, self.master_anna)
        self.assertEqual(visit.date_start, self.start)
        partner = visit.partner_id
        self.assertEqual(partner.phone_sanitized, "+79165554433")
        self.assertTrue(partner.salon_personal_data_consent)
        self.assertEqual(partner.salon_consent_ids.channel, "online")
        self.assertTrue(
            self.env["beauty.message.log"].search(
                [("visit_id", "=", visit.id), ("purpose", "=", "confirmation")]
            )
        )
        # Booking again with the same phone finds the same client.
        later = self.start + timedelta(hours=2)
        self.post_booking(start=later.strftime("%Y-%m-%dT%H:%M:%S"), name="Anna")
        self.assertEqual(self.online_visits().partner_id, partner)

    def test_invalid_input_is_refused_with_a_message_and_nothing_written(self):
        cases = [
            ({"phone": "12345"}, 400, "valid phone"),
            ({"name": "<script>alert(1)</script>"}, 400, "your name"),
            ({"email": "not-an-email"}, 400, "valid e-mail"),
            ({"consent": None}, 400, "processing of your personal data"),
            ({"website": "http://spam.example.com"}, 400, "could not be processed"),
            ({"start": "2001-01-01T10:00:00"}, 400, "has passed"),
            ({"start": "tomorrow"}, 400, "Invalid time"),
            ({"service_ids": "999999999"}, 400, "Unknown service"),
            ({"service_ids": "1,abc"}, 400, "Invalid list"),
            ({"master_id": self.master_olga.id * 1000}, 400, "does not perform"),
        ]
        for index, (overrides, status, text) in enumerate(cases):
            with self.subTest(overrides=overrides):
                # A phone of its own per case, so that the per-phone rate limit stays out of the way.
                response = self.post_booking(**dict({"phone": f"+7 916 555-40-{index:02d}"}, **overrides))
                self.assertEqual(response.status_code, status)
                self.assertIn(text, response.text)
        self.assertFalse(self.online_visits())

    def test_slot_taken_meanwhile_offers_the_next_times(self):
        self.env["beauty.visit"].create(
            self.env["beauty.visit"]._prepare_from_option(
                self.client,
                self.env["beauty.availability"].find_slots(
                    self.manicure, self.start, self.start + timedelta(minutes=1), masters=self.master_anna
                )[0],
            )
        )
        response = self.post_booking()
        self.assertEqual(response.status_code, 409)
        self.assertIn("o_salon_taken", response.text)
        self.assertIn((self.start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"), response.text)
        self.assertFalse(self.online_visits())

    def test_rate_limit_per_phone(self):
        statuses = [self.post_booking(phone="+7 916 000-11-22", consent=None).status_code for _i in range(6)]
        self.assertEqual(statuses[:5], [400] * 5)
        self.assertEqual(statuses[5], 429)

    def test_request_without_a_free_time_becomes_a_lead(self):
        data = {
            "csrf_token": self.csrf(self.page_url()),
            "company_id": self.company.id,
            "service_ids": str(self.manicure.id),
            "day": self.day.isoformat(),
            "name": "Ольга Заявка",
            "phone": "+7 903 777-66-55",
            "consent": "on",
        }
        response = self.url_open("/salon/booking/request", data=data)
        self.assertEqual(response.status_code, 200)
        lead = self.env["crm.lead"].search([("phone", "=", "+79037776655")])
        self.assertEqual(lead.team_id, self.env.ref("beauty_salon.crm_team_salon_clients"))
        self.assertEqual(lead.salon_service_ids, self.manicure)

    def test_browser_tour_books_the_first_free_time(self):
        self.start_tour(self.page_url(master=self.master_anna), "beauty_salon_online_booking")
        visit = self.online_visits()
        self.assertEqual(visit.partner_id.name, "Анна Онлайн")
        self.assertEqual(visit.partner_id.phone_sanitized, "+79165554433")

    def test_browser_tour_slot_taken_meanwhile(self):
        # The client opened this time, and another booking took it before she pressed "Book".
        self.env["beauty.visit"].create(
            self.env["beauty.visit"]._prepare_from_option(
                self.client,
                self.env["beauty.availability"].find_slots(
                    self.manicure, self.start, self.start + timedelta(minutes=1), masters=self.master_anna
                )[0],
            )
        )
        self.start_tour(self.confirm_url(), "beauty_salon_online_booking_taken")
        visit = self.online_visits()
        self.assertEqual(visit.partner_id.phone_sanitized, "+79265554433")
        self.assertGreater(visit.date_start, self.start)
