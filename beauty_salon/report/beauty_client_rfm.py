# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

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


class BeautyClientRfm(models.Model):
    """RFM scores and the ABC class of every client, as of a day: a snapshot rebuilt by one SQL statement.

    R is the number of days since the last done visit, F the done visits and M the revenue (services
    and retail) of the last ``rfm_window_days`` days. R and F are scored 1-5 on thresholds a salon reads
    at a glance (R: 30 and 60 days, then the sleeping and lost windows; F: 10, 6, 3 and 2 visits), M by
    percentile rank among all clients (ties get the same score); the R and F scores name the segment.
    ABC sorts clients by M: A makes the first 80 % of the revenue, B the next 15 %, C the rest. A daily
    scheduled action rebuilds it; managers can rebuild it from the dashboard.
    """

    _name = "beauty.client.rfm"
    _description = "Salon Client RFM and ABC"
    _order = "monetary desc, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Client", required=True, index=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Branch", index=True, readonly=True, help="Branch of the last visit."
    )
    date = fields.Date(string="As Of", required=True, readonly=True)
    last_visit_date = fields.Datetime(string="Last Visit", readonly=True)
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
        """Replace the snapshot by the scores as of ``as_of`` (a date, default today); return its size."""
        as_of = as_of or fields.Date.context_today(self)
        until = fields.Datetime.to_datetime(as_of) + timedelta(days=1)
        since = until - timedelta(days=self._param("beauty_salon.rfm_window_days"))
        for model in ("beauty.visit", "sale.order", "sale.order.line"):
            self.env[model].flush_model()
        self.env.cr.execute(SQL("DELETE FROM %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL(
                """
                WITH visits AS (
                    SELECT partner_id,
                           MAX(date_start) AS last_visit,
                           COUNT(*) FILTER (WHERE date_start >= %(since)s) AS frequency,
                           (ARRAY_AGG(company_id ORDER BY date_start DESC, id DESC))[1] AS company_id
                      FROM beauty_visit
                     WHERE state = 'done' AND date_start < %(until)s
                     GROUP BY partner_id
                ), money AS (
                    SELECT partner_id, SUM(amount) AS monetary
                      FROM beauty_revenue_report
                     WHERE date >= %(since)s AND date < %(until)s
                     GROUP BY partner_id
                ), base AS (
                    SELECT visits.partner_id, visits.company_id, visits.last_visit, visits.frequency,
                           COALESCE(money.monetary, 0) AS monetary,
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
                INSERT INTO beauty_client_rfm (
                    partner_id, company_id, date, last_visit_date, recency_days, frequency, currency_id,
                    monetary, r_score, f_score, m_score, rfm_score, segment, abc_class,
                    create_uid, create_date, write_uid, write_date
                )
                SELECT scored.partner_id, scored.company_id, %(as_of)s, scored.last_visit,
                       scored.recency_days, scored.frequency, company.currency_id, scored.monetary,
                       r, f, m, CONCAT(r, f, m),
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
    def action_recompute(self):
        """Rebuild the snapshot now (dashboard button, managers only)."""
        if not self.env.user.has_group("beauty_salon.beauty_salon_group_manager"):
            raise AccessError(self.env._("Only a salon manager can recompute the client analysis."))
        # sudo: the snapshot covers every client of the chain; managers read it through the branch rules.
        return self.sudo()._compute_snapshot()

    @api.model
    def _cron_compute_snapshot(self):
        self._compute_snapshot()
