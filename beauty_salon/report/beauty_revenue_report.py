# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL


def revenue_kind(from_booking, is_salon_service):
    """``service`` for a line of a booking or a salon service, else ``retail`` (the view's ``kind``)."""
    return "service" if from_booking or is_salon_service else "retail"


class BeautyRevenueReport(models.Model):
    """Salon revenue: one row per confirmed sale line of a visit or sold by a master.

    A line is a *service* when it comes from a booking (``salon_visit_line_id``) or sells a salon
    service; anything else sold with a visit or by a master is *retail*. Amounts are untaxed, in the
    branch currency.
    """

    _name = "beauty.revenue.report"
    _description = "Salon Revenue Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    visit_id = fields.Many2one("beauty.visit", readonly=True)
    booking_id = fields.Many2one("beauty.visit.line", readonly=True)
    master_id = fields.Many2one("hr.employee", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    kind = fields.Selection([("service", "Services"), ("retail", "Retail")], readonly=True)
    quantity = fields.Float(readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount = fields.Monetary(string="Revenue", readonly=True)

    def _query(self):
        # The lines carry their order's date, partner, state, visit and rate (stored related fields):
        # a period is read from the lines alone, through their date index.
        return SQL(
            """
            SELECT sol.id AS id,
                   sol.salon_order_date AS date,
                   sol.company_id AS company_id,
                   sol.order_partner_id AS partner_id,
                   sol.salon_visit_id AS visit_id,
                   sol.salon_visit_line_id AS booking_id,
                   sol.salon_master_id AS master_id,
                   sol.product_id AS product_id,
                   pt.categ_id AS product_categ_id,
                   -- revenue_kind() in SQL
                   CASE WHEN sol.salon_visit_line_id IS NOT NULL OR pt.is_salon_service
                        THEN 'service' ELSE 'retail' END AS kind,
                   sol.product_uom_qty AS quantity,
                   company.currency_id AS currency_id,
                   sol.price_subtotal / COALESCE(NULLIF(sol.salon_currency_rate, 0), 1.0) AS amount
              FROM sale_order_line sol
              -- Left joins on primary keys: PostgreSQL drops them from a query that reads none of
              -- their columns (the dashboard), which keeps it to the lines alone.
              LEFT JOIN res_company company ON company.id = sol.company_id
              LEFT JOIN product_product pp ON pp.id = sol.product_id
              LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE sol.state = 'sale'
               AND sol.display_type IS NULL
               AND (sol.salon_visit_id IS NOT NULL
                    OR sol.salon_master_id IS NOT NULL
                    OR sol.salon_visit_line_id IS NOT NULL)
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
