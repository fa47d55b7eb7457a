# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    salon_visit_id = fields.Many2one(
        "beauty.visit", string="Visit", index="btree_not_null", copy=False, readonly=True
    )

    def action_view_salon_visit(self):
        self.ensure_one()
        return self.salon_visit_id.get_formview_action()
