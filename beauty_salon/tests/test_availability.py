# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestAvailability(BeautySalonCase):
    def starts(self, options):
        return [option["start"] for option in options]

    def test_day_grid_respects_schedule_and_lunch(self):
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 00:00"),
            moscow("2030-03-05 00:00"),
            masters=self.master_anna,
            step=60,
        )
        # One-hour service, hourly grid: 09..12 before lunch, 14..19 after.
        expected = [moscow(f"2030-03-04 {h:02d}:00") for h in (9, 10, 11, 12, 14, 15, 16, 17, 18, 19)]
        self.assertEqual(self.starts(options), expected)
        self.assertEqual({line["master_id"] for o in options for line in o["lines"]}, {self.master_anna.id})

    def test_existing_booking_and_buffer_remove_starts(self):
        self.book(self.haircut, self.master_anna, "2030-03-04 10:00")  # busy 10:00-11:15
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 09:00"),
            moscow("2030-03-04 13:00"),
            masters=self.master_anna,
            step=15,
        )
        starts = self.starts(options)
        self.assertIn(moscow("2030-03-04 09:00"), starts)
        self.assertNotIn(moscow("2030-03-04 09:15"), starts)  # would end 10:15, inside the haircut
        self.assertNotIn(moscow("2030-03-04 11:00"), starts)  # cleanup until 11:15
        self.assertIn(moscow("2030-03-04 11:15"), starts)
        self.assertEqual(starts[-1], moscow("2030-03-04 12:00"))  # lunch at 13:00

    def test_leave_removes_the_day(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Vacation",
                "resource_id": self.master_anna.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": moscow("2030-03-04 00:00"),
                "date_to": moscow("2030-03-05 00:00"),
            }
        )
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 00:00"),
            moscow("2030-03-06 00:00"),
            masters=self.master_anna,
            step=60,
        )
        self.assertTrue(options)
        self.assertTrue(all(o["start"] >= moscow("2030-03-05 00:00") for o in options))

    def test_any_master_fills_in_and_earliest_uses_first_free(self):
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 10:00"),
            moscow("2030-03-04 10:01"),
            step=15,
            strategy="earliest",
        )
        self.assertEqual(len(options), 1)
        self.assertEqual(options[0]["lines"][0]["master_id"], self.master_irina.id)  # Anna busy; Irina < Olga

    def test_least_busy_master(self):
        self.book(self.manicure, self.master_irina, "2030-03-04 15:00")
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 10:00"),
            moscow("2030-03-04 10:01"),
            step=15,
            strategy="least_busy",
        )
        # Irina has a booking that day; Anna and Olga have none: Anna comes first by name.
        self.assertEqual(options[0]["lines"][0]["master_id"], self.master_anna.id)
        self.book(self.manicure, self.master_anna, "2030-03-04 16:00")
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 10:00"),
            moscow("2030-03-04 10:01"),
            step=15,
            strategy="least_busy",
        )
        self.assertEqual(options[0]["lines"][0]["master_id"], self.master_olga.id)

    def test_processing_window_offers_the_master_during_processing(self):
        self.book(self.colour, self.master_anna, "2030-03-04 10:00")  # Anna free 10:30-11:30
        options = self.Availability.find_slots(
            self.manicure,
            moscow("2030-03-04 09:00"),
            moscow("2030-03-04 13:00"),
            masters=self.master_anna,
            step=30,
        )
        self.assertEqual(
            self.starts(options),
            [moscow("2030-03-04 09:00"), moscow("2030-03-04 10:30"), moscow("2030-03-04 12:00")],
        )

    def test_chain_of_services_with_units(self):
        options = self.Availability.find_slots(
            self.laser_hair | self.massage, moscow("2030-03-04 09:00"), moscow("2030-03-04 09:01"), step=15
        )
        self.assertEqual(len(options), 1)
        laser_line, massage_line = options[0]["lines"]
        self.assertEqual(laser_line["resource_ids"], [self.laser.id])
        self.assertEqual(massage_line["date_start"], moscow("2030-03-04 09:30"))
        self.assertEqual(massage_line["resource_ids"], [self.room_1.id])
        self.assertEqual(options[0]["stop"], moscow("2030-03-04 10:30"))
        # The option books as offered, through the one booking path.
        visit = self.Visit.create(self.Visit._prepare_from_option(self.client, options[0]))
        self.assertEqual(visit.line_ids.resource_ids, self.laser | self.room_1)

    def test_busy_units_remove_starts(self):
        self.book(self.massage, self.master_olga, "2030-03-04 15:00")
        self.book(self.massage, self.master_irina, "2030-03-04 15:00", partner=self.client_2)
        options = self.Availability.find_slots(
            self.massage, moscow("2030-03-04 14:00"), moscow("2030-03-04 17:00"), step=60
        )
        self.assertEqual(self.starts(options), [moscow("2030-03-04 14:00"), moscow("2030-03-04 16:00")])

    def test_cancelled_visit_gives_its_time_back(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        window = (moscow("2030-03-04 10:00"), moscow("2030-03-04 10:01"))
        self.assertFalse(self.Availability.find_slots(self.manicure, *window, masters=self.master_anna))
        visit.action_cancel("Changed plans")
        self.assertTrue(self.Availability.find_slots(self.manicure, *window, masters=self.master_anna))
