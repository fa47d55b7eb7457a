# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .hr_employee import PAYROLL_PERIODS, period_bounds


class BeautyPayrollBatch(models.Model):
    """A branch's payroll period: one sheet per master paid on that period type, handled together."""

    _name = "beauty.payroll.batch"
    _description = "Payroll Period"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False, precompute=True, required=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    period_type = fields.Selection(
        PAYROLL_PERIODS,
        string="Masters Paid",
        default="monthly",
        required=True,
        help="Sheets are made for the branch's masters with this payroll period.",
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, readonly=False, precompute=True, required=True
    )
    date_to = fields.Date(
        string="To", compute="_compute_dates", store=True, readonly=False, precompute=True, required=True
    )
    sheet_ids = fields.One2many("beauty.payroll.sheet", "batch_id", string="Payroll Sheets")
    sheet_count = fields.Integer(compute="_compute_totals")
    amount_gross = fields.Monetary(string="Earned", compute="_compute_totals")
    amount_net = fields.Monetary(string="To Pay", compute="_compute_totals")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("paid", "Paid")],
        compute="_compute_state",
        store=True,
        index=True,
        help="Draft while any sheet is draft; paid once every sheet is paid.",
    )

    _sql_constraints = [
        ("dates_check", "CHECK (date_to >= date_from)", "A payroll period must end after it starts."),
    ]

    @api.depends("period_type")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for batch in self:
            batch.date_from, batch.date_to = period_bounds(batch.period_type, today)

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for batch in self:
            batch.name = self.env._(
                "Payroll %(date_from)s – %(date_to)s",
                date_from=format_date(self.env, batch.date_from),
                date_to=format_date(self.env, batch.date_to),
            )

    @api.depends("sheet_ids.amount_gross", "sheet_ids.amount_net")
    def _compute_totals(self):
        for batch in self:
            batch.sheet_count = len(batch.sheet_ids)
            batch.amount_gross = sum(batch.sheet_ids.mapped("amount_gross"))
            batch.amount_net = sum(batch.sheet_ids.mapped("amount_net"))

    @api.depends("sheet_ids.state")
    def _compute_state(self):
        for batch in self:
            states = set(batch.sheet_ids.mapped("state"))
            if not states or "draft" in states:
                batch.state = "draft"
            elif states == {"paid"}:
                batch.state = "paid"
            else:
                batch.state = "confirmed"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if self.sheet_ids.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("A payroll period with confirmed sheets cannot be deleted."))

    # ------------------------------------------------------------------ actions
    def action_generate_sheets(self):
        """A draft sheet for every master of the branch paid on this period type that has none yet."""
        Sheet = self.env["beauty.payroll.sheet"]
        for batch in self:
            # sudo: the masters' payroll period is HR data; accountants run the payroll too.
            masters = (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [
                        ("is_salon_master", "=", True),
                        ("company_id", "=", batch.company_id.id),
                        ("salon_payroll_period", "=", batch.period_type),
                    ]
                )
            )
            overlapping = Sheet.search(
                [
                    ("employee_id", "in", masters.ids),
                    ("date_from", "<=", batch.date_to),
                    ("date_to", ">=", batch.date_from),
                ]
            )
            same_period = overlapping.filtered(
                lambda s, b=batch: (s.date_from, s.date_to) == (b.date_from, b.date_to) and not s.batch_id
            )
            same_period.batch_id = batch
            Sheet.create(
                [
                    {
                        "employee_id": master.id,
                        "company_id": batch.company_id.id,
                        "batch_id": batch.id,
                        "date_from": batch.date_from,
                        "date_to": batch.date_to,
                    }
                    for master in masters - overlapping.employee_id.sudo()
                ]
            )
        return True

    def action_compute(self):
        self.sheet_ids.filtered(lambda s: s.state == "draft").action_compute()
        return True

    def action_confirm(self):
        self.sheet_ids.filtered(lambda s: s.state == "draft").action_confirm()
        return True

    def action_open_pay(self):
        self.ensure_one()
        return self.sheet_ids.action_open_pay()

    def action_view_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "beauty_salon_payroll.beauty_payroll_sheet_action"
        )
        action.update(
            {
                "domain": [("batch_id", "=", self.id)],
                "context": {"default_batch_id": self.id, "default_company_id": self.company_id.id},
            }
        )
        return action

    def action_view_timesheet(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "beauty_salon_payroll.beauty_payroll_timesheet_action"
        )
        action["domain"] = [("sheet_id.batch_id", "=", self.id)]
        return action
