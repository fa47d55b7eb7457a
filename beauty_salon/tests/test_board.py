# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import json

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BeautySalonCase, moscow

DAY = "2030-03-04"


def utc_text(text):
    """'2030-03-04 10:00' Moscow time as the naive UTC string the board returns."""
    return fields.Datetime.to_string(moscow(text))


@tagged("post_install", "-at_install")
class TestBoardData(BeautySalonCase):
    def setUp(self):
        super().setUp()
        self.Board = self.env["beauty.board"]
        self.visit_anna = self.book(self.haircut, self.master_anna, "2030-03-04 10:00")
        self.visit_olga = self.book(self.massage, self.master_olga, "2030-03-04 15:00", partner=self.client_2)

    def board(self, **kwargs):
        return self.Board.get_board_data(DAY, **kwargs)

    def test_columns_follow_the_masters_schedules(self):
        data = self.board()
        self.assertEqual(data["tz"], "Europe/Moscow")
        self.assertEqual(
            (data["date_from"], data["date_to"]), (utc_text("2030-03-04 00:00"), utc_text("2030-03-05 00:00"))
        )
        self.assertEqual(
            [column["name"] for column in data["columns"]], ["Anna Master", "Irina Master", "Olga Master"]
        )
        anna = data["columns"][0]
        self.assertEqual((anna["type"], anna["res_id"]), ("master", self.master_anna.id))
        # 09:00-13:00 and 14:00-20:00 Moscow: the lunch break is not working time.
        self.assertEqual(
            anna["work"],
            [
                [utc_text("2030-03-04 09:00"), utc_text("2030-03-04 13:00")],
                [utc_text("2030-03-04 14:00"), utc_text("2030-03-04 20:00")],
            ],
        )
        self.assertEqual(anna["leaves"], [])
        self.assertTrue(data["can_book"])
        self.assertEqual([m["id"] for m in data["masters"]], [c["res_id"] for c in data["columns"]])

    def test_leaves_are_returned_apart_from_breaks(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Doctor",
                "resource_id": self.master_olga.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": moscow("2030-03-04 16:00"),
                "date_to": moscow("2030-03-04 18:00"),
            }
        )
        olga = self.board()["columns"][2]
        self.assertEqual(olga["leaves"], [[utc_text("2030-03-04 16:00"), utc_text("2030-03-04 18:00")]])
        self.assertIn([utc_text("2030-03-04 14:00"), utc_text("2030-03-04 16:00")], olga["work"])
        self.assertIn([utc_text("2030-03-04 18:00"), utc_text("2030-03-04 20:00")], olga["work"])

    def test_bookings_carry_what_the_blocks_show(self):
        bookings = {b["id"]: b for b in self.board()["bookings"]}
        line = self.visit_anna.line_ids
        booking = bookings[line.id]
        self.assertEqual(booking["master_id"], self.master_anna.id)
        self.assertEqual(booking["partner_name"], "Client Ivanova")
        self.assertEqual(booking["service_name"], "Haircut")
        self.assertEqual(booking["state"], "draft")
        self.assertEqual(booking["visit_name"], self.visit_anna.name)
        self.assertEqual(
            (booking["start"], booking["stop"]), (utc_text(f"{DAY} 10:00"), utc_text(f"{DAY} 11:00"))
        )
        self.assertTrue(booking["first_visit"])
        self.assertEqual(booking["allergy"], "")
        self.assertEqual(booking["category_id"], self.haircut.categ_id.id)
        massage = bookings[self.visit_olga.line_ids.id]
        self.assertEqual(massage["unit_ids"], self.visit_olga.line_ids.resource_ids.ids)

    def test_processing_window_is_returned(self):
        visit = self.book(self.colour, self.master_anna, "2030-03-04 15:00", partner=self.client_2)
        booking = next(b for b in self.board()["bookings"] if b["id"] == visit.line_ids.id)
        self.assertEqual(booking["processing"], [utc_text(f"{DAY} 15:30"), utc_text(f"{DAY} 16:30")])

    def test_first_visit_flag_looks_at_the_client_history(self):
        earlier = self.book(self.manicure, self.master_irina, "2030-03-01 10:00")
        earlier.action_arrive()
        earlier.action_done()
        bookings = {b["id"]: b for b in self.board()["bookings"]}
        self.assertFalse(bookings[self.visit_anna.line_ids.id]["first_visit"])
        self.assertTrue(bookings[self.visit_olga.line_ids.id]["first_visit"])

    def test_filters_masters_states_and_units(self):
        data = self.board(master_ids=[self.master_olga.id])
        self.assertEqual([c["res_id"] for c in data["columns"]], [self.master_olga.id])
        self.assertEqual([b["id"] for b in data["bookings"]], self.visit_olga.line_ids.ids)
        self.assertEqual(len(data["masters"]), 3, "the filter still lists every master")

        self.visit_anna.action_confirm()
        data = self.board(states=["confirmed"])
        self.assertEqual([b["id"] for b in data["bookings"]], self.visit_anna.line_ids.ids)

        data = self.board(master_ids=[self.master_anna.id], with_units=True)
        units = [c for c in data["columns"] if c["type"] == "unit"]
        self.assertEqual({c["res_id"] for c in units}, set((self.room_1 | self.room_2 | self.laser).ids))
        # The massage shows in its room's column even though Olga's column is filtered out.
        self.assertIn(self.visit_olga.line_ids.id, [b["id"] for b in data["bookings"]])
        room = self.visit_olga.line_ids.resource_ids
        self.assertEqual(next(c for c in units if c["res_id"] == room.id)["work"][0][0], data["date_from"])

    def test_three_days(self):
        later = self.book(self.manicure, self.master_irina, "2030-03-06 12:00")
        data = self.Board.get_board_data(DAY, "2030-03-06")
        self.assertEqual(data["date_to"], utc_text("2030-03-07 00:00"))
        self.assertIn(later.line_ids.id, [b["id"] for b in data["bookings"]])
        self.assertEqual(len(data["columns"][0]["work"]), 6)

    def test_other_branch_is_not_shown(self):
        branch = self.env["res.company"].create({"name": "Other branch"})
        data = self.Board.with_context(allowed_company_ids=self.env.company.ids).get_board_data(
            DAY, company_id=branch.id
        )
        self.assertEqual(data["company"]["id"], self.env.company.id, "not among the user's companies")
        data = self.Board.with_context(allowed_company_ids=[branch.id, self.env.company.id]).get_board_data(
            DAY, company_id=branch.id
        )
        self.assertEqual((data["company"]["id"], data["columns"], data["bookings"]), (branch.id, [], []))

    def test_master_sees_only_her_own_column_and_bookings(self):
        user_anna = self.make_user("board_anna", "beauty_salon_group_master", self.master_anna)
        data = self.Board.with_user(user_anna).get_board_data(DAY)
        self.assertEqual([c["res_id"] for c in data["columns"]], [self.master_anna.id])
        self.assertEqual([b["id"] for b in data["bookings"]], self.visit_anna.line_ids.ids)
        self.assertFalse(data["can_book"])
        self.assertTrue(data["can_move"])

    def test_reception_sees_every_master(self):
        reception = self.make_user("board_reception", "beauty_salon_group_user")
        data = self.Board.with_user(reception).get_board_data(DAY)
        self.assertEqual(len(data["columns"]), 3)
        self.assertEqual(len(data["bookings"]), 2)
        self.assertTrue(data["can_book"])

    def test_query_count_does_not_grow_with_bookings(self):
        self.board()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.board()
        few = self.env.cr.sql_log_count - before
        for hour in (12, 16, 17):
            self.book(self.manicure, self.master_irina, f"2030-03-04 {hour}:00", partner=self.client_2)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        data = self.board()
        self.assertEqual(len(data["bookings"]), 5)
        self.assertEqual(self.env.cr.sql_log_count - before, few)


