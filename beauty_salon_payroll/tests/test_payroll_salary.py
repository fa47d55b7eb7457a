# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.tests import tagged

from .common import PayrollCase


@tagged("post_install", "-at_install")
class TestSalaryAndTimesheet(PayrollCase):
    """Salary, shifts and hours from attendance, the guaranteed minimum and the timesheet (табель)."""

    def test_salary_follows_a_scheme_change_in_the_period(self):
        """31,000 for 1-15 March (15 of 31 days) and 62,000 from the 16th (16 days): 15,000 + 32,000."""
        self.scheme(self.master_anna, salary_mode="period", salary_amount=31000)
        self.scheme(self.master_anna, date_from="2030-03-16", salary_mode="period", salary_amount=62000)
        sheet = self.make_sheet(self.master_anna)
        self.assertEqual(sorted(sheet.line_ids.mapped("amount")), [15000.0, 32000.0])
        self.assertEqual(sheet.amount_salary, 47000.0)

    def test_guaranteed_minimum_tops_up_the_commission(self):
        """40 % of one haircut (1,000) under a 20,000 minimum: 19,000 top-up, 20,000 earned."""
        self.scheme(self.master_anna, service_rate=40, minimum_amount=20000)
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 10:00")
        sheet = self.make_sheet(self.master_anna)
        self.assertEqual(self.lines_by_kind(sheet, "minimum").amount, 19000.0)
        self.assertEqual((sheet.amount_commission, sheet.amount_gross), (1000.0, 20000.0))

    def test_pay_per_worked_shift(self):
        self.scheme(self.master_olga, salary_mode="shift", salary_amount=1500)
        for day in ("2030-03-02", "2030-03-03", "2030-03-05"):
            self.attend(self.master_olga, f"{day} 09:00", f"{day} 18:00")
        sheet = self.make_sheet(self.master_olga)
        self.assertEqual(sheet.shift_count, 3)
        self.assertEqual(self.lines_by_kind(sheet, "shift").amount, 4500.0)

    def test_hourly_pay_across_midnight_and_a_missing_check_out(self):
        """22:00-02:00 (2 h + 2 h), 09:00-13:00 (4 h), then a check-in never closed: 8 h x 300."""
        self.scheme(self.master_irina, salary_mode="hour", salary_amount=300)
        self.attend(self.master_irina, "2030-03-02 22:00", "2030-03-03 02:00")
        self.attend(self.master_irina, "2030-03-03 09:00", "2030-03-03 13:00")
        self.attend(self.master_irina, "2030-03-04 09:00")
        sheet = self.make_sheet(self.master_irina)
        self.assertEqual((sheet.worked_hours, sheet.shift_count), (8.0, 2))
        self.assertEqual(self.lines_by_kind(sheet, "hour").amount, 2400.0)
        days = {str(day.date): day for day in sheet.timesheet_ids}
        self.assertEqual(len(days), 31)
        self.assertEqual((days["2030-03-02"].worked_hours, days["2030-03-03"].worked_hours), (2.0, 6.0))
        self.assertTrue(days["2030-03-04"].missing_check_out)
        self.assertFalse(days["2030-03-04"].absent)
        self.assertEqual(days["2030-03-04"].worked_hours, 0.0)

    def test_a_scheduled_lunch_break_is_not_worked_time(self):
        """Monday's schedule gets a 13:00-14:00 lunch break: in 09:00-18:00 is 8 h worked, not 9."""
        self.calendar.attendance_ids = [
            Command.create(
                {"name": "Lunch", "dayofweek": "0", "hour_from": 13, "hour_to": 14, "day_period": "lunch"}
            )
        ]
        self.scheme(self.master_anna, salary_mode="hour", salary_amount=300)
        self.attend(self.master_anna, "2030-03-04 09:00", "2030-03-04 18:00")
        sheet = self.make_sheet(self.master_anna, "2030-03-04", "2030-03-04")
        self.assertEqual(sheet.timesheet_ids.worked_hours, 8.0)
        self.assertEqual(self.lines_by_kind(sheet, "hour").amount, 2400.0)

    def test_timesheet_lateness_absence_overtime(self):
        """Scheduled 09:00-13:00 and 14:00-20:00 (10 h): in at 09:20, out at 21:30 (12 h 10 min)."""
        self.scheme(self.master_anna, service_rate=40)
        self.attend(self.master_anna, "2030-03-04 09:20", "2030-03-04 21:30")
        sheet = self.make_sheet(self.master_anna, "2030-03-04", "2030-03-05")
        monday, tuesday = sheet.timesheet_ids.sorted("date")
        self.assertEqual((monday.planned_hours, monday.planned_start, monday.late_minutes), (10.0, 9.0, 20))
        self.assertAlmostEqual(monday.worked_hours, 12 + 10 / 60, places=2)
        self.assertAlmostEqual(monday.overtime_hours, 2 + 10 / 60, places=2)
        self.assertFalse(monday.absent)
        self.assertTrue(tuesday.absent)
        self.assertEqual((tuesday.planned_hours, tuesday.worked_hours), (10.0, 0.0))
        self.assertEqual(sheet.planned_hours, 20.0)
