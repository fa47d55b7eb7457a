# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class BeautyResourceCategory(models.Model):
    """A kind of room, chair or device a service needs ("massage room", "laser device").

    A service asks for a category; booking assigns any free unit (a material `resource.resource`) of it.
    """

    _name = "beauty.resource.category"
    _description = "Salon Resource Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    resource_ids = fields.One2many("resource.resource", "salon_category_id", string="Units")