@tagged("post_install", "-at_install")
class TestBoardMoves(BeautySalonCase):
    """What the board writes when a block is dropped or resized: the engine's checks decide."""

    def setUp(self):
        super().setUp()
        self.line_anna = self.book(self.haircut, self.master_anna, "2030-03-04 10:00").line_ids
        self.line_olga = self.book(
            self.manicure, self.master_olga, "2030-03-04 10:00", partner=self.client_2
        ).line_ids

    def test_drop_on_another_master_and_time(self):
        self.line_anna.write({"master_id": self.master_irina.id, "date_start": utc_text("2030-03-04 11:00")})
        self.assertEqual(self.line_anna.master_id, self.master_irina)
        self.assertEqual(self.line_anna.date_stop, moscow("2030-03-04 12:00"))

    def test_resize_changes_the_duration(self):
        self.line_anna.write({"duration": 1.5})
        self.assertEqual(self.line_anna.date_stop, moscow("2030-03-04 11:30"))

    @mute_logger("odoo.sql_db")
    def test_overlapping_drop_is_refused_with_a_message(self):
        with self.assertRaisesRegex(ValidationError, "already booked"), self.env.cr.savepoint():
            self.line_olga.write({"master_id": self.master_anna.id})
        self.line_olga.invalidate_recordset()
        self.assertEqual(self.line_olga.master_id, self.master_olga)

    def test_drop_on_another_room(self):
        line = self.book(self.massage, self.master_olga, "2030-03-04 12:00").line_ids
        self.assertEqual(line.resource_ids, self.room_1)
        line.write({"resource_ids": [Command.unlink(self.room_1.id), Command.link(self.room_2.id)]})
        self.assertEqual(line.resource_ids, self.room_2)


