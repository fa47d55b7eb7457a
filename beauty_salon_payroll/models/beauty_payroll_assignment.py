# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models


class BeautyPayrollAssignment(models.Model):
    """From ``date_from`` on, a master (or every master of a job position) is paid by a scheme.

    A master's own assignment wins over her job position's. A later assignment replaces an earlier one
    from its date, so the history stays.
    """

    _name = "beauty.payroll.assignment"
    _description = "Pay Scheme Assignment"
    _order = "date_from desc, id desc"
    _rec_name = "scheme_id"

    scheme_id = fields.Many2one("beauty.payroll.scheme", required=True, index=True, ondelete="restrict")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Master",
        index="btree_not_null",
        ondelete="cascade",
        domain="[('is_salon_master', '=', True)]",
    )
    job_id = fields.Many2one("hr.job", string="Job Position", index="btree_not_null", ondelete="cascade")
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", string="Branch", compute="_compute_company_id", store=True, index=True
    )

    _sql_constraints = [
        (
            "employee_or_job",
            "CHECK ((employee_id IS NULL) != (job_id IS NULL))",
            "A scheme is assigned to either one master or one job position.",
        ),
        (
            "employee_date_unique",
            "UNIQUE (employee_id, date_from)",
            "A master already has a scheme from that date.",
        ),
        (
            "job_date_unique",
            "UNIQUE (job_id, date_from)",
            "This job position already has a scheme from that date.",
        ),
    ]

    @api.depends("employee_id.company_id", "job_id.company_id")
    def _compute_company_id(self):
        for assignment in self:
            assignment.company_id = assignment.employee_id.company_id or assignment.job_id.company_id

    @api.model
    def _segments(self, employees, date_from, date_to):
        """Each master's schemes over the period: ``{employee_id: [(first, last, scheme), ...]}``.

        Days without any assignment are left out.
        """
        # sudo: accountants compute pay without HR rights; they only need the masters' job positions.
        employees = employees.sudo()
        assignments = self.sudo().search(
            [
                ("date_from", "<=", date_to),
                "|",
                ("employee_id", "in", employees.ids),
                ("job_id", "in", employees.job_id.ids),
            ],
            order="date_from",
        )
        result = {}
        for employee in employees:
            own = assignments.filtered(lambda a, e=employee: a.employee_id == e)
            by_job = assignments.filtered(lambda a, e=employee: e.job_id and a.job_id == e.job_id)
            segments = []
            day = date_from
            while day <= date_to:
                current = (
                    own.filtered(lambda a, d=day: a.date_from <= d)[-1:]
                    or by_job.filtered(lambda a, d=day: a.date_from <= d)[-1:]
                )
                scheme = current.scheme_id.with_env(self.env)
                if segments and segments[-1][2] == scheme and segments[-1][1] == day - timedelta(days=1):
                    segments[-1] = (segments[-1][0], day, scheme)
                elif scheme:
                    segments.append((day, day, scheme))
                day += timedelta(days=1)
            result[employee.id] = segments
        return result
