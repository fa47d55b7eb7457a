# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


def _hours(start, stop):
    return (stop - start).total_seconds() / 3600


def _clock(moment):
    """A local datetime as float hours of its day (what the ``float_time`` widget shows)."""
    return moment.hour + moment.minute / 60 + moment.second / 3600


class BeautyPayrollTimesheet(models.Model):
    """One day of a master's timesheet (табель): scheduled hours from her working schedule against the
    hours she checked in for (``hr.attendance``, e.g. with her badge at the kiosk)."""

    _name = "beauty.payroll.timesheet"
    _description = "Timesheet Day"
    _order = "employee_id, date"

    sheet_id = fields.Many2one("beauty.payroll.sheet", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one(related="sheet_id.employee_id", store=True, index=True, string="Master")
    company_id = fields.Many2one(related="sheet_id.company_id", store=True, index=True, string="Branch")
    date = fields.Date(required=True)
    planned_hours = fields.Float(string="Scheduled Hours", digits=(16, 2))
    planned_start = fields.Float(string="Scheduled From", help="Start of the first scheduled interval.")
    worked_hours = fields.Float(string="Hours Worked", digits=(16, 2))
    first_check_in = fields.Float(string="First Check-in")
    shift = fields.Boolean(help="A shift started this day: checked in, and out (possibly after midnight).")
    late_minutes = fields.Integer(string="Late (min)", help="First check-in after the scheduled start.")
    overtime_hours = fields.Float(string="Overtime", digits=(16, 2))
    absent = fields.Boolean(help="Scheduled to work, never checked in.")
    missing_check_out = fields.Boolean(
        help="A check-in without a check-out: its hours count only once the check-out is entered."
    )

    @api.model
    def _attendance_days(self, sheets):
        """Timesheet days of each sheet, ``{sheet_id: [values, ...]}``, one per day of its period."""
        groups = defaultdict(lambda: sheets.browse())
        for sheet in sheets:
            # sudo: payroll users need the schedule and attendance of masters without HR rights.
            employee = sheet.employee_id.sudo()
            calendar = employee.resource_calendar_id or sheet.company_id.resource_calendar_id
            groups[(calendar, sheet.date_from, sheet.date_to)] |= sheet
        result = {}
        for (calendar, date_from, date_to), group in groups.items():
            result.update(self._attendance_days_group(calendar.sudo(), date_from, date_to, group))
        return result

    @api.model
    def _attendance_days_group(self, calendar, date_from, date_to, sheets):
        """Timesheet days of sheets sharing one schedule and one period."""
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min))
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        employees = sheets.employee_id.sudo()
        resources = employees.resource_id
        planned = calendar._work_intervals_batch(start, stop, resources=resources, tz=tz) if calendar else {}
        lunch = {}
        if calendar and not calendar.flexible_hours:
            lunch = calendar._attendance_intervals_batch(start, stop, resources=resources, tz=tz, lunch=True)
        # sudo: attendance is read for the pay computation; access is checked on the sheet.
        attendances = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("check_in", "<", stop.astimezone(pytz.utc).replace(tzinfo=None)),
                    "|",
                    ("check_out", "=", False),
                    ("check_out", ">", start.astimezone(pytz.utc).replace(tzinfo=None)),
                ],
                order="check_in",
            )
        )
        by_employee = attendances.grouped("employee_id")
        result = {}
        for sheet in sheets:
            resource = sheet.employee_id.sudo().resource_id
            days = {
                date_from + timedelta(days=offset): {
                    "sheet_id": sheet.id,
                    "date": date_from + timedelta(days=offset),
                    "planned_hours": 0.0,
                    "worked_hours": 0.0,
                }
                for offset in range((date_to - date_from).days + 1)
            }
            for interval_start, interval_stop, _records in planned.get(resource.id, []):
                day = days[interval_start.date()]
                day["planned_hours"] += _hours(interval_start, interval_stop)
                clock = _clock(interval_start)
                day["planned_start"] = min(day.get("planned_start", clock), clock)
            self._add_attendances(
                days, by_employee.get(sheet.employee_id.sudo(), []), tz, start, stop, lunch.get(resource.id)
            )
            for day in days.values():
                day["overtime_hours"] = max(0.0, day["worked_hours"] - day["planned_hours"])
                day["absent"] = bool(
                    day["planned_hours"] and not day["worked_hours"] and not day.get("missing_check_out")
                )
                if "planned_start" in day and "first_check_in" in day:
                    day["late_minutes"] = max(0, round((day["first_check_in"] - day["planned_start"]) * 60))
            result[sheet.id] = list(days.values())
        return result

    @api.model
    def _add_attendances(self, days, attendances, tz, start, stop, lunch):
        """Spread each attendance over the local days it covers, without the schedule's lunch breaks."""
        for attendance in attendances:
            check_in = pytz.utc.localize(attendance.check_in).astimezone(tz)
            day = days.get(check_in.date())
            if day is not None:
                day["first_check_in"] = min(day.get("first_check_in", 24.0), _clock(check_in))
            if not attendance.check_out:
                if day is not None:
                    day["missing_check_out"] = True
                continue
            if day is not None:
                day["shift"] = True
            check_out = pytz.utc.localize(attendance.check_out).astimezone(tz)
            worked = [(max(check_in, start), min(check_out, stop))]
            breaks = [(break_start, break_stop) for break_start, break_stop, *_rest in lunch or []]
            for piece_start, piece_stop in self.env["beauty.availability"]._subtract_intervals(
                worked, breaks
            ):
                while piece_start < piece_stop:
                    midnight = tz.localize(datetime.combine(piece_start.date() + timedelta(days=1), time.min))
                    piece_end = min(piece_stop, midnight)
                    days[piece_start.date()]["worked_hours"] += _hours(piece_start, piece_end)
                    piece_start = piece_end
