# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date

from .beauty_payroll_sheet_line import COMMISSION_KINDS
from .hr_employee import period_bounds
from .payroll_engine import RevenueRow, Segment, compute_segment

# Invoice states that mean the client has settled the invoice (or the credit note has been paid back).
SETTLED_STATES = ("paid", "in_payment", "reversed")
SALARY_KINDS = ("salary", "shift", "hour", "minimum", "bonus", "correction")


class BeautyPayrollSheet(models.Model):
    """A master's pay for one payroll period (расчётный лист).

    Draft sheets are recomputed from the data: paid invoice lines of her services and retail sales,
    her attendance, and the bonuses, fines and advances recorded for her. Confirming posts the journal
    entry and offsets the advances; paying reconciles. A correction after confirmation reverses the entry.
    """

    _name = "beauty.payroll.sheet"
    _description = "Payroll Sheet"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, employee_id, id"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, copy=False, readonly=True, default="/")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Master",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        domain="[('is_salon_master', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company", string="Branch", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    batch_id = fields.Many2one(
        "beauty.payroll.batch",
        string="Payroll Period",
        index="btree_not_null",
        check_company=True,
        ondelete="cascade",
        help="Deleting a draft payroll period deletes its draft sheets.",
    )
    date_from = fields.Date(
        string="From", compute="_compute_dates", store=True, readonly=False, precompute=True, required=True
    )
    date_to = fields.Date(
        string="To", compute="_compute_dates", store=True, readonly=False, precompute=True, required=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("paid", "Paid")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    line_ids = fields.One2many("beauty.payroll.sheet.line", "sheet_id", string="Lines", readonly=True)
    timesheet_ids = fields.One2many("beauty.payroll.timesheet", "sheet_id", readonly=True)
    adjustment_ids = fields.One2many(
        "beauty.payroll.adjustment", "sheet_id", string="Adjustments", readonly=True
    )
    tier_summary = fields.Char(
        string="Tiers",
        compute="_compute_tier_summary",
        compute_sudo=True,
        help="The tiered schemes of the period and their mode, as the statement must show it.",
    )
    amount_commission = fields.Monetary(string="Commissions", compute="_compute_amounts", store=True)
    amount_salary = fields.Monetary(string="Salary", compute="_compute_amounts", store=True)
    amount_bonus = fields.Monetary(string="Bonuses and Corrections", compute="_compute_amounts", store=True)
    amount_gross = fields.Monetary(string="Earned", compute="_compute_amounts", store=True)
    amount_fine = fields.Monetary(string="Fines", compute="_compute_amounts", store=True)
    amount_advance = fields.Monetary(string="Advances", compute="_compute_amounts", store=True)
    amount_net = fields.Monetary(string="To Pay", compute="_compute_amounts", store=True, tracking=True)
    worked_hours = fields.Float(compute="_compute_attendance", store=True, string="Hours Worked")
    planned_hours = fields.Float(compute="_compute_attendance", store=True, string="Scheduled Hours")
    shift_count = fields.Integer(compute="_compute_attendance", store=True, string="Shifts Worked")
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False)
    move_ids = fields.One2many("account.move", "salon_payroll_sheet_id", string="Entries", readonly=True)
    move_count = fields.Integer(compute="_compute_move_count")
    amount_residual = fields.Monetary(string="Still to Pay", compute="_compute_amount_residual")

    _sql_constraints = [
        ("dates_check", "CHECK (date_to >= date_from)", "A payroll period must end after it starts."),
        (
            "employee_period_no_overlap",
            """EXCLUDE USING GIST (
                int4range(employee_id, employee_id, '[]') WITH =,
                daterange(date_from, date_to, '[]') WITH &&
            )""",
            "This master already has a payroll sheet for part of that period.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("employee_id")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for sheet in self:
            if sheet.date_from and sheet.date_to:
                continue
            # sudo: the period type is HR data; accountants create sheets too.
            period = sheet.employee_id.sudo().salon_payroll_period or "monthly"
            sheet.date_from, sheet.date_to = period_bounds(period, today)

    @api.depends("line_ids.amount", "line_ids.kind")
    def _compute_amounts(self):
        totals = defaultdict(lambda: defaultdict(float))
        # Sheets hold thousands of lines: sum them in the database (lines are never edited in a form).
        for sheet, kind, amount in self.env["beauty.payroll.sheet.line"]._read_group(
            [("sheet_id", "in", self._origin.ids)], ["sheet_id", "kind"], ["amount:sum"]
        ):
            totals[sheet.id][kind] = amount
        for sheet in self:
            by_kind = totals[sheet._origin.id]
            sheet.amount_commission = sum(by_kind[kind] for kind in COMMISSION_KINDS)
            sheet.amount_salary = sum(by_kind[kind] for kind in ("salary", "shift", "hour", "minimum"))
            sheet.amount_bonus = by_kind["bonus"] + by_kind["correction"]
            sheet.amount_gross = sheet.amount_commission + sheet.amount_salary + sheet.amount_bonus
            sheet.amount_fine = -by_kind["fine"]
            sheet.amount_advance = -by_kind["advance"]
            sheet.amount_net = sheet.amount_gross - sheet.amount_fine - sheet.amount_advance

    @api.depends("timesheet_ids.worked_hours", "timesheet_ids.planned_hours", "timesheet_ids.shift")
    def _compute_attendance(self):
        for sheet in self:
            days = sheet.timesheet_ids
            sheet.worked_hours = sum(days.mapped("worked_hours"))
            sheet.planned_hours = sum(days.mapped("planned_hours"))
            sheet.shift_count = len(days.filtered("shift"))

    @api.depends("line_ids.scheme_id.tier_mode")
    def _compute_tier_summary(self):
        labels = dict(self.env["beauty.payroll.scheme"]._fields["tier_mode"]._description_selection(self.env))
        for sheet in self:
            tiered = sheet.line_ids.scheme_id.filtered(lambda scheme: scheme.tier_mode != "none")
            sheet.tier_summary = (
                "; ".join(f"{scheme.name}: {labels[scheme.tier_mode]}" for scheme in tiered) or False
            )

    @api.depends("move_ids")
    def _compute_move_count(self):
        for sheet in self:
            sheet.move_count = len(sheet.move_ids)

    @api.depends("move_id.line_ids.amount_residual", "state")
    def _compute_amount_residual(self):
        for sheet in self:
            payable = sheet._payable_line()
            sheet.amount_residual = -sum(payable.mapped("amount_residual"))

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("beauty.payroll.sheet") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if {"employee_id", "date_from", "date_to", "company_id"} & set(vals) and self.filtered(
            lambda s: s.state != "draft"
        ):
            raise UserError(self.env._("Only a draft payroll sheet can change its master or period."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(
                self.env._("A confirmed payroll sheet cannot be deleted: reset it to draft first.")
            )

    @api.depends("employee_id", "date_from", "date_to")
    def _compute_display_name(self):
        for sheet in self:
            dates = f"{format_date(self.env, sheet.date_from)} – {format_date(self.env, sheet.date_to)}"
            sheet.display_name = f"{sheet.name} · {sheet.employee_id.name or ''} · {dates}"

    # ------------------------------------------------------------------ actions
    def action_compute(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("Only a draft payroll sheet can be recomputed."))
        self._compute_sheets()
        return True

    def action_confirm(self):
        """Recompute, post the journal entry and offset the advances already paid."""
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("Only a draft payroll sheet can be confirmed."))
        self._compute_sheets()
        for sheet in self:
            if sheet.currency_id.compare_amounts(sheet.amount_net, 0) < 0:
                raise UserError(
                    self.env._(
                        "%(sheet)s: advances and fines exceed the pay. Move an advance to the next period.",
                        sheet=sheet.display_name,
                    )
                )
            sheet.move_id = sheet._post_entry()
            sheet.state = "confirmed"
            sheet._reconcile_payable()
        return True

    def action_reset_to_draft(self):
        """Correct a confirmed sheet: its entry is reversed (never edited) and the sheet is recomputable."""
        for sheet in self:
            if sheet.state != "confirmed":
                raise UserError(
                    self.env._(
                        "%(sheet)s is paid: record a correction in the next period instead.",
                        sheet=sheet.display_name,
                    )
                )
            if sheet.move_ids.filtered("origin_payment_id"):
                raise UserError(
                    self.env._(
                        "%(sheet)s has been partly paid out: cancel that payment first.", sheet=sheet.name
                    )
                )
            move = sheet.move_id
            sheet._payable_line().remove_move_reconcile()
            move._reverse_moves(
                [{"date": move.date, "ref": self.env._("Reversal of %(entry)s", entry=move.name)}],
                cancel=True,
            )
            sheet.write({"state": "draft", "move_id": False})
            sheet.message_post(body=self.env._("Reset to draft: entry %(entry)s reversed.", entry=move.name))
        return True

    def action_open_pay(self):
        sheets = self.filtered(lambda s: s.state == "confirmed")
        if not sheets:
            raise UserError(self.env._("Only confirmed payroll sheets can be paid."))
        return self.env["beauty.payroll.pay"]._action_open(self.env._("Pay"), sheets)

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_journal_line")
        action.update({"domain": [("id", "in", self.move_ids.ids)], "context": {"create": False}})
        return action

    # ------------------------------------------------------------------ computation
    def _compute_sheets(self):
        """Rebuild lines and timesheets of draft sheets, oldest first (a late payment goes to one sheet)."""
        sheets = self.sorted(lambda s: (s.date_from, s.id))
        days = self.env["beauty.payroll.timesheet"]._attendance_days(sheets)
        Assignment = self.env["beauty.payroll.assignment"]
        sheets.timesheet_ids.unlink()
        self.env["beauty.payroll.timesheet"].create([day for sheet in sheets for day in days[sheet.id]])
        sheets.line_ids.unlink()
        # Lines are created in one batch, except before a master's next sheet: it must see what the
        # previous one took.
        pending, pending_masters = [], set()
        for sheet in sheets:
            if sheet.employee_id in pending_masters:
                self.env["beauty.payroll.sheet.line"]._bulk_create(pending)
                pending, pending_masters = [], set()
            segments = Assignment._segments(sheet.employee_id, sheet.date_from, sheet.date_to)[
                sheet.employee_id.id
            ]
            if not segments:
                raise UserError(
                    self.env._(
                        "%(master)s has no pay scheme for %(sheet)s: assign one to her or her job position.",
                        master=sheet.employee_id.name,
                        sheet=sheet.name,
                    )
                )
            lines = sheet._segment_lines(segments, days[sheet.id]) + sheet._adjustment_lines()
            pending += [dict(line, sheet_id=sheet.id) for line in lines]
            pending_masters.add(sheet.employee_id)
        self.env["beauty.payroll.sheet.line"]._bulk_create(pending)
        return True

    def _segment_lines(self, segments, days):
        """Line values earned under each scheme segment of the period."""
        self.ensure_one()
        period_days = (self.date_to - self.date_from).days + 1
        rows = self._revenue_rows()
        pieces = []
        for first, last, scheme in segments:
            in_segment = [day for day in days if first <= day["date"] <= last]
            segment = Segment(
                first=first,
                last=last,
                scheme=scheme,
                period_days=period_days,
                # A late payment found now counts in the first segment of this period.
                rows=[
                    row for row in rows if (first == segments[0][0] or row.date >= first) and row.date <= last
                ],
                worked_hours=sum(day["worked_hours"] for day in in_segment),
                shifts=len([day for day in in_segment if day.get("shift")]),
            )
            pieces += compute_segment(self.env, segment, self.currency_id)
        return pieces

    def _adjustment_lines(self):
        """Bonuses, fines, corrections and paid advances of the master dated in the period."""
        self.ensure_one()
        adjustments = self.env["beauty.payroll.adjustment"].search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("sheet_id", "in", [False, self.id]),
            ]
        )
        unpaid = adjustments.filtered(lambda a: a.kind == "advance" and not a.payment_id)
        (self.adjustment_ids - adjustments | unpaid).sheet_id = False
        adjustments -= unpaid
        adjustments.sheet_id = self
        return [adjustment._sheet_line_vals() for adjustment in adjustments]

    def _revenue_rows(self):
        """Paid invoice lines of the master's sale lines not yet on another sheet, as ``RevenueRow``.

        An invoice counts once settled (paid, or cancelled by a credit note), on the settlement date (its
        own date when there was nothing to pay); a credit note counts negatively once paid back. A
        settlement dated before this period that no sheet has taken yet (a late payment) is taken here,
        back to the master's first sheet.
        """
        self.ensure_one()
        self.env["account.move.line"].flush_model(
            ["balance", "quantity", "discount", "price_unit", "display_type"]
        )
        self.env["account.move"].flush_model(
            ["state", "move_type", "payment_state", "invoice_currency_rate", "invoice_date"]
        )
        self.env["account.partial.reconcile"].flush_model(["max_date", "debit_move_id", "credit_move_id"])
        self.env["sale.order.line"].flush_model(["salon_master_id", "salon_visit_line_id", "product_uom_qty"])
        self.env["beauty.payroll.sheet.line"].flush_model(["move_line_id", "sheet_id"])
        first_sheet = self.search(
            [("employee_id", "=", self.employee_id.id), ("company_id", "=", self.company_id.id)],
            order="date_from",
            limit=1,
        )
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT aml.id AS move_line_id, aml.move_id, am.move_type, sol.id AS sale_line_id,
                       sol.salon_visit_line_id AS visit_line_id, sol.product_id, sol.product_uom_qty,
                       -aml.balance AS amount, aml.quantity, aml.discount, aml.price_unit,
                       am.invoice_currency_rate, settled.day AS settled_date
                  FROM sale_order_line sol
                  JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                  JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                  JOIN account_move am ON am.id = aml.move_id
                  CROSS JOIN LATERAL (
                      -- An invoice settled without a payment (nothing to pay: a visit-pack session)
                      -- is settled on its own date.
                      SELECT COALESCE(MAX(apr.max_date), am.invoice_date) AS day
                        FROM account_move_line receivable
                        JOIN account_partial_reconcile apr
                          ON apr.debit_move_id = receivable.id OR apr.credit_move_id = receivable.id
                       WHERE receivable.move_id = am.id AND receivable.display_type = 'payment_term'
                  ) settled
                 WHERE sol.salon_master_id = %(employee)s
                   AND am.company_id = %(company)s
                   AND am.state = 'posted'
                   AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.payment_state IN %(settled)s
                   AND aml.display_type = 'product'
                   AND settled.day BETWEEN %(lower)s AND %(date_to)s
                   AND NOT EXISTS (
                       SELECT 1 FROM beauty_payroll_sheet_line taken
                        WHERE taken.move_line_id = aml.id AND taken.sheet_id != %(sheet)s)
                 ORDER BY settled.day, aml.id
                """,
                employee=self.employee_id.id,
                company=self.company_id.id,
                settled=SETTLED_STATES,
                lower=min(first_sheet.date_from or self.date_from, self.date_from),
                date_to=self.date_to,
                sheet=self.id,
            )
        )
        if not rows:
            return []
        # sudo: telling reductions apart reads orders, visits and loyalty programs accountants may not read.
        sale_lines = self.env["sale.order.line"].sudo().browse(list({row["sale_line_id"] for row in rows}))
        named = sale_lines._salon_named_reductions()
        shares = self._reduction_shares(
            {row["move_id"]: row["move_type"] for row in rows if row["sale_line_id"] not in named}
        )
        visit_lines = self.env["beauty.visit.line"].browse(
            list({row["visit_line_id"] for row in rows} - {None})
        )
        # sudo: consumables costs come from stock, which payroll users need not read.
        materials = visit_lines.sudo()._salon_material_costs()
        products = self.env["product.product"].browse(list({row["product_id"] for row in rows}))
        result = []
        for row in rows:
            sign = 1 if row["move_type"] == "out_invoice" else -1
            amount = row["amount"]
            rate = row["invoice_currency_rate"] or 1.0
            if row["discount"] < 100:
                list_amount = amount / (1 - row["discount"] / 100)
            else:
                list_amount = sign * row["price_unit"] * row["quantity"] / rate
            part = sign * row["quantity"] / (row["product_uom_qty"] or 1.0)
            product = products.browse(row["product_id"])
            if row["sale_line_id"] in named:
                # The visit names every reduction of the line, its own discount included (order currency).
                reductions = {kind: value * part / rate for kind, value in named[row["sale_line_id"]].items()}
            else:
                # The line's own discount, and its share of the invoice's negative lines.
                move_positive, move_reductions = shares[row["move_id"]]
                weight = sign * amount / move_positive if move_positive else 0.0
                reductions = defaultdict(float, discount=amount - list_amount)
                for kind, value in move_reductions.items():
                    reductions[kind] += sign * weight * value
            result.append(
                RevenueRow(
                    date=row["settled_date"],
                    product=product,
                    amount=amount,
                    list_amount=list_amount,
                    quantity=sign * row["quantity"],
                    is_service=bool(row["visit_line_id"]) or product.is_salon_service,
                    reductions=dict(reductions),
                    materials=materials.get(row["visit_line_id"], 0.0) * part,
                    move_line_id=row["move_line_id"],
                    sale_line_id=row["sale_line_id"],
                    visit_line_id=row["visit_line_id"],
                )
            )
        return result

    def _reduction_shares(self, move_types):
        """Per invoice: the total of its positive product lines, and the lines lowering the price per kind.

        Both in the invoice's own direction (a credit note's refunded service counts as positive).
        Returns ``{move_id: (positive_total, {kind: negative_total})}``.
        """
        if not move_types:
            return {}
        lines = self.env.execute_query_dict(
            SQL(
                """
                SELECT DISTINCT ON (aml.id) aml.id, aml.move_id, -aml.balance AS amount,
                       rel.order_line_id AS sale_line_id
                  FROM account_move_line aml
                  LEFT JOIN sale_order_line_invoice_rel rel ON rel.invoice_line_id = aml.id
                 WHERE aml.move_id = ANY(%s) AND aml.display_type = 'product'
                 ORDER BY aml.id
                """,
                list(move_types),
            )
        )
        reducing = [
            line
            for line in lines
            if (1 if move_types[line["move_id"]] == "out_invoice" else -1) * line["amount"] < 0
        ]
        # sudo: telling reductions apart reads orders and loyalty programs accountants may not read.
        sale_lines = (
            self.env["sale.order.line"]
            .sudo()
            .browse(list({line["sale_line_id"] for line in reducing} - {None}))
        )
        kinds = {line.id: line._salon_loyalty_reduction_kind() for line in sale_lines}
        shares = defaultdict(lambda: [0.0, defaultdict(float)])
        for line in lines:
            value = (1 if move_types[line["move_id"]] == "out_invoice" else -1) * line["amount"]
            if value > 0:
                shares[line["move_id"]][0] += value
            elif value < 0:
                shares[line["move_id"]][1][kinds.get(line["sale_line_id"], "discount")] += value
        return {move_id: (positive, dict(reductions)) for move_id, (positive, reductions) in shares.items()}

    # ------------------------------------------------------------------ accounting
    def _payable_line(self):
        """The sheet entry's line of what is owed to the master."""
        self.ensure_one()
        if not self.move_id:
            return self.env["account.move.line"]
        payable = self.company_id._salon_payroll_accounting()["payable"]
        return self.move_id.line_ids.filtered(lambda line: line.account_id == payable)

    def _post_entry(self):
        """Post the sheet's journal entry: expenses against the amount owed to the master."""
        self.ensure_one()
        accounting = self.company_id._salon_payroll_accounting()
        partner = self.employee_id._salon_payroll_partner()
        by_kind = defaultdict(float)
        for line in self.line_ids:
            by_kind[line.kind] += line.amount
        parts = [
            (accounting["commission"], sum(by_kind[k] for k in COMMISSION_KINDS), self.env._("Commissions")),
            (accounting["salary"], sum(by_kind[k] for k in SALARY_KINDS), self.env._("Salary and bonuses")),
            (accounting["fine"], by_kind["fine"], self.env._("Fines")),
            (
                accounting["payable"],
                -sum(amount for kind, amount in by_kind.items() if kind != "advance"),
                self.env._("Pay owed"),
            ),
        ]
        balances, labels = defaultdict(float), defaultdict(list)
        for account, balance, label in parts:
            if not self.currency_id.is_zero(balance):
                balances[account] += balance
                labels[account].append(label)
        name = f"{self.name} · {self.employee_id.name}"
        line_vals = [
            Command.create(
                {
                    "name": f"{name}: {', '.join(labels[account])}",
                    "account_id": account.id,
                    "partner_id": partner.id,
                    "balance": balance,
                }
            )
            for account, balance in balances.items()
            if not self.currency_id.is_zero(balance)
        ]
        if not line_vals:
            return self.env["account.move"]  # nothing earned, nothing to book
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": accounting["journal"].id,
                "date": self.date_to,
                "ref": name,
                "salon_payroll_sheet_id": self.id,
                "line_ids": line_vals,
            }
        )
        move.action_post()
        return move

    def _reconcile_payable(self):
        """Match what the sheet owes with the advances and pay-outs made; paid once nothing is left."""
        self.ensure_one()
        payable = self._payable_line()
        paid_out = (
            self.adjustment_ids.payment_id.move_id.line_ids
            | self.move_ids.filtered("origin_payment_id").line_ids
        ).filtered(lambda line: line.account_id == payable.account_id and not line.reconciled)
        if payable and paid_out:
            (payable | paid_out).reconcile()
        if not payable or payable.reconciled:
            self.state = "paid"
