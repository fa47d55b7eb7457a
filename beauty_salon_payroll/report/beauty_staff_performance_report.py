# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models, tools
from odoo.tools import SQL

# Measures that are ratios or distinct counts: each pivot cell computes them from its own rows instead of
# adding up row values. ``column`` gives the SQL of a view column in the current query.
GROUP_MEASURES = {
    "visit_count": lambda column: SQL("COUNT(DISTINCT %s)", column("done_visit_id")),
    "client_count": lambda column: SQL("COUNT(DISTINCT %s)", column("done_partner_id")),
    "average_check": lambda column: SQL(
        "SUM(%s + %s) / NULLIF(COUNT(DISTINCT %s), 0)",
        column("service_revenue"),
        column("retail_revenue"),
        column("done_visit_id"),
    ),
    "occupancy_rate": lambda column: SQL(
        "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)", column("booked_hours"), column("scheduled_hours")
    ),
    "returning_rate": lambda column: SQL(
        "100.0 * COUNT(DISTINCT %s) / NULLIF(COUNT(DISTINCT %s), 0)",
        column("returning_visit_id"),
        column("done_visit_id"),
    ),
    "rebooking_rate": lambda column: SQL(
        "100.0 * COUNT(DISTINCT %s) / NULLIF(COUNT(DISTINCT %s), 0)",
        column("rebooked_visit_id"),
        column("done_visit_id"),
    ),
    "no_show_rate": lambda column: SQL(
        "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)", column("no_show_count"), column("attended_count")
    ),
}


