# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, create_index

SEGMENTS = [
    ("champions", "Champions"),
    ("loyal", "Loyal"),
    ("new", "New"),
    ("promising", "Promising"),
    ("at_risk", "At Risk"),
    ("sleeping", "Sleeping"),
    ("lost", "Lost"),
]
# Defaults of the ir.config_parameter settings of the client analysis (snapshot and dashboard).
PARAMS = {
    "beauty_salon.rfm_window_days": 365,
    "beauty_salon.sleeping_days": 90,
    "beauty_salon.lost_days": 365,
    "beauty_salon.abc_a_share": 80.0,
    "beauty_salon.abc_b_share": 95.0,
}
# R scores 5 and 4 up to these days since the last visit; 3 up to the sleeping window, 2 up to the lost one.
RECENCY_DAYS = (30, 60)
# F scores 5, 4, 3 and 2 from these numbers of visits in the window; 1 below.
FREQUENCY_VISITS = (10, 6, 3, 2)


def snapshot_until(as_of):
    """The (naive UTC) end of the day a snapshot describes: visits before it are in the snapshot."""
    return fields.Datetime.to_datetime(as_of) + timedelta(days=1)


class BeautyClientAnalysis(models.Model):
    """Every client's history in one row, as of a day: a snapshot rebuilt by one SQL statement.

    It holds the first and the last done visit (with their branches) and the RFM scores and ABC class.
    R is the number of days since the last done visit, F the done visits and M the revenue (services
    and retail) of the last ``rfm_window_days`` days. R and F are scored 1-5 on thresholds a salon reads
    at a glance (R: 30 and 60 days, then the sleeping and lost windows; F: 10, 6, 3 and 2 visits), M by
    percentile rank among all clients (ties get the same score); the R and F scores name the segment.
    ABC sorts clients by M: A makes the first 80 % of the revenue, B the next 15 %, C the rest.

    A daily scheduled action rebuilds it and managers can rebuild it from the dashboard, whose new,
    lost and sleeping clients read it instead of aggregating the whole visit history on every call.
    """

    _name = "beauty.client.analysis"
    _description = "Salon Client Analysis"
    _order = "monetary desc, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Client", required=True, index=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", index=True, readonly=True, help="Branch of the last visit."
    )
    first_company_id = fields.Many2one(
        "res.company", string="First Branch", readonly=True, help="Branch of the first visit."
    )
    date = fields.Date(string="As Of", required=True, readonly=True)
    first_visit_date = fields.Datetime(string="First Visit", readonly=True)
    last_visit_date = fields.Datetime(string="Last Visit", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True, help="Done visits since the first one.")
    recency_days = fields.Integer(string="Days Since Last Visit", readonly=True, aggregator="avg")
    frequency = fields.Integer(string="Visits (12 Months)", readonly=True, aggregator="avg")
    currency_id = fields.Many2one("res.currency", readonly=True)
    monetary = fields.Monetary(string="Revenue (12 Months)", readonly=True)
    r_score = fields.Integer(string="R", readonly=True, aggregator="avg")
    f_score = fields.Integer(string="F", readonly=True, aggregator="avg")
    m_score = fields.Integer(string="M", readonly=True, aggregator="avg")
    rfm_score = fields.Char(string="RFM", readonly=True)
    segment = fields.Selection(SEGMENTS, readonly=True, index=True)
    abc_class = fields.Selection([("a", "A"), ("b", "B"), ("c", "C")], string="ABC Class", readonly=True)

    def init(self):
        # The dashboard's "is this the client's first visit?" probe on the visits after the snapshot.
        create_index(
            self.env.cr,
            "beauty_visit_partner_done_index",
            "beauty_visit",
            ["partner_id", "date_start"],
            where="state = 'done'",
        )
        # The dashboard's clients served in a period: read from this index alone.
        create_index(
            self.env.cr,
            "beauty_visit_done_date_index",
            "beauty_visit",
            ["date_start", "company_id", "partner_id"],
            where="state = 'done'",
        )

    @api.model
    def _param(self, key):
        # sudo: reading the report settings, not a secret.
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return float(value) if value else PARAMS[key]
        except ValueError:
            return PARAMS[key]

    @api.model
    def _compute_snapshot(self, as_of=None):
        """Replace the snapshot by the clients as of ``as_of`` (a date, default today); return its size."""
        as_of = as_of or fields.Date.context_today(self)
        until = snapshot_until(as_of)
        since = until - timedelta(days=self._param("beauty_salon.rfm_window_days"))
        for model in ("beauty.visit", "sale.order", "sale.order.line"):
            self.env[model].flush_model()
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                WITH visits AS (
                    SELECT partner_id,
                           MIN(date_start) AS first_visit,
                           MAX(date_start) AS last_visit,
                           COUNT(*) AS visit_count,
                           COUNT(*) FILTER (WHERE date_start >= %(since)s) AS frequency,
                           -- The branches of the first and the last visit, in one pass without sorting.
                           (MIN(ARRAY[EXTRACT(EPOCH FROM date_start)::bigint, id, company_id]))[3]
                               AS first_company_id,
                           (MAX(ARRAY[EXTRACT(EPOCH FROM date_start)::bigint, id, company_id]))[3]
                               AS company_id
                      FROM beauty_visit
                     WHERE state = 'done' AND date_start < %(until)s
                     GROUP BY partner_id
                ), money AS (
                    SELECT partner_id, SUM(amount) AS monetary
                      FROM beauty_revenue_report
                     WHERE date >= %(since)s AND date < %(until)s
                     GROUP BY partner_id
                ), base AS (
                    SELECT visits.*, COALESCE(money.monetary, 0) AS monetary,
                           GREATEST(%(as_of)s::date - visits.last_visit::date, 0) AS recency_days
                      FROM visits LEFT JOIN money ON money.partner_id = visits.partner_id
                ), scored AS (
                    SELECT base.*,
                           CASE WHEN recency_days <= %(r5)s THEN 5 WHEN recency_days <= %(r4)s THEN 4
                                WHEN recency_days <= %(r3)s THEN 3 WHEN recency_days <= %(r2)s THEN 2
                                ELSE 1 END AS r,
                           CASE WHEN frequency >= %(f5)s THEN 5 WHEN frequency >= %(f4)s THEN 4
                                WHEN frequency >= %(f3)s THEN 3 WHEN frequency >= %(f2)s THEN 2
                                ELSE 1 END AS f,
                           LEAST(5, 1 + FLOOR(PERCENT_RANK() OVER (ORDER BY monetary) * 5))::int AS m,
                           SUM(monetary) OVER (ORDER BY monetary DESC, partner_id ROWS UNBOUNDED PRECEDING)
                               - monetary AS revenue_before,
                           SUM(monetary) OVER () AS revenue_total
                      FROM base
                )
                INSERT INTO beauty_client_analysis (
                    partner_id, company_id, first_company_id, date, first_visit_date, last_visit_date,
                    visit_count, recency_days, frequency, currency_id, monetary, r_score, f_score, m_score,
                    rfm_score, segment, abc_class, create_uid, create_date, write_uid, write_date
                )
                SELECT scored.partner_id, scored.company_id, scored.first_company_id, %(as_of)s,
                       scored.first_visit, scored.last_visit, scored.visit_count, scored.recency_days,
                       scored.frequency, company.currency_id, scored.monetary, r, f, m, CONCAT(r, f, m),
                       CASE WHEN r >= 4 AND f >= 4 THEN 'champions'
                            WHEN r >= 3 AND f >= 3 THEN 'loyal'
                            WHEN r >= 4 THEN 'new'
                            WHEN r = 3 THEN 'promising'
                            WHEN f >= 3 THEN 'at_risk'
                            WHEN r = 2 THEN 'sleeping'
                            ELSE 'lost' END,
                       CASE WHEN scored.monetary <= 0 THEN 'c'
                            WHEN revenue_before < revenue_total * %(a_share)s / 100 THEN 'a'
                            WHEN revenue_before < revenue_total * %(b_share)s / 100 THEN 'b'
                            ELSE 'c' END,
                       %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM scored
                  LEFT JOIN res_company company ON company.id = scored.company_id
                """,
                since=since,
                until=until,
                as_of=as_of,
                r5=RECENCY_DAYS[0],
                r4=RECENCY_DAYS[1],
                r3=self._param("beauty_salon.sleeping_days"),
                r2=self._param("beauty_salon.lost_days"),
                f5=FREQUENCY_VISITS[0],
                f4=FREQUENCY_VISITS[1],
                f3=FREQUENCY_VISITS[2],
                f2=FREQUENCY_VISITS[3],
                a_share=self._param("beauty_salon.abc_a_share"),
                b_share=self._param("beauty_salon.abc_b_share"),
                uid=self.env.uid,
            )
        )
        count = self.env.cr.rowcount
        self.invalidate_model()
        return count

    @api.model
    def _snapshot_date(self):
        """The day the snapshot describes, or None before the first run."""
        return self._read_group([], [], ["date:max"])[0][0] or None

    @api.model
    def action_recompute(self):
        """Rebuild the snapshot now (dashboard button, managers only)."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can recompute the client analysis."))
        # sudo: the snapshot covers every client of the chain; managers read it through the branch rules.
        return self.sudo()._compute_snapshot()

    @api.model
    def _cron_compute_snapshot(self):
        self._compute_snapshot()
