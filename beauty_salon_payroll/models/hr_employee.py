# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import calendar
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError

PAYROLL_PERIODS = [
    ("weekly", "Weekly"),
    ("semi_monthly", "Twice a Month"),
    ("monthly", "Monthly"),
]


def period_bounds(period_type, day):
    """``(first, last)`` day of the payroll period of type ``period_type`` that contains ``day``.

    Weeks run Monday to Sunday; twice a month means the 1st-15th and the 16th-last day.
    """
    if period_type == "weekly":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=6)
    last_day = calendar.monthrange(day.year, day.month)[1]
    if period_type == "semi_monthly":
        if day.day <= 15:
            return day.replace(day=1), day.replace(day=15)
        return day.replace(day=16), day.replace(day=last_day)
    return day.replace(day=1), day.replace(day=last_day)


class HrEmployee(models.Model):
    """A master's pay: her payroll period and the dated pay schemes assigned to her."""

    _inherit = "hr.employee"

    salon_payroll_period = fields.Selection(
        PAYROLL_PERIODS,
        string="Payroll Period",
        default="monthly",
        required=True,
        groups="hr.group_hr_user",
        help="How often this master is paid; each master can have her own period.",
    )
    salon_payroll_assignment_ids = fields.One2many(
        "beauty.payroll.assignment",
        "employee_id",
        string="Pay Schemes",
        groups="hr.group_hr_user",
    )

    def _salon_payroll_partner(self):
        """The contact a master is paid to: her work contact."""
        self.ensure_one()
        # sudo: the work contact is HR data; payroll users book and pay it.
        partner = self.sudo().work_contact_id
        if not partner:
            raise UserError(self.env._("%(master)s has no work contact to pay.", master=self.name))
        return partner.with_env(self.env)