class BeautyStaffPerformanceReport(models.Model):
    """Staff performance by master and day (SQL view): revenue, visits, clients, occupancy, returning
    clients, rebookings, no-shows and commission.

    Each row is a booking, a retail sale, a commission line or a master's scheduled day; ratios and
    distinct counts are computed per pivot cell (``_read_group_select``).
    """

    _name = "beauty.staff.performance.report"
    _description = "Staff Performance"
    _auto = False
    _order = "date desc, master_id"

    date = fields.Date(readonly=True)
    master_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    visit_id = fields.Many2one("beauty.visit", readonly=True)
    product_id = fields.Many2one("product.product", string="Service or Product", readonly=True)
    service_revenue = fields.Monetary(readonly=True)
    retail_revenue = fields.Monetary(readonly=True)
    commission = fields.Monetary(
        readonly=True, help="Commissions on paid services and retail (payroll sheets)."
    )
    booked_hours = fields.Float(readonly=True, help="Service time without processing.")
    scheduled_hours = fields.Float(readonly=True)
    no_show_count = fields.Integer(string="No-shows", readonly=True)
    attended_count = fields.Integer(string="Bookings Due", readonly=True, help="Done and no-show bookings.")
    visit_count = fields.Integer(string="Visits", readonly=True, help="Done visits.")
    client_count = fields.Integer(string="Clients", readonly=True, help="Clients of the done visits.")
    average_check = fields.Monetary(readonly=True, aggregator="avg")
    occupancy_rate = fields.Float(string="Occupancy (%)", readonly=True, aggregator="avg")
    returning_rate = fields.Float(
        string="Returning Clients (%)",
        readonly=True,
        aggregator="avg",
        help="Done visits of clients who came before.",
    )
    rebooking_rate = fields.Float(
        string="Rebooking (%)",
        readonly=True,
        aggregator="avg",
        help="Done visits followed by the client's next visit within the branch's rebooking window.",
    )
    no_show_rate = fields.Float(string="No-shows (%)", readonly=True, aggregator="avg")
    done_visit_id = fields.Integer(readonly=True, aggregator=None)
    done_partner_id = fields.Integer(readonly=True, aggregator=None)
    returning_visit_id = fields.Integer(readonly=True, aggregator=None)
    rebooked_visit_id = fields.Integer(readonly=True, aggregator=None)

    def init(self):
        # The rebooking probe: the client's next booked visit after each done one.
        tools.create_index(
            self.env.cr,
            "beauty_visit_partner_booked_index",
            "beauty_visit",
            ["partner_id", "date_start"],
            where="state NOT IN ('cancelled', 'no_show')",
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _read_group_select(self, aggregate_spec, query):
        measure = GROUP_MEASURES.get(aggregate_spec.split(":")[0])
        if not measure:
            return super()._read_group_select(aggregate_spec, query)
        return measure(lambda fname: self._field_to_sql(self._table, fname, query))

    @api.model
    def _query(self):
        return SQL(
            """
            WITH master AS (
                SELECT emp.id, emp.company_id, emp.active, emp.is_salon_master, emp.resource_calendar_id,
                       rr.id AS resource_id, cal.tz AS tz, cal.two_weeks_calendar, company.currency_id
                  FROM hr_employee emp
                  JOIN resource_resource rr ON rr.id = emp.resource_id
                  JOIN res_company company ON company.id = emp.company_id
                  LEFT JOIN resource_calendar cal ON cal.id = emp.resource_calendar_id
            )
            SELECT vl.id::bigint * 4 AS id,
                   (vl.date_start AT TIME ZONE 'UTC'
                       AT TIME ZONE COALESCE(cal.tz, rr.tz, 'UTC'))::date AS date,
                   vl.master_id, vl.company_id, company.currency_id, vl.partner_id, vl.visit_id,
                   vl.service_id AS product_id,
                   COALESCE(invoiced.amount, 0)::numeric AS service_revenue,
                   0::numeric AS retail_revenue,
                   0::numeric AS commission,
                   CASE WHEN vl.state IN ('cancelled', 'no_show') THEN 0
                        ELSE vl.duration - COALESCE(vl.processing_duration, 0) END::float8 AS booked_hours,
                   0::float8 AS scheduled_hours,
                   (vl.state = 'no_show')::int AS no_show_count,
                   (vl.state IN ('done', 'no_show'))::int AS attended_count,
                   (vl.state = 'done')::int AS visit_count,
                   (vl.state = 'done')::int AS client_count,
                   NULL::numeric AS average_check,
                   NULL::float8 AS occupancy_rate,
                   NULL::float8 AS returning_rate,
                   NULL::float8 AS rebooking_rate,
                   NULL::float8 AS no_show_rate,
                   CASE WHEN vl.state = 'done' THEN vl.visit_id END AS done_visit_id,
                   CASE WHEN vl.state = 'done' THEN vl.partner_id END AS done_partner_id,
                   CASE WHEN vl.state = 'done' AND EXISTS (
                            SELECT 1 FROM beauty_visit earlier
                             WHERE earlier.partner_id = visit.partner_id
                               AND earlier.company_id = visit.company_id AND earlier.state = 'done'
                               AND earlier.date_start < visit.date_start)
                        THEN vl.visit_id END AS returning_visit_id,
                   CASE WHEN vl.state = 'done' AND EXISTS (
                            SELECT 1 FROM beauty_visit later
                             WHERE later.partner_id = visit.partner_id
                               AND later.company_id = visit.company_id
                               AND later.state NOT IN ('cancelled', 'no_show')
                               AND later.date_start > visit.date_start
                               AND later.date_start
                                   <= visit.date_start + company.salon_rebooking_days * INTERVAL '1 day')
                        THEN vl.visit_id END AS rebooked_visit_id
              FROM beauty_visit_line vl
              JOIN beauty_visit visit ON visit.id = vl.visit_id
              JOIN res_company company ON company.id = vl.company_id
              JOIN hr_employee emp ON emp.id = vl.master_id
              JOIN resource_resource rr ON rr.id = emp.resource_id
              LEFT JOIN resource_calendar cal ON cal.id = emp.resource_calendar_id
              LEFT JOIN LATERAL (
                  SELECT SUM(sol.untaxed_amount_invoiced) AS amount
                    FROM sale_order_line sol WHERE sol.salon_visit_line_id = vl.id
              ) invoiced ON TRUE
            UNION ALL
            SELECT sol.id::bigint * 4 + 1,
                   (so.date_order AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(cal.tz, rr.tz, 'UTC'))::date,
                   sol.salon_master_id, sol.company_id, company.currency_id, so.partner_id, so.salon_visit_id,
                   sol.product_id,
                   0::numeric, sol.untaxed_amount_invoiced::numeric, 0::numeric, 0::float8, 0::float8,
                   0, 0, 0, 0, NULL::numeric, NULL::float8, NULL::float8, NULL::float8, NULL::float8,
                   NULL::int, NULL::int, NULL::int, NULL::int
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_company company ON company.id = sol.company_id
              JOIN hr_employee emp ON emp.id = sol.salon_master_id
              JOIN resource_resource rr ON rr.id = emp.resource_id
              LEFT JOIN resource_calendar cal ON cal.id = emp.resource_calendar_id
             WHERE sol.salon_visit_line_id IS NULL AND so.state = 'sale'
            UNION ALL
            SELECT line.id::bigint * 4 + 2, line.date, line.employee_id, line.company_id, company.currency_id,
                   NULL::int, NULL::int, line.product_id,
                   0::numeric, 0::numeric, line.amount::numeric, 0::float8, 0::float8,
                   0, 0, 0, 0, NULL::numeric, NULL::float8, NULL::float8, NULL::float8, NULL::float8,
                   NULL::int, NULL::int, NULL::int, NULL::int
              FROM beauty_payroll_sheet_line line
              JOIN res_company company ON company.id = line.company_id
             WHERE line.kind IN ('service', 'retail')
            UNION ALL
            SELECT ((day.day::date - DATE '2000-01-01')::bigint * 1000000 + master.id) * 4 + 3,
                   day.day::date, master.id, master.company_id, master.currency_id,
                   NULL::int, NULL::int, NULL::int,
                   0::numeric, 0::numeric, 0::numeric, 0::float8, COALESCE(planned.hours, 0)::float8,
                   0, 0, 0, 0, NULL::numeric, NULL::float8, NULL::float8, NULL::float8, NULL::float8,
                   NULL::int, NULL::int, NULL::int, NULL::int
              FROM master
              CROSS JOIN (
                  SELECT MIN(date_start)::date AS first,
                         GREATEST(MAX(date_start), NOW() AT TIME ZONE 'UTC')::date AS last
                    FROM beauty_visit_line
              ) span
              CROSS JOIN LATERAL generate_series(span.first, span.last, INTERVAL '1 day') AS day(day)
              CROSS JOIN LATERAL (
                  SELECT SUM(att.hour_to - att.hour_from - COALESCE((
                             SELECT SUM(EXTRACT(EPOCH FROM LEAST(leave.date_to, slot.stop)
                                                          - GREATEST(leave.date_from, slot.start)) / 3600)
                               FROM resource_calendar_leaves leave
                              WHERE leave.time_type = 'leave'
                                AND leave.date_from < slot.stop AND leave.date_to > slot.start
                                AND (leave.resource_id = master.resource_id
                                     OR (leave.resource_id IS NULL AND leave.company_id = master.company_id
                                         AND (leave.calendar_id = master.resource_calendar_id
                                              OR leave.calendar_id IS NULL)))
                         ), 0)) AS hours
                    FROM resource_calendar_attendance att
                    CROSS JOIN LATERAL (
                        SELECT (day.day + att.hour_from * INTERVAL '1 hour')
                                   AT TIME ZONE COALESCE(master.tz, 'UTC') AT TIME ZONE 'UTC' AS start,
                               (day.day + att.hour_to * INTERVAL '1 hour')
                                   AT TIME ZONE COALESCE(master.tz, 'UTC') AT TIME ZONE 'UTC' AS stop
                    ) slot
                   WHERE att.calendar_id = master.resource_calendar_id
                     AND att.display_type IS NULL
                     AND att.day_period != 'lunch'
                     AND att.dayofweek = (EXTRACT(ISODOW FROM day.day)::int - 1)::text
                     AND (att.date_from IS NULL OR att.date_from <= day.day::date)
                     AND (att.date_to IS NULL OR att.date_to >= day.day::date)
                     AND (NOT COALESCE(master.two_weeks_calendar, FALSE)
                          OR att.week_type = MOD((day.day::date - DATE '0001-01-01') / 7, 2)::text)
              ) planned
             WHERE master.is_salon_master AND master.active AND master.resource_calendar_id IS NOT NULL
            """
        )
