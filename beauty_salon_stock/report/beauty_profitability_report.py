# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyProfitabilityReport(models.Model):
    """Profitability of each service performed: revenue − materials − commission = margin.

    One row per booking of a done visit. Revenue is the untaxed amount of its confirmed sale order lines in
    company currency; materials are the valuation written off for it; the commission is the figure the
    payroll hook ``_salon_commissions()`` reported for it (0 without payroll), noted on the booking.
    """

    _name = "beauty.profitability.report"
    _inherit = "beauty.salon.sql.report"
    _description = "Salon Service Profitability"
    _auto = False

    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    revenue = fields.Monetary(readonly=True)
    material_cost = fields.Monetary(string="Materials Cost", readonly=True)
    commission = fields.Monetary(readonly=True)
    margin = fields.Monetary(readonly=True)

    def _query(self):
        return """
            WITH revenue AS (
                SELECT sol.salon_visit_line_id AS line_id,
                       SUM(sol.price_subtotal / COALESCE(NULLIF(so.currency_rate, 0), 1)) AS amount
                  FROM sale_order_line sol
                  JOIN sale_order so ON so.id = sol.order_id
                 WHERE so.state = 'sale' AND sol.salon_visit_line_id IS NOT NULL
              GROUP BY sol.salon_visit_line_id
            ), materials AS (
                SELECT line_id, SUM(amount) AS amount
                  FROM beauty_visit_consumption
              GROUP BY line_id
            )
            SELECT line.id,
                   line.date_start AS date,
                   line.company_id,
                   line.visit_id,
                   line.id AS line_id,
                   line.partner_id,
                   line.master_id,
                   line.service_id,
                   service_tmpl.categ_id AS service_categ_id,
                   company.currency_id,
                   COALESCE(revenue.amount, 0) AS revenue,
                   COALESCE(materials.amount, 0) AS material_cost,
                   COALESCE(line.salon_commission_amount, 0) AS commission,
                   COALESCE(revenue.amount, 0) - COALESCE(materials.amount, 0)
                       - COALESCE(line.salon_commission_amount, 0) AS margin
              FROM beauty_visit_line line
              JOIN res_company company ON company.id = line.company_id
              JOIN product_product service ON service.id = line.service_id
              JOIN product_template service_tmpl ON service_tmpl.id = service.product_tmpl_id
         LEFT JOIN revenue ON revenue.line_id = line.id
         LEFT JOIN materials ON materials.line_id = line.id
             WHERE line.state = 'done'
        """
