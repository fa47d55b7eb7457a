# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from ..report.beauty_staff_performance_report import GROUP_MEASURES

SUMMED = (
    "service_revenue",
    "retail_revenue",
    "commission",
    "booked_hours",
    "scheduled_hours",
    "no_show_count",
)


class BeautyStaffPerformancePrint(models.TransientModel):
    """The printable staff performance summary: one row per master over a chosen period."""

    _name = "beauty.staff.performance.print"
    _description = "Print Staff Performance"

    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)

    def _summary(self):
        """``(rows, total)``: per master and for the branch, every measure of the performance report."""
        self.ensure_one()
        Report = self.env["beauty.staff.performance.report"]
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        measures = list(SUMMED) + list(GROUP_MEASURES)
        aggregates = [f"{fname}:{Report._fields[fname].aggregator}" for fname in measures]
        rows = [
            dict(zip(["master", *measures], values, strict=True))
            for values in Report._read_group(domain, ["master_id"], aggregates, order="master_id")
        ]
        total = dict(zip(measures, Report._read_group(domain, [], aggregates)[0], strict=True))
        return rows, total

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "beauty_salon_payroll.beauty_staff_performance_summary_report_action"
        ).report_action(self)
