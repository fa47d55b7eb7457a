# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyClientImportLine(models.TransientModel):
    _name = "beauty.client.import.line"
    _description = "Client Notebook Row"
    _order = "row"

    import_id = fields.Many2one("beauty.client.import", required=True, ondelete="cascade")
    row = fields.Integer()
    name = fields.Char()
    status = fields.Selection([("created", "Created"), ("updated", "Updated"), ("rejected", "Rejected")])
    reason = fields.Char()
    partner_id = fields.Many2one("res.partner", string="Client")
