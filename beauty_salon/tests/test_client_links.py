# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PublicPagesMixin, SalonFixtures


@tagged("post_install", "-at_install")
class TestClientLinks(HttpCase, PublicPagesMixin, SalonFixtures):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, salon_no_messages=True))
        cls.build_salon(cls.env)
        cls.company.salon_client_cancel_hours = 12
        cls.read_pages_in_english()

    def book_in(self, hours, partner=None):
        """A visit starting ``hours`` from now (rounded to the next quarter), booked over any schedule."""
        now = fields.Datetime.now()
        start = datetime(now.year, now.month, now.day, now.hour) + timedelta(hours=hours)
        self.calendar.attendance_ids.write({"hour_from": 0, "hour_to": 24})
        self.calendar.attendance_ids.filtered(lambda a: a.day_period == "afternoon").unlink()
        visit = self.env["beauty.visit"].create(
            {
                "partner_id": (partner or self.client).id,
                "line_ids": [
                    fields.Command.create(
                        {
                            "service_id": self.manicure.id,
                            "master_id": self.master_anna.id,
                            "date_start": start,
                        }
                    )
                ],
            }
        )
        visit._portal_ensure_token()
        return visit

    def post(self, visit, action, token=None):
        url = f"/salon/visit/{visit.id}?access_token={visit.access_token}"
        data = {"csrf_token": self.csrf(url), "access_token": token or visit.access_token}
        return self.url_open(f"/salon/visit/{visit.id}/{action}", data=data)

    def test_valid_link_confirms(self):
        visit = self.book_in(48)
        response = self.post(visit, "confirm")
        self.assertEqual(response.status_code, 200)
        self.assertIn("your visit is confirmed", response.text)
        self.assertEqual(visit.state, "confirmed")

    def test_valid_link_cancels_within_the_deadline(self):
        visit = self.book_in(48)
        self.assertEqual(self.post(visit, "cancel").status_code, 200)
        self.assertEqual(visit.state, "cancelled")
        self.assertFalse(visit.late_cancel)
        self.assertFalse(self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]))

    def test_too_late_to_cancel_online(self):
        visit = self.book_in(3)
        response = self.post(visit, "cancel")
        self.assertEqual(response.status_code, 409)
        self.assertIn("too late to cancel online", response.text)
        self.assertEqual(visit.state, "draft")

    def test_expired_link_for_a_past_visit(self):
        visit = self.book_in(-30)
        self.assertEqual(self.post(visit, "confirm").status_code, 409)
        self.assertEqual(visit.state, "draft")

    def test_tampered_or_foreign_token_opens_nothing(self):
        visit = self.book_in(48)
        other = self.book_in(72, partner=self.client_2)
        self.assertEqual(self.url_open(f"/salon/visit/{visit.id}?access_token=deadbeef").status_code, 404)
        self.assertEqual(
            self.url_open(f"/salon/visit/{visit.id}?access_token={other.access_token}").status_code, 404
        )
        self.assertEqual(self.url_open(f"/salon/visit/{visit.id}").status_code, 404)
        response = self.post(other, "cancel", token=visit.access_token)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(other.state, "draft")

    def test_my_visits_link_shows_only_own_upcoming_visits(self):
        own = self.book_in(48)
        other = self.book_in(72, partner=self.client_2)
        token = self.client._salon_ensure_access_token()
        response = self.url_open(f"/salon/my/{token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/salon/visit/{own.id}?access_token=", response.text)
        self.assertNotIn(f"/salon/visit/{other.id}", response.text)
        self.assertEqual(self.url_open(f"/salon/my/{'0' * 32}").status_code, 404)
        self.assertEqual(self.url_open("/salon/my/short").status_code, 404)
