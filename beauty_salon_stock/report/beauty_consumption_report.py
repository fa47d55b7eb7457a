# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyConsumptionReport(models.Model):
    """Actual vs norm: each material written off for a done visit, against its cost card norm.

    Quantities are in the product's own unit (so they add up per product); money is the write-off's
    valuation, the norm valued at the same unit cost. A positive difference is over-consumption.
    Visits whose consumption was cancelled (materials returned) are left out.
    """

    _name = "beauty.consumption.report"
    _inherit = "beauty.salon.sql.report"
    _description = "Salon Materials: Actual vs Norm"
    _auto = False

    product_id = fields.Many2one("product.product", string="Material", readonly=True)
    product_uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    is_extra = fields.Boolean(string="Not in Cost Card", readonly=True)
    qty_norm = fields.Float(string="Norm", digits="Product Unit of Measure", readonly=True)
    qty_actual = fields.Float(string="Actual", digits="Product Unit of Measure", readonly=True)
    qty_diff = fields.Float(string="Difference", digits="Product Unit of Measure", readonly=True)
    value_norm = fields.Monetary(string="Norm Cost", readonly=True)
    value_actual = fields.Monetary(string="Actual Cost", readonly=True)
    value_diff = fields.Monetary(string="Cost Difference", readonly=True)

    def _query(self):
        return """
            SELECT c.id,
                   c.date,
                   c.company_id,
                   c.visit_id,
                   c.line_id,
                   c.master_id,
                   c.service_id,
                   c.service_categ_id,
                   c.product_id,
                   product_tmpl.uom_id AS product_uom_id,
                   c.is_extra,
                   c.product_qty_norm AS qty_norm,
                   c.product_qty_done AS qty_actual,
                   c.product_qty_done - c.product_qty_norm AS qty_diff,
                   company.currency_id,
                   c.qty_norm * c.unit_cost AS value_norm,
                   c.amount AS value_actual,
                   c.amount - c.qty_norm * c.unit_cost AS value_diff
              FROM beauty_visit_consumption c
              JOIN res_company company ON company.id = c.company_id
              JOIN product_product product ON product.id = c.product_id
              JOIN product_template product_tmpl ON product_tmpl.id = product.product_tmpl_id
             WHERE c.visit_state = 'done' AND c.materials_returned IS NOT TRUE
        """
