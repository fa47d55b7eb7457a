# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class BeautyClientReport(models.Model):
    """Salon clients: one row per client who has had a done visit, across all branches.

    ``first_company_id`` is the branch of the first visit (where the client was won) and ``company_id``
    the branch of the last one (the client's branch today). Sleeping and lost clients are those whose
    last visit is older than the thresholds of the dashboard.
    """

    _name = "beauty.client.report"
    _description = "Salon Client Analysis"
    _auto = False
    _order = "last_visit_date desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    first_company_id = fields.Many2one("res.company", string="First Branch", readonly=True)
    first_visit_date = fields.Datetime(string="First Visit", readonly=True)
    last_visit_date = fields.Datetime(string="Last Visit", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True)
    no_show_count = fields.Integer(string="No-shows", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT visit.partner_id AS id,
                   visit.partner_id AS partner_id,
                   (ARRAY_AGG(visit.company_id ORDER BY visit.date_start DESC, visit.id DESC)
                       FILTER (WHERE visit.state = 'done'))[1] AS company_id,
                   (ARRAY_AGG(visit.company_id ORDER BY visit.date_start, visit.id)
                       FILTER (WHERE visit.state = 'done'))[1] AS first_company_id,
                   MIN(visit.date_start) FILTER (WHERE visit.state = 'done') AS first_visit_date,
                   MAX(visit.date_start) FILTER (WHERE visit.state = 'done') AS last_visit_date,
                   COUNT(*) FILTER (WHERE visit.state = 'done') AS visit_count,
                   COUNT(*) FILTER (WHERE visit.state = 'no_show') AS no_show_count
              FROM beauty_visit visit
             WHERE visit.state IN ('done', 'no_show')
             GROUP BY visit.partner_id
            HAVING COUNT(*) FILTER (WHERE visit.state = 'done') > 0
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
