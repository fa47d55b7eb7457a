# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class StockPicking(models.Model):
    """A salon consumption transfer knows the visit whose materials it moves."""

    _inherit = "stock.picking"

    salon_visit_id = fields.Many2one("beauty.visit", index="btree_not_null", readonly=True, copy=False)

    def action_view_salon_visit(self):
        self.ensure_one()
        return self.salon_visit_id.get_formview_action()
