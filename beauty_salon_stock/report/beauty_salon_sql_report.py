# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import models, tools
from odoo.tools import SQL


class BeautySalonSqlReport(models.AbstractModel):
    """A read-only report over an SQL view: the inheriting model gives the SELECT in ``_query()``."""

    _name = "beauty.salon.sql.report"
    _description = "Salon SQL Report"
    _auto = False

    def init(self):
        if self._abstract:
            return  # Odoo initialises this base model too; only the reports have a view
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query()))
        )

    def _query(self):
        raise NotImplementedError
