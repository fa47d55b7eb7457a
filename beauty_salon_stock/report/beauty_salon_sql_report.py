# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class BeautySalonSqlReport(models.AbstractModel):
    """A read-only report over an SQL view of done bookings: the inheriting model gives the SELECT in
    ``_query()``, with at least the columns below."""

    _name = "beauty.salon.sql.report"
    _description = "Salon SQL Report"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    visit_id = fields.Many2one("beauty.visit", readonly=True)
    line_id = fields.Many2one("beauty.visit.line", string="Booking", readonly=True)
    master_id = fields.Many2one("hr.employee", readonly=True)
    service_id = fields.Many2one("product.product", readonly=True)
    service_categ_id = fields.Many2one("product.category", string="Service Category", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)

    def init(self):
        if self._abstract:
            return  # Odoo initialises this base model too; only the reports have a view
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query()))
        )

    def _query(self):
        raise NotImplementedError
