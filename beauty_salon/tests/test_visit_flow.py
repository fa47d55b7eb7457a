# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import format_datetime

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestVisitFlow(BeautySalonCase):
    def test_happy_path_states(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        self.assertEqual(visit.name[:1], "V")
        for action, state in (
            ("action_confirm", "confirmed"),
            ("action_arrive", "arrived"),
            ("action_start", "in_service"),
            ("action_done", "done"),
        ):
            getattr(visit, action)()
            self.assertEqual(visit.state, state)
            self.assertEqual(visit.line_ids.state, state)

    def test_forbidden_transitions(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        with self.assertRaisesRegex(UserError, "cannot go from Booked to Done"):
            visit.action_done()
        with self.assertRaisesRegex(UserError, "cannot go from"):
            visit.action_start()
        visit.action_arrive()
        with self.assertRaisesRegex(UserError, "cannot go from Arrived to No-show"):
            visit.action_no_show()

    def test_cancel_records_reason_who_and_when(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        with self.assertRaisesRegex(UserError, "reason"):
            visit.action_cancel("  ")
        visit.action_cancel("Client is ill")
        self.assertEqual(visit.state, "cancelled")
        self.assertEqual(visit.cancel_reason, "Client is ill")
        self.assertEqual(visit.cancel_user_id, self.env.user)
        self.assertTrue(visit.cancel_date)
        self.assertFalse(self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]))

    def test_done_visit_is_immutable_and_never_deleted(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        visit.action_arrive()
        visit.action_done()
        with self.assertRaisesRegex(UserError, "is done: a manager can reopen it"):
            visit.note = "changed"
        with self.assertRaisesRegex(UserError, "is done: a manager can reopen it"):
            visit.line_ids.date_start = moscow("2030-03-04 11:00")
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            visit.unlink()
        # The busy time of a served visit stays: the master was really busy.
        self.assertTrue(self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]))

    def test_correction_reopens_with_a_logged_reason(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        visit.action_arrive()
        visit.action_done()
        visit.with_context(tracking_disable=False).action_reopen("Wrong service recorded")
        self.assertEqual(visit.state, "in_service")
        self.assertIn("Wrong service recorded", visit.message_ids[0].body)
        visit.line_ids.service_id = self.haircut
        visit.action_done()
        self.assertEqual(visit.line_ids.service_id, self.haircut)

    def test_draft_visit_can_be_deleted_by_a_manager(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        visit.unlink()
        self.assertFalse(visit.exists())
        self.assertFalse(self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]))

    def test_booking_from_the_calendar_creates_its_visit(self):
        line = self.env["beauty.visit.line"].create(
            {
                "partner_id": self.client.id,
                "service_id": self.haircut.id,
                "master_id": self.master_anna.id,
                "date_start": moscow("2030-03-04 15:00"),
            }
        )
        self.assertEqual(line.visit_id.partner_id, self.client)
        self.assertEqual(line.date_stop, moscow("2030-03-04 16:00"))
        self.assertEqual(line.visit_id.date_start, moscow("2030-03-04 15:00"))

    def test_resize_in_the_calendar_sets_the_duration(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        visit.line_ids.write({"date_stop": moscow("2030-03-04 11:30")})
        self.assertAlmostEqual(visit.line_ids.duration, 1.5)
        slot = self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)])
        self.assertEqual(slot.date_stop, moscow("2030-03-04 11:30"))

    def test_slot_picker_books_and_moves(self):
        picker = self.env["beauty.slot.picker"].create(
            {
                "partner_id": self.client.id,
                "service_ids": [Command.set(self.manicure.ids)],
                "master_id": self.master_anna.id,
                "date_from": moscow("2030-03-04 09:00"),
                "days": 1,
            }
        )
        picker.action_search()
        self.assertEqual(picker.option_ids[0].date_start, moscow("2030-03-04 09:00"))
        action = picker.option_ids[0].action_book()
        visit = self.Visit.browse(action["res_id"])
        self.assertEqual(visit.line_ids.master_id, self.master_anna)
        # Move it to the next free time through the same picker.
        context = visit.line_ids.action_find_slots()["context"]
        self.assertEqual(context["default_line_id"], visit.line_ids.id)
        mover = self.env["beauty.slot.picker"].create(
            {
                "line_id": visit.line_ids.id,
                "service_ids": [Command.set(self.manicure.ids)],
                "master_id": self.master_anna.id,
                "date_from": moscow("2030-03-04 14:00"),
                "days": 1,
            }
        )
        mover.action_search()
        mover.option_ids[0].action_book()
        self.assertEqual(visit.line_ids.date_start, moscow("2030-03-04 14:00"))

    def test_new_booking_form_offers_next_free_times(self):
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        with Form(self.env["beauty.visit.line"]) as form:
            form.partner_id = self.client_2
            form.service_id = self.manicure
            form.master_id = self.master_anna
            form.date_start = moscow("2030-03-04 10:00")
            offers = form.next_free_times.splitlines()
            self.assertEqual(len(offers), 6)
            first_free = format_datetime(self.env, moscow("2030-03-04 11:00"), dt_format="short")
            self.assertEqual(offers[0], f"{first_free} — Anna Master")
            form.date_start = moscow("2030-03-04 11:00")
        line = form.record
        self.assertEqual(line.visit_id.partner_id, self.client_2)
        self.assertEqual(line.date_stop, moscow("2030-03-04 12:00"))