@tagged("post_install", "-at_install")
class TestBoardLiveRefresh(BeautySalonCase):
    """Changed bookings send bus messages (written at flush, sent at commit) to every salon user."""

    def board_messages(self):
        self.env.cr.precommit.run()
        group = self.env.ref("beauty_salon.beauty_salon_group_master")
        channel = json.dumps([self.env.cr.dbname, "res.groups", group.id], separators=(",", ":"))
        messages = self.env["bus.bus"].sudo().search([("channel", "=", channel)])
        return [json.loads(m.message) for m in messages if "board_changed" in m.message]

    def test_create_and_move_notify_the_old_and_the_new_time(self):
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()
        visit = self.book(self.haircut, self.master_anna, "2030-03-04 10:00")
        visit.line_ids.write({"date_start": moscow("2030-03-06 12:00")})
        visit.action_confirm()
        changes = [change for message in self.board_messages() for change in message["payload"]["changes"]]
        self.assertTrue(changes)
        self.assertEqual({change["company_id"] for change in changes}, {self.company.id})
        self.assertEqual(min(change["start"] for change in changes), utc_text("2030-03-04 10:00"))
        self.assertEqual(max(change["stop"] for change in changes), utc_text("2030-03-06 13:00"))

    def test_changes_of_one_flush_make_one_message(self):
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()
        visits = self.book(self.haircut, self.master_anna, "2030-03-04 10:00") | self.book(
            self.manicure, self.master_olga, "2030-03-04 12:00", partner=self.client_2
        )
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()
        visits.action_confirm()
        messages = self.board_messages()
        self.assertEqual(len(messages), 1, messages)
        self.assertEqual(messages[0]["type"], "beauty_salon/board_changed")
        self.assertEqual(
            messages[0]["payload"]["changes"],
            [
                {
                    "company_id": self.company.id,
                    "start": utc_text("2030-03-04 10:00"),
                    "stop": utc_text("2030-03-04 13:00"),
                }
            ],
        )

    def test_deleting_a_visit_notifies(self):
        visit = self.book(self.haircut, self.master_anna, "2030-03-04 10:00")
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()
        visit.unlink()
        messages = self.board_messages()
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages[0]["payload"]["changes"][0]["start"], utc_text("2030-03-04 10:00"))

    def test_no_message_without_booking_change(self):
        self.env.cr.precommit.run()
        self.env["bus.bus"].sudo().search([]).unlink()
        self.client.name = "Client Ivanova-Petrova"
        self.assertEqual(self.board_messages(), [])
