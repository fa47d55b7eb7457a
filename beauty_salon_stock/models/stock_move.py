# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class StockMove(models.Model):
    """A salon consumption move knows the material line (and so the booking and master) it writes off."""

    _inherit = "stock.move"

    salon_consumption_id = fields.Many2one(
        "beauty.visit.consumption",
        string="Salon Material",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )

    def _skip_push(self):
        # Materials used up in a service (or given back) go no further: no push rule to look for.
        return bool(self.salon_consumption_id) or super()._skip_push()
