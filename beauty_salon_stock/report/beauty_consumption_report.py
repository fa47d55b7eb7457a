# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class BeautyConsumptionReport(models.Model):
    """Actual vs norm: each material written off for a done visit, against its cost card norm.

    Quantities are in the product's own unit (so they add up per product); money is the write-off's
    valuation, the norm valued at the same unit cost. A positive difference is over-consumption.
    Visits whose consumption was cancelled (materials returned) are left out.
    """

    _name = "beauty.consumption.report"
    _description = "Salon Materials: Actual vs Norm"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", string="Branch", readonly=True)
    visit_id = fields.Many2one("beauty.visit", readonly=True)
    line_id = fields.Many2one("beauty.visit.line", string="Booking", readonly=True)
    master_id = fields.Many2one("hr.employee", readonly=True)
    service_id = fields.Many2one("product.product", readonly=True)
    service_categ_id = fields.Many2one("product.category", string="Service Category", readonly=True)
    product_id = fields.Many2one("product.product", string="Material", readonly=True)
    product_uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    is_extra = fields.Boolean(string="Not in Cost Card", readonly=True)
    qty_norm = fields.Float(string="Norm", digits="Product Unit of Measure", readonly=True)
    qty_actual = fields.Float(string="Actual", digits="Product Unit of Measure", readonly=True)
    qty_diff = fields.Float(string="Difference", digits="Product Unit of Measure", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    value_norm = fields.Monetary(string="Norm Cost", readonly=True)
    value_actual = fields.Monetary(string="Actual Cost", readonly=True)
    value_diff = fields.Monetary(string="Cost Difference", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query()))
        )

    def _query(self):
        # qty / unit factor * product unit factor: the quantity in the product's unit.
        return """
            SELECT c.id,
                   c.date,
                   c.company_id,
                   c.visit_id,
                   c.line_id,
                   c.master_id,
                   c.service_id,
                   service_tmpl.categ_id AS service_categ_id,
                   c.product_id,
                   product_tmpl.uom_id AS product_uom_id,
                   c.is_extra,
                   c.qty_norm / line_uom.factor * product_uom.factor AS qty_norm,
                   c.qty_done / line_uom.factor * product_uom.factor AS qty_actual,
                   (c.qty_done - c.qty_norm) / line_uom.factor * product_uom.factor AS qty_diff,
                   company.currency_id,
                   c.qty_norm * c.unit_cost AS value_norm,
                   c.amount AS value_actual,
                   c.amount - c.qty_norm * c.unit_cost AS value_diff
              FROM beauty_visit_consumption c
              JOIN beauty_visit visit ON visit.id = c.visit_id
              JOIN res_company company ON company.id = c.company_id
              JOIN uom_uom line_uom ON line_uom.id = c.product_uom_id
              JOIN product_product product ON product.id = c.product_id
              JOIN product_template product_tmpl ON product_tmpl.id = product.product_tmpl_id
              JOIN uom_uom product_uom ON product_uom.id = product_tmpl.uom_id
              JOIN product_product service ON service.id = c.service_id
              JOIN product_template service_tmpl ON service_tmpl.id = service.product_tmpl_id
             WHERE visit.state = 'done' AND visit.salon_materials_returned IS NOT TRUE
        """
