# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyVisitMaterialsReturn(models.TransientModel):
    """A manager cancels a done visit's consumption: the materials go back to stock, the reason
    to the visit's chatter."""

    _name = "beauty.visit.materials.return"
    _description = "Return the Materials of a Salon Visit"

    visit_id = fields.Many2one("beauty.visit", required=True)
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.visit_id.action_salon_return_materials(self.reason)
        return {"type": "ir.actions.act_window_close"}
