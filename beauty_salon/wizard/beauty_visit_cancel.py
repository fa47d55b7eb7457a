# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyVisitCancel(models.TransientModel):
    _name = "beauty.visit.cancel"
    _description = "Cancel a Salon Visit"

    visit_id = fields.Many2one("beauty.visit", required=True)
    reason = fields.Char(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.visit_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
