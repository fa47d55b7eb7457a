# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The owner's dashboard: every figure of one page in one call, from the salon's SQL views.

Revenue comes from ``beauty.revenue.report`` (sale lines), visits, no-shows, late cancellations and
booked master time from ``beauty.booking.report`` (bookings), new, lost and sleeping clients from
``beauty.client.report``, segments and ABC classes from the ``beauty.client.rfm`` snapshot. Each view is
read by one aggregate query (or ``_read_group``) over the period and the previous one; the scheduled
working time for occupancy comes from the masters' calendars through the availability engine.
"""

from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

PERIODS = ("day", "week", "month")
TOP_SERVICES = 10
# What each figure of the dashboard opens: the report action and how its domain is built.
REPORT_ACTIONS = {
    "revenue": "beauty_salon.beauty_revenue_report_action",
    "services": "beauty_salon.beauty_revenue_report_action",
    "bookings": "beauty_salon.beauty_booking_report_action",
    "no_show": "beauty_salon.beauty_booking_report_action",
    "late_cancel": "beauty_salon.beauty_booking_report_action",
    "occupancy": "beauty_salon.beauty_booking_report_action",
    "new": "beauty_salon.beauty_client_report_action",
    "lost": "beauty_salon.beauty_client_report_action",
    "sleeping": "beauty_salon.beauty_client_report_action",
    "segment": "beauty_salon.beauty_client_rfm_action",
    "abc": "beauty_salon.beauty_client_rfm_action",
}


def ratio(part, whole, scale=100.0):
    return round(part * scale / whole, 1) if whole else 0.0


def compare(current, previous):
    return {"current": current, "previous": previous}


class BeautyDashboard(models.AbstractModel):
    _name = "beauty.dashboard"
    _description = "Salon Owner Dashboard"

    # ------------------------------------------------------------------ the page
    @api.model
    def get_dashboard_data(self, period="month", date_ref=None, company_ids=None):
        """All the dashboard's figures for the period holding ``date_ref`` and the one before it.

        :param period: ``day``, ``week`` or ``month``
        :param date_ref: a day of the period (``YYYY-MM-DD`` in the user's time zone; default today)
        :param company_ids: branches to include (default: the branches selected in the company switcher)
        """
        self.env["beauty.booking.report"].check_access("read")
        companies = self._companies(company_ids)
        bounds = self._bounds(period, date_ref)
        self.env.flush_all()
        revenue = self._revenue_figures(companies, bounds)
        visits = self._visit_figures(companies, bounds)
        clients = self._client_figures(companies, bounds)
        for key in ("current", "previous"):
            clients["returning"][key] = max(visits["clients"][key] - clients["new"][key], 0)
            revenue["average_check"][key] = (
                round(revenue["visit_revenue"][key] / revenue["paid_visits"][key], 2)
                if revenue["paid_visits"][key]
                else 0.0
            )
        return {
            "period": period,
            "date_ref": fields.Date.to_string(bounds["ref"]),
            "start": fields.Date.to_string(bounds["start_day"]),
            "stop": fields.Date.to_string(bounds["stop_day"] - timedelta(days=1)),
            "previous_start": fields.Date.to_string(bounds["previous_start_day"]),
            "previous_stop": fields.Date.to_string(bounds["start_day"] - timedelta(days=1)),
            "companies": [{"id": c.id, "name": c.name} for c in self.env.companies],
            "company_ids": companies.ids,
            "currency_id": companies[:1].currency_id.id or self.env.company.currency_id.id,
            "revenue": revenue,
            "visits": visits,
            "clients": clients,
            "occupancy": self._occupancy(companies, bounds, visits.pop("booked_hours")),
            "top_services": self._top_services(companies, bounds),
            "rfm": self._rfm(companies),
            "can_recompute": self.env.user.has_group("beauty_salon.beauty_salon_group_manager"),
        }

    @api.model
    def action_open(self, figure, period="month", date_ref=None, company_ids=None, value=None):
        """The report behind a figure of the dashboard, filtered on its period and branches."""
        if figure not in REPORT_ACTIONS:
            raise UserError(self.env._("Unknown dashboard figure: %(figure)s", figure=figure))
        companies = self._companies(company_ids)
        bounds = self._bounds(period, date_ref)
        action = self.env["ir.actions.act_window"]._for_xml_id(REPORT_ACTIONS[figure])
        action["domain"] = self._figure_domain(figure, companies, bounds, value)
        action["context"] = {"search_default_" + key: 1 for key in self._figure_groupbys(figure)}
        if figure in ("new", "lost", "sleeping", "segment", "abc"):
            action["views"] = [(False, "list"), (False, "pivot"), (False, "graph")]
        return action

    # ------------------------------------------------------------------ periods and branches
    @api.model
    def _companies(self, company_ids):
        allowed = self.env.companies
        if not company_ids:
            return allowed
        return allowed.filtered(lambda company: company.id in company_ids) or allowed

    @api.model
    def _tz(self):
        return pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

    @api.model
    def _bounds(self, period, date_ref):
        """Local days and naive UTC datetimes bounding the period, the previous one and today."""
        if period not in PERIODS:
            raise UserError(self.env._("Unknown dashboard period: %(period)s", period=period))
        tz = self._tz()
        now = fields.Datetime.now()
        today = pytz.utc.localize(now).astimezone(tz).date()
        ref = fields.Date.to_date(date_ref) if date_ref else today
        if period == "day":
            start, step = ref, relativedelta(days=1)
        elif period == "week":
            start, step = ref - timedelta(days=ref.weekday()), relativedelta(weeks=1)
        else:
            start, step = ref.replace(day=1), relativedelta(months=1)

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        Rfm = self.env["beauty.client.rfm"]
        return {
            "ref": ref,
            "now": now,
            "start_day": start,
            "stop_day": start + step,
            "previous_start_day": start - step,
            "start": utc(start),
            "stop": utc(start + step),
            "previous_start": utc(start - step),
            "today_start": utc(today),
            "today_stop": utc(today + timedelta(days=1)),
            # Days without a visit after which a client is sleeping, then lost.
            "sleeping": timedelta(days=Rfm._param("beauty_salon.sleeping_days")),
            "lost": timedelta(days=Rfm._param("beauty_salon.lost_days")),
        }

    # ------------------------------------------------------------------ figures
    @api.model
    def _revenue_figures(self, companies, bounds):
        """Revenue today, in the period and the one before (services/retail) and the average check."""
        row = self.env.execute_query_dict(
            SQL(
                """
                SELECT COALESCE(SUM(amount) FILTER (WHERE today AND kind = 'service'), 0) AS today_service,
                       COALESCE(SUM(amount) FILTER (WHERE today AND kind = 'retail'), 0) AS today_retail,
                       COALESCE(SUM(amount) FILTER (WHERE cur AND kind = 'service'), 0) AS cur_service,
                       COALESCE(SUM(amount) FILTER (WHERE cur AND kind = 'retail'), 0) AS cur_retail,
                       COALESCE(SUM(amount) FILTER (WHERE prev AND kind = 'service'), 0) AS prev_service,
                       COALESCE(SUM(amount) FILTER (WHERE prev AND kind = 'retail'), 0) AS prev_retail,
                       COALESCE(SUM(amount) FILTER (WHERE cur AND visit_id IS NOT NULL), 0)
                           AS cur_visit_revenue,
                       COALESCE(SUM(amount) FILTER (WHERE prev AND visit_id IS NOT NULL), 0)
                           AS prev_visit_revenue,
                       COUNT(DISTINCT visit_id) FILTER (WHERE cur) AS cur_paid_visits,
                       COUNT(DISTINCT visit_id) FILTER (WHERE prev) AS prev_paid_visits
                  FROM (
                      SELECT amount, kind, visit_id,
                             date >= %(today_start)s AND date < %(today_stop)s AS today,
                             date >= %(start)s AND date < %(stop)s AS cur,
                             date >= %(previous_start)s AND date < %(start)s AS prev
                        FROM beauty_revenue_report
                       WHERE company_id = ANY(%(companies)s)
                         AND ((date >= %(previous_start)s AND date < %(stop)s)
                              OR (date >= %(today_start)s AND date < %(today_stop)s))
                  ) revenue
                """,
                companies=companies.ids,
                **self._sql_bounds(bounds),
            )
        )[0]
        figures = {
            key: {
                "service": float(row[f"{prefix}_service"]),
                "retail": float(row[f"{prefix}_retail"]),
                "total": float(row[f"{prefix}_service"] + row[f"{prefix}_retail"]),
            }
            for key, prefix in (("today", "today"), ("current", "cur"), ("previous", "prev"))
        }
        return {
            "today": figures["today"],
            "period": compare(figures["current"], figures["previous"]),
            "visit_revenue": compare(float(row["cur_visit_revenue"]), float(row["prev_visit_revenue"])),
            "paid_visits": compare(row["cur_paid_visits"], row["prev_paid_visits"]),
            "average_check": compare(0.0, 0.0),
        }

    @api.model
    def _visit_figures(self, companies, bounds):
        """Visits, no-show and late-cancellation rates, clients served and booked master time."""
        row = self.env.execute_query_dict(
            SQL(
                """
                WITH visit AS (
                    SELECT visit_id, MIN(date) AS date, MIN(state) AS state, MIN(partner_id) AS partner_id,
                           BOOL_OR(is_late_cancel) AS late, SUM(booked_hours) AS booked_hours
                      FROM beauty_booking_report
                     WHERE company_id = ANY(%(companies)s) AND date >= %(previous_start)s AND date < %(stop)s
                     GROUP BY visit_id
                ), flagged AS (
                    SELECT visit.*, date >= %(start)s AS cur,
                           date < %(now)s AND (state != 'cancelled' OR late) AS due
                      FROM visit
                )
                SELECT COUNT(*) FILTER (WHERE cur AND state = 'done') AS cur_done,
                       COUNT(*) FILTER (WHERE NOT cur AND state = 'done') AS prev_done,
                       COUNT(*) FILTER (WHERE cur AND state != 'cancelled') AS cur_booked,
                       COUNT(*) FILTER (WHERE NOT cur AND state != 'cancelled') AS prev_booked,
                       COUNT(*) FILTER (WHERE cur AND due) AS cur_due,
                       COUNT(*) FILTER (WHERE NOT cur AND due) AS prev_due,
                       COUNT(*) FILTER (WHERE cur AND due AND state = 'no_show') AS cur_no_show,
                       COUNT(*) FILTER (WHERE NOT cur AND due AND state = 'no_show') AS prev_no_show,
                       COUNT(*) FILTER (WHERE cur AND due AND late) AS cur_late,
                       COUNT(*) FILTER (WHERE NOT cur AND due AND late) AS prev_late,
                       COUNT(DISTINCT partner_id) FILTER (WHERE cur AND state = 'done') AS cur_clients,
                       COUNT(DISTINCT partner_id) FILTER (WHERE NOT cur AND state = 'done') AS prev_clients,
                       COALESCE(SUM(booked_hours) FILTER (WHERE cur), 0) AS cur_hours,
                       COALESCE(SUM(booked_hours) FILTER (WHERE NOT cur), 0) AS prev_hours
                  FROM flagged
                """,
                companies=companies.ids,
                **self._sql_bounds(bounds),
            )
        )[0]

        def pair(name):
            return compare(row[f"cur_{name}"], row[f"prev_{name}"])

        return {
            "done": pair("done"),
            "booked": pair("booked"),
            "due": pair("due"),
            "no_show": pair("no_show"),
            "late_cancel": pair("late"),
            "no_show_rate": compare(
                ratio(row["cur_no_show"], row["cur_due"]), ratio(row["prev_no_show"], row["prev_due"])
            ),
            "late_cancel_rate": compare(
                ratio(row["cur_late"], row["cur_due"]), ratio(row["prev_late"], row["prev_due"])
            ),
            "clients": pair("clients"),
            "booked_hours": compare(float(row["cur_hours"]), float(row["prev_hours"])),
        }

    @api.model
    def _client_figures(self, companies, bounds):
        """New clients (first visit in the period), lost ones (crossed the lost window), sleeping now."""
        row = self.env.execute_query_dict(
            SQL(
                """
                SELECT COUNT(*) FILTER (WHERE first_visit_date >= %(start)s AND first_visit_date < %(stop)s
                                          AND first_company_id = ANY(%(companies)s)) AS cur_new,
                       COUNT(*) FILTER (WHERE first_visit_date >= %(previous_start)s
                                          AND first_visit_date < %(start)s
                                          AND first_company_id = ANY(%(companies)s)) AS prev_new,
                       COUNT(*) FILTER (WHERE last_visit_date >= %(lost_start)s
                                          AND last_visit_date < %(lost_stop)s
                                          AND company_id = ANY(%(companies)s)) AS cur_lost,
                       COUNT(*) FILTER (WHERE last_visit_date >= %(lost_previous_start)s
                                          AND last_visit_date < %(lost_start)s
                                          AND company_id = ANY(%(companies)s)) AS prev_lost,
                       COUNT(*) FILTER (WHERE last_visit_date >= %(sleeping_from)s
                                          AND last_visit_date < %(sleeping_to)s
                                          AND company_id = ANY(%(companies)s)) AS sleeping
                  FROM beauty_client_report
                """,
                companies=companies.ids,
                **self._sql_bounds(bounds),
            )
        )[0]
        return {
            "new": compare(row["cur_new"], row["prev_new"]),
            "returning": compare(0, 0),
            "lost": compare(row["cur_lost"], row["prev_lost"]),
            "sleeping": row["sleeping"],
            "sleeping_days": bounds["sleeping"].days,
            "lost_days": bounds["lost"].days,
        }

    @api.model
    def _occupancy(self, companies, bounds, booked_hours):
        """Booked master time / scheduled working time, per master and branch (this period) and in total."""
        masters = self.env["hr.employee"].search(
            [("is_salon_master", "=", True), ("company_id", "in", companies.ids)], order="name, id"
        )
        booked = dict(
            self.env["beauty.booking.report"]._read_group(
                self._period_domain(companies, bounds) + [("master_id", "!=", False)],
                ["master_id"],
                ["booked_hours:sum"],
            )
        )
        masters |= self.env["hr.employee"].union(*booked)
        work = self.env["beauty.availability"]._load_work(
            masters.resource_id.filtered("calendar_id"), bounds["previous_start"], bounds["stop"]
        )

        def scheduled(master, start, stop):
            intervals = work.get(master.resource_id.id)
            return intervals.total_within(start, stop) / 3600 if intervals else 0.0

        rows, branches = [], {}
        previous_scheduled = 0.0
        for master in masters:
            hours_scheduled = scheduled(master, bounds["start"], bounds["stop"])
            previous_scheduled += scheduled(master, bounds["previous_start"], bounds["start"])
            hours_booked = booked.get(master, 0.0)
            rows.append(
                {
                    "master_id": master.id,
                    "name": master.name,
                    "company": master.company_id.name,
                    "booked": round(hours_booked, 1),
                    "scheduled": round(hours_scheduled, 1),
                    "rate": ratio(hours_booked, hours_scheduled),
                }
            )
            branch = branches.setdefault(
                master.company_id.id,
                {
                    "company_id": master.company_id.id,
                    "name": master.company_id.name,
                    "booked": 0.0,
                    "scheduled": 0.0,
                },
            )
            branch["booked"] += hours_booked
            branch["scheduled"] += hours_scheduled
        for branch in branches.values():
            branch["rate"] = ratio(branch["booked"], branch["scheduled"])
            branch["booked"], branch["scheduled"] = round(branch["booked"], 1), round(branch["scheduled"], 1)
        current_scheduled = sum(row["scheduled"] for row in rows)
        return {
            "rate": compare(
                ratio(booked_hours["current"], current_scheduled),
                ratio(booked_hours["previous"], previous_scheduled),
            ),
            "masters": sorted(rows, key=lambda row: -row["rate"]),
            "branches": sorted(branches.values(), key=lambda row: row["name"] or ""),
        }

    @api.model
    def _top_services(self, companies, bounds):
        groups = self.env["beauty.revenue.report"]._read_group(
            self._period_domain(companies, bounds) + [("kind", "=", "service")],
            ["product_id"],
            ["amount:sum", "quantity:sum"],
            order="amount:sum desc",
            limit=TOP_SERVICES,
        )
        return [
            {"product_id": product.id, "name": product.display_name, "amount": amount, "count": quantity}
            for product, amount, quantity in groups
        ]

    @api.model
    def _rfm(self, companies):
        Rfm = self.env["beauty.client.rfm"]
        domain = [("company_id", "in", companies.ids)]
        by_segment = {
            segment: (count, amount)
            for segment, count, amount in Rfm._read_group(domain, ["segment"], ["__count", "monetary:sum"])
        }
        by_class = {
            abc: (count, amount)
            for abc, count, amount in Rfm._read_group(domain, ["abc_class"], ["__count", "monetary:sum"])
        }
        total = sum(amount for _count, amount in by_class.values())
        as_of = Rfm._read_group([], [], ["date:max"])[0][0]
        return {
            "as_of": fields.Date.to_string(as_of) if as_of else False,
            "segments": [
                {
                    "key": key,
                    "label": label,
                    "count": by_segment.get(key, (0, 0.0))[0],
                    "amount": by_segment.get(key, (0, 0.0))[1],
                }
                for key, label in Rfm._fields["segment"]._description_selection(self.env)
            ],
            "abc": [
                {
                    "key": key,
                    "label": label,
                    "count": by_class.get(key, (0, 0.0))[0],
                    "amount": by_class.get(key, (0, 0.0))[1],
                    "share": ratio(by_class.get(key, (0, 0.0))[1], total),
                }
                for key, label in Rfm._fields["abc_class"]._description_selection(self.env)
            ],
        }

    # ------------------------------------------------------------------ domains
    @api.model
    def _sql_bounds(self, bounds):
        keys = ("start", "stop", "previous_start", "today_start", "today_stop", "now")
        values = {key: bounds[key] for key in keys}
        values.update(
            lost_start=bounds["start"] - bounds["lost"],
            lost_stop=bounds["stop"] - bounds["lost"],
            lost_previous_start=bounds["previous_start"] - bounds["lost"],
            sleeping_from=bounds["now"] - bounds["lost"],
            sleeping_to=bounds["now"] - bounds["sleeping"],
        )
        return values

    @api.model
    def _period_domain(self, companies, bounds, field="date"):
        return [
            (field, ">=", bounds["start"]),
            (field, "<", bounds["stop"]),
            ("company_id", "in", companies.ids),
        ]

    @api.model
    def _figure_domain(self, figure, companies, bounds, value):
        sql = self._sql_bounds(bounds)
        branch = [("company_id", "in", companies.ids)]
        domains = {
            "revenue": self._period_domain(companies, bounds),
            "services": self._period_domain(companies, bounds) + [("kind", "=", "service")],
            "bookings": self._period_domain(companies, bounds),
            "occupancy": self._period_domain(companies, bounds) + [("booked_hours", ">", 0)],
            "no_show": self._period_domain(companies, bounds) + [("state", "=", "no_show")],
            "late_cancel": self._period_domain(companies, bounds) + [("is_late_cancel", "=", True)],
            "new": self._period_domain(companies, bounds, "first_visit_date")[:2]
            + [("first_company_id", "in", companies.ids)],
            "lost": [("last_visit_date", ">=", sql["lost_start"]), ("last_visit_date", "<", sql["lost_stop"])]
            + branch,
            "sleeping": [
                ("last_visit_date", ">=", sql["sleeping_from"]),
                ("last_visit_date", "<", sql["sleeping_to"]),
            ]
            + branch,
            "segment": [("segment", "=", value)] + branch,
            "abc": [("abc_class", "=", value)] + branch,
        }
        return domains[figure]

    @api.model
    def _figure_groupbys(self, figure):
        return {
            "revenue": ["group_kind"],
            "services": ["group_product"],
            "bookings": ["group_state"],
            "occupancy": ["group_master"],
            "no_show": ["group_master"],
            "late_cancel": ["group_master"],
        }.get(figure, [])
