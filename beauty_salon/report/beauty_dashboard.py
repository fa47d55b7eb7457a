# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The owner's dashboard: every figure of one page in one call.

Each source is read by one aggregate query over the period and the previous one: revenue from the
``beauty.revenue.report`` view (sale lines), visits, no-shows and late cancellations from the visits,
booked master time from the bookings, and the scheduled working time for occupancy from the masters'
calendars through the availability engine. New, lost and sleeping clients need each client's whole
history: they come from the nightly ``beauty.client.analysis`` snapshot (plus, for new clients, the
visits made since it was taken), which also gives the RFM segments and ABC classes.
"""

from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..models.beauty_availability import BLOCKING_STATES
from .beauty_booking_report import late_cancel_sql
from .beauty_client_analysis import snapshot_until
from .beauty_revenue_report import revenue_kind

PERIODS = ("day", "week", "month")
# The horizon of the client snapshot before its first run: every visit is after it.
NO_SNAPSHOT = datetime(1970, 1, 1)
# The aggregates read hundreds of thousands of rows: hash them in memory rather than on disk, and
# without just-in-time compilation, which costs more than it saves on queries of this size.
REPORT_WORK_MEM = "64MB"
TOP_SERVICES = 10
# What each figure of the dashboard opens: the report action and how its domain is built.
REPORT_ACTIONS = {
    "revenue": "beauty_salon.beauty_revenue_report_action",
    "services": "beauty_salon.beauty_revenue_report_action",
    "bookings": "beauty_salon.beauty_booking_report_action",
    "no_show": "beauty_salon.beauty_booking_report_action",
    "late_cancel": "beauty_salon.beauty_booking_report_action",
    "occupancy": "beauty_salon.beauty_booking_report_action",
    "new": "beauty_salon.beauty_client_analysis_action",
    "lost": "beauty_salon.beauty_client_analysis_action",
    "sleeping": "beauty_salon.beauty_client_analysis_action",
    "segment": "beauty_salon.beauty_client_analysis_action",
    "abc": "beauty_salon.beauty_client_analysis_action",
}
GROUP_BYS = {
    "revenue": ["group_kind"],
    "services": ["group_product"],
    "bookings": ["group_state"],
    "occupancy": ["group_master"],
    "no_show": ["group_master"],
    "late_cancel": ["group_master"],
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
        self.env.cr.execute(SQL("SET LOCAL work_mem = %s; SET LOCAL jit = off", REPORT_WORK_MEM))
        revenue, top_services = self._revenue_figures(companies, bounds)
        visits = self._visit_figures(companies, bounds)
        clients = self._client_figures(companies, bounds)
        for key in ("current", "previous"):
            clients["returning"][key] = max(visits["clients"][key] - clients["new"][key], 0)
            paid = visits["paid"][key]
            revenue["average_check"][key] = round(revenue["visit_revenue"][key] / paid, 2) if paid else 0.0
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
            "occupancy": self._occupancy(companies, bounds),
            "top_services": top_services,
            "rfm": self._rfm(companies, bounds),
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
        action["context"] = {f"search_default_{name}": 1 for name in GROUP_BYS.get(figure, [])}
        if REPORT_ACTIONS[figure] == REPORT_ACTIONS["segment"]:
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
    def _bounds(self, period, date_ref):
        """Local days and naive UTC datetimes bounding the period, the previous one and today, and
        the windows of the client snapshot (``horizon``: the end of the day it describes)."""
        if period not in PERIODS:
            raise UserError(self.env._("Unknown dashboard period: %(period)s", period=period))
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
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

        Analysis = self.env["beauty.client.analysis"]
        as_of = Analysis._snapshot_date()
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
            "as_of": as_of,
            "horizon": snapshot_until(as_of) if as_of else NO_SNAPSHOT,
            # Days without a visit after which a client is sleeping, then lost.
            "sleeping": timedelta(days=Analysis._param("beauty_salon.sleeping_days")),
            "lost": timedelta(days=Analysis._param("beauty_salon.lost_days")),
        }

    @api.model
    def _windows(self, bounds):
        """The SQL parameters of the period bounds and of the client windows."""
        horizon, lost = bounds["horizon"], bounds["lost"]
        keys = ("start", "stop", "previous_start", "today_start", "today_stop", "now", "horizon")
        return dict(
            {key: bounds[key] for key in keys},
            # Lost in a period: the last visit is a lost window older than a day of it (up to the snapshot).
            lost_start=bounds["start"] - lost,
            lost_stop=min(bounds["stop"], horizon) - lost,
            lost_previous_start=bounds["previous_start"] - lost,
            lost_previous_stop=min(bounds["start"], horizon) - lost,
            sleeping_from=horizon - lost,
            sleeping_to=horizon - bounds["sleeping"],
        )

    # ------------------------------------------------------------------ figures
    @api.model
    def _revenue_figures(self, companies, bounds):
        """Revenue today, in the period and the one before (services/retail) and the top services.

        One pass over the revenue view grouped by product; the totals add up a few product rows.
        """
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT product_id, from_booking, with_visit,
                       COALESCE(SUM(amount) FILTER (WHERE today), 0) AS today,
                       COALESCE(SUM(amount) FILTER (WHERE cur), 0) AS current,
                       COALESCE(SUM(amount) FILTER (WHERE prev), 0) AS previous,
                       COALESCE(SUM(quantity) FILTER (WHERE cur), 0) AS quantity
                  FROM (
                      SELECT product_id, amount, quantity,
                             booking_id IS NOT NULL AS from_booking,
                             visit_id IS NOT NULL AS with_visit,
                             date >= %(today_start)s AND date < %(today_stop)s AS today,
                             date >= %(start)s AND date < %(stop)s AS cur,
                             date >= %(previous_start)s AND date < %(start)s AS prev
                        FROM beauty_revenue_report
                       WHERE company_id = ANY(%(companies)s)
                         AND ((date >= %(previous_start)s AND date < %(stop)s)
                              OR (date >= %(today_start)s AND date < %(today_stop)s))
                  ) revenue
                 GROUP BY 1, 2, 3
                """,
                companies=companies.ids,
                **self._windows(bounds),
            )
        )
        products = self.env["product.product"].browse({row["product_id"] for row in rows})
        is_service = {product.id: product.is_salon_service for product in products}
        keys = ("today", "current", "previous")
        totals = {key: {"service": 0.0, "retail": 0.0, "total": 0.0} for key in keys}
        visit_revenue = dict.fromkeys(keys, 0.0)
        services = {}
        for row in rows:
            kind = revenue_kind(row["from_booking"], is_service[row["product_id"]])
            for key in keys:
                amount = float(row[key])
                totals[key][kind] += amount
                totals[key]["total"] += amount
                if row["with_visit"]:
                    visit_revenue[key] += amount
            if kind == "service" and row["current"]:
                sold = services.setdefault(row["product_id"], [0.0, 0.0])
                sold[0] += float(row["current"])
                sold[1] += float(row["quantity"])
        top = sorted(services.items(), key=lambda item: (-item[1][0], item[0]))[:TOP_SERVICES]
        names = {product.id: product.display_name for product in products}
        top_services = [
            {"product_id": product_id, "name": names[product_id], "amount": amount, "count": quantity}
            for product_id, (amount, quantity) in top
        ]
        revenue = {
            "today": totals["today"],
            "period": compare(totals["current"], totals["previous"]),
            "visit_revenue": compare(visit_revenue["current"], visit_revenue["previous"]),
            "average_check": compare(0.0, 0.0),
        }
        return revenue, top_services

    @api.model
    def _visit_figures(self, companies, bounds):
        """Visits, paid visits, no-show and late-cancellation rates and clients served.

        The visits of both periods are counted by the few combinations of what the figures look at (a
        grouped count that PostgreSQL spreads over parallel workers); the clients served are counted
        apart, over the done visits only.
        """
        windows = self._windows(bounds)
        where = SQL(
            """visit.company_id = ANY(%(companies)s)
               AND visit.date_start >= %(previous_start)s AND visit.date_start < %(stop)s""",
            companies=companies.ids,
            **windows,
        )
        groups = self.env.execute_query_dict(
            SQL(
                """
                SELECT visit.date_start >= %(start)s AS cur,
                       visit.state,
                       visit.sale_order_id IS NOT NULL AS ordered,
                       visit.date_start < %(now)s AS past,
                       %(late)s AS late,
                       COUNT(*) AS count
                  FROM beauty_visit visit
                 WHERE %(where)s
                 GROUP BY 1, 2, 3, 4, 5
                """,
                where=where,
                late=late_cancel_sql(
                    SQL.identifier("visit", "state"),
                    SQL.identifier("visit", "cancel_date"),
                    SQL.identifier("visit", "date_start"),
                ),
                **windows,
            )
        )
        clients = self.env.execute_query_dict(
            SQL(
                """
                SELECT COUNT(DISTINCT visit.partner_id) FILTER (WHERE visit.date_start >= %(start)s) AS cur,
                       COUNT(DISTINCT visit.partner_id) FILTER (WHERE visit.date_start < %(start)s) AS prev
                  FROM beauty_visit visit
                 WHERE visit.state = 'done' AND %(where)s
                """,
                where=where,
                **windows,
            )
        )[0]
        tests = {
            "done": lambda group: group["state"] == "done",
            "paid": lambda group: group["state"] == "done" and group["ordered"],
            "booked": lambda group: group["state"] != "cancelled",
            # Due: the time has come, and the client was expected (a late cancellation counts).
            "due": lambda group: group["past"] and (group["state"] != "cancelled" or group["late"]),
            "no_show": lambda group: group["past"] and group["state"] == "no_show",
            "late_cancel": lambda group: group["past"] and group["late"],
        }
        figures = {
            name: compare(
                sum(group["count"] for group in groups if group["cur"] and test(group)),
                sum(group["count"] for group in groups if not group["cur"] and test(group)),
            )
            for name, test in tests.items()
        }
        for name in ("no_show", "late_cancel"):
            figures[f"{name}_rate"] = compare(
                *(ratio(figures[name][key], figures["due"][key]) for key in ("current", "previous"))
            )
        figures["clients"] = compare(clients["cur"], clients["prev"])
        return figures

    @api.model
    def _client_figures(self, companies, bounds):
        """New clients (first visit in the period at these branches), lost ones (their last visit
        crossed the lost window in the period) and sleeping ones, from the client snapshot.

        New clients whose first visit came after the snapshot are counted from the visits themselves:
        a done visit with no earlier done visit of the same client.
        """
        windows = self._windows(bounds)
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
                                          AND last_visit_date < %(lost_previous_stop)s
                                          AND company_id = ANY(%(companies)s)) AS prev_lost,
                       COUNT(*) FILTER (WHERE last_visit_date >= %(sleeping_from)s
                                          AND last_visit_date < %(sleeping_to)s
                                          AND company_id = ANY(%(companies)s)) AS sleeping
                  FROM beauty_client_analysis
                """,
                companies=companies.ids,
                **windows,
            )
        )[0]
        if bounds["horizon"] < bounds["stop"]:
            since_snapshot = self.env.execute_query_dict(
                SQL(
                    """
                    SELECT COUNT(DISTINCT partner_id) FILTER (WHERE date_start >= %(start)s) AS cur_new,
                           COUNT(DISTINCT partner_id) FILTER (WHERE date_start < %(start)s) AS prev_new
                      FROM beauty_visit visit
                     WHERE visit.state = 'done' AND visit.company_id = ANY(%(companies)s)
                       AND visit.date_start >= GREATEST(%(horizon)s, %(previous_start)s)
                       AND visit.date_start < %(stop)s
                       AND NOT EXISTS (SELECT 1 FROM beauty_visit earlier
                                        WHERE earlier.partner_id = visit.partner_id AND earlier.state = 'done'
                                          AND earlier.date_start < visit.date_start)
                    """,
                    companies=companies.ids,
                    **windows,
                )
            )[0]
            row["cur_new"] += since_snapshot["cur_new"]
            row["prev_new"] += since_snapshot["prev_new"]
        return {
            "new": compare(row["cur_new"], row["prev_new"]),
            "returning": compare(0, 0),
            "lost": compare(row["cur_lost"], row["prev_lost"]),
            "sleeping": row["sleeping"],
            "sleeping_days": bounds["sleeping"].days,
            "lost_days": bounds["lost"].days,
            "as_of": fields.Date.to_string(bounds["as_of"]) if bounds["as_of"] else False,
        }

    @api.model
    def _occupancy(self, companies, bounds):
        """Booked master time / scheduled working time, per master and branch (this period) and in total.

        Booked time is the master's time with the client (processing excluded) of the bookings that
        keep their time; scheduled time comes from each master's calendar, leaves excluded.
        """
        booked_rows = self.env.execute_query(
            SQL(
                """
                SELECT master_id,
                       COALESCE(SUM(duration - processing_duration) FILTER (WHERE cur), 0),
                       COALESCE(SUM(duration - processing_duration) FILTER (WHERE NOT cur), 0)
                  FROM (SELECT *, date_start >= %(start)s AS cur FROM beauty_visit_line) line
                 WHERE company_id = ANY(%(companies)s) AND state IN %(blocking)s
                   AND date_start >= %(previous_start)s AND date_start < %(stop)s
                 GROUP BY master_id
                """,
                companies=companies.ids,
                blocking=BLOCKING_STATES,
                **self._windows(bounds),
            )
        )
        booked = {master_id: current for master_id, current, _previous in booked_rows}
        previous_booked = sum(previous for _master_id, _current, previous in booked_rows)
        Employee = self.env["hr.employee"]
        masters = Employee.search([("is_salon_master", "=", True), ("company_id", "in", companies.ids)])
        masters = (masters | Employee.browse(list(booked))).sorted(lambda m: (m.name or "", m.id))
        hours = self._scheduled_hours(masters.resource_id, bounds)
        rows, branches = [], {}
        current_scheduled = previous_scheduled = 0.0
        for master in masters:
            hours_scheduled, hours_before = hours.get(master.resource_id.id, (0.0, 0.0))
            current_scheduled += hours_scheduled
            previous_scheduled += hours_before
            hours_booked = booked.get(master.id, 0.0)
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
        return {
            "rate": compare(
                ratio(sum(booked.values()), current_scheduled),
                ratio(previous_booked, previous_scheduled),
            ),
            "masters": sorted(rows, key=lambda row: -row["rate"]),
            "branches": sorted(branches.values(), key=lambda row: row["name"] or ""),
        }

    @api.model
    def _scheduled_hours(self, resources, bounds):
        """``{resource_id: (hours in the period, hours in the previous one)}`` of working time from the
        resources' calendars, leaves excluded (resources without a calendar have none).

        Resources of a calendar without leaves or attendances of their own work the same hours as any
        other of the same time zone and branch (whose public holidays they share): one of them is computed
        for all.
        """
        start, middle, stop = (pytz.utc.localize(bounds[key]) for key in ("previous_start", "start", "stop"))
        resources = resources.filtered("calendar_id")
        own_leaves = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "in", resources.ids),
                ("date_from", "<=", bounds["stop"]),
                ("date_to", ">=", bounds["previous_start"]),
            ]
        )
        own_attendances = self.env["resource.calendar.attendance"].search(
            [("resource_id", "in", resources.ids)]
        )
        apart = own_leaves.resource_id | own_attendances.resource_id

        def total(intervals):
            return sum((b - a).total_seconds() for a, b, _records in intervals) / 3600

        hours = {}
        for calendar, members in resources.grouped("calendar_id").items():
            alike = (members - apart).grouped(lambda resource: (resource.tz, resource.company_id))
            computed = (members & apart) | self.env["resource.resource"].concat(
                *(group[:1] for group in alike.values())
            )
            # Each period apart: the calendar cuts the intervals at its bounds.
            current = calendar._work_intervals_batch(middle, stop, resources=computed)
            previous = calendar._work_intervals_batch(start, middle, resources=computed)
            for resource in computed:
                hours[resource.id] = (total(current[resource.id]), total(previous[resource.id]))
            for group in alike.values():
                for resource in group[1:]:
                    hours[resource.id] = hours[group[:1].id]
        return hours

    @api.model
    def _rfm(self, companies, bounds):
        Analysis = self.env["beauty.client.analysis"]
        # One pass over the snapshot: segments and classes are added up from their combinations.
        groups = Analysis._read_group(
            [("company_id", "in", companies.ids)], ["segment", "abc_class"], ["__count", "monetary:sum"]
        )
        by_segment, by_class = {}, {}
        for segment, abc_class, count, amount in groups:
            for totals, key in ((by_segment, segment), (by_class, abc_class)):
                known_count, known_amount = totals.get(key, (0, 0.0))
                totals[key] = (known_count + count, known_amount + amount)
        total = sum(amount for _count, amount in by_class.values())

        def rows(field, counts, share=False):
            result = []
            for key, label in Analysis._fields[field]._description_selection(self.env):
                count, amount = counts.get(key, (0, 0.0))
                row = {"key": key, "label": label, "count": count, "amount": amount}
                if share:
                    row["share"] = ratio(amount, total)
                result.append(row)
            return result

        return {
            "as_of": fields.Date.to_string(bounds["as_of"]) if bounds["as_of"] else False,
            "segments": rows("segment", by_segment),
            "abc": rows("abc_class", by_class, share=True),
        }

    # ------------------------------------------------------------------ domains of the reports
    @api.model
    def _figure_domain(self, figure, companies, bounds, value):
        windows = self._windows(bounds)
        branch = [("company_id", "in", companies.ids)]
        period = [("date", ">=", bounds["start"]), ("date", "<", bounds["stop"])] + branch
        domains = {
            "revenue": period,
            "services": period + [("kind", "=", "service")],
            "bookings": period,
            "occupancy": period + [("booked_hours", ">", 0)],
            "no_show": period + [("state", "=", "no_show")],
            "late_cancel": period + [("is_late_cancel", "=", True)],
            "new": [
                ("first_visit_date", ">=", bounds["start"]),
                ("first_visit_date", "<", bounds["stop"]),
                ("first_company_id", "in", companies.ids),
            ],
            "lost": [
                ("last_visit_date", ">=", windows["lost_start"]),
                ("last_visit_date", "<", windows["lost_stop"]),
            ]
            + branch,
            "sleeping": [
                ("last_visit_date", ">=", windows["sleeping_from"]),
                ("last_visit_date", "<", windows["sleeping_to"]),
            ]
            + branch,
            "segment": [("segment", "=", value)] + branch,
            "abc": [("abc_class", "=", value)] + branch,
        }
        return domains[figure]
