# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from psycopg2.errors import ExclusionViolation

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestBookingOverlap(BeautySalonCase):
    def test_same_master_overlap_refused_with_the_other_visit_named(self):
        first = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        with self.assertRaisesRegex(ValidationError, f"Anna Master.*{first.name}"):
            self.book(self.manicure, self.master_anna, "2030-03-04 10:30", partner=self.client_2)

    def test_back_to_back_allowed(self):
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        second = self.book(self.manicure, self.master_anna, "2030-03-04 11:00", partner=self.client_2)
        self.assertEqual(second.date_start, moscow("2030-03-04 11:00"))

    def test_buffer_after_blocks_the_master(self):
        self.book(self.haircut, self.master_anna, "2030-03-04 10:00")  # 10:00-11:00 + 15 min cleanup
        with self.assertRaises(ValidationError):
            self.book(self.manicure, self.master_anna, "2030-03-04 11:00", partner=self.client_2)
        later = self.book(self.manicure, self.master_anna, "2030-03-04 11:15", partner=self.client_2)
        slots = self.env["beauty.busy.slot"].search([("visit_id", "=", later.id)])
        self.assertEqual(slots.mapped("date_start"), [moscow("2030-03-04 11:15")])

    def test_processing_window_frees_the_master_not_the_room(self):
        # Body wrap 10:00-11:30 in a massage room; Olga is free 10:15-11:15 while the wrap works.
        wrap = self.book(self.body_wrap, self.master_olga, "2030-03-04 10:00")
        self.assertEqual(len(wrap.line_ids.resource_ids), 1)
        master_slots = self.env["beauty.busy.slot"].search(
            [("visit_id", "=", wrap.id), ("kind", "=", "master")]
        )
        self.assertEqual(
            [(s.date_start, s.date_stop) for s in master_slots],
            [
                (moscow("2030-03-04 10:00"), moscow("2030-03-04 10:15")),
                (moscow("2030-03-04 11:15"), moscow("2030-03-04 11:30")),
            ],
        )
        # Olga does a one-hour massage during the processing window: it gets the other room.
        massage = self.book(self.massage, self.master_olga, "2030-03-04 10:15", partner=self.client_2)
        self.assertEqual(
            massage.line_ids.resource_ids | wrap.line_ids.resource_ids, self.room_1 | self.room_2
        )
        # With both rooms busy, a third client cannot have a massage, even with a free master.
        with self.assertRaisesRegex(ValidationError, "Massage room"):
            self.book(self.massage, self.master_irina, "2030-03-04 10:30")

    def test_two_units_of_one_category(self):
        first = self.book(self.massage, self.master_olga, "2030-03-04 15:00")
        second = self.book(self.massage, self.master_irina, "2030-03-04 15:00", partner=self.client_2)
        self.assertEqual(first.line_ids.resource_ids, self.room_1)
        self.assertEqual(second.line_ids.resource_ids, self.room_2)

    def test_explicit_busy_unit_refused(self):
        self.book(self.laser_hair, self.master_irina, "2030-03-04 15:00")
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 15:00", partner=self.client_2)
        with self.assertRaisesRegex(ValidationError, "Laser 1"):
            visit.line_ids.resource_ids = [Command.set(self.laser.ids)]

    def test_cancelled_and_no_show_visits_free_their_slot(self):
        first = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        first.action_cancel("Client is ill")
        second = self.book(self.manicure, self.master_anna, "2030-03-04 10:00", partner=self.client_2)
        second.action_no_show()
        third = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        self.assertEqual(third.state, "draft")
        # Booking the cancelled visit again needs the slot back: refused now.
        with self.assertRaises(ValidationError):
            first.action_reset_draft()

    def test_moving_a_booking_goes_through_the_same_guard(self):
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        other = self.book(self.manicure, self.master_anna, "2030-03-04 12:00", partner=self.client_2)
        with self.assertRaises(ValidationError):
            other.line_ids.write(
                {"date_start": moscow("2030-03-04 10:30"), "date_stop": moscow("2030-03-04 11:30")}
            )
        other.line_ids.write(
            {"date_start": moscow("2030-03-04 11:00"), "date_stop": moscow("2030-03-04 12:00")}
        )
        self.assertEqual(other.date_start, moscow("2030-03-04 11:00"))

    def test_outside_working_hours_and_on_leave(self):
        with self.assertRaisesRegex(ValidationError, "does not work"):
            self.book(self.manicure, self.master_anna, "2030-03-04 12:30")  # runs into the lunch break
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Sick",
                "resource_id": self.master_anna.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": moscow("2030-03-05 00:00"),
                "date_to": moscow("2030-03-05 23:59"),
            }
        )
        with self.assertRaisesRegex(ValidationError, "on leave"):
            self.book(self.manicure, self.master_anna, "2030-03-05 10:00")

    def test_master_without_the_skill(self):
        with self.assertRaisesRegex(ValidationError, "does not perform"):
            self.book(self.colour, self.master_olga, "2030-03-04 10:00")

    def test_chained_services_of_one_master_do_not_collide_with_themselves(self):
        visit = self.Visit.create(
            {
                "partner_id": self.client.id,
                "line_ids": [
                    Command.create(
                        {
                            "service_id": self.haircut.id,
                            "master_id": self.master_anna.id,
                            "date_start": moscow("2030-03-04 15:00"),
                        }
                    ),
                    Command.create(
                        {
                            "service_id": self.manicure.id,
                            "master_id": self.master_anna.id,
                            "date_start": moscow("2030-03-04 16:00"),
                        }
                    ),
                ],
            }
        )
        slots = self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)])
        self.assertEqual(
            [(s.date_start, s.date_stop) for s in slots],
            [(moscow("2030-03-04 15:00"), moscow("2030-03-04 17:00"))],
        )

    @mute_logger("odoo.sql_db")
    def test_database_refuses_overlap_without_python(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        other = self.book(self.manicure, self.master_olga, "2030-03-04 10:00", partner=self.client_2)
        with self.assertRaises(ExclusionViolation), self.cr.savepoint():
            self.env["beauty.busy.slot"].create(
                {
                    "visit_id": other.id,
                    "resource_id": self.master_anna.resource_id.id,
                    "kind": "master",
                    "date_start": moscow("2030-03-04 10:30"),
                    "date_stop": moscow("2030-03-04 10:45"),
                }
            )
        self.assertEqual(
            self.env["beauty.busy.slot"].search_count([("visit_id", "in", (visit | other).ids)]), 2
        )

    def test_overlap_constraints_exist(self):
        for name in ("beauty_busy_slot_master_no_overlap", "beauty_busy_slot_unit_no_overlap"):
            self.env.cr.execute("SELECT contype FROM pg_constraint WHERE conname = %s", [name])
            self.assertEqual(self.env.cr.fetchone(), ("x",), name)

    def test_manager_double_booking_where_allowed(self):
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        self.company.salon_allow_overbooking = True
        visit = self.Visit.create(
            {
                "partner_id": self.client_2.id,
                "overbooked": True,
                "overbook_reason": "VIP client, the master agreed",
                "line_ids": [
                    Command.create(
                        {
                            "service_id": self.manicure.id,
                            "master_id": self.master_anna.id,
                            "date_start": moscow("2030-03-04 10:30"),
                        }
                    )
                ],
            }
        )
        self.assertTrue(visit.overbooked)
        self.assertIn("VIP client, the master agreed", visit.message_ids[0].body)
        self.assertTrue(self.env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]).overbooked)
        with self.assertRaisesRegex(UserError, "reason"):
            self.Visit.create({"partner_id": self.client.id, "overbooked": True})
        self.company.salon_allow_overbooking = False
        with self.assertRaisesRegex(UserError, "does not allow double booking"):
            self.Visit.create({"partner_id": self.client.id, "overbooked": True, "overbook_reason": "VIP"})
