# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ResourceResource(models.Model):
    """Rooms, chairs and devices are material resources with a salon category and their own calendar."""

    _inherit = "resource.resource"

    salon_category_id = fields.Many2one(
        "beauty.resource.category",
        index="btree_not_null",
        ondelete="restrict",
        help="Services that need this category may be given this unit.",
    )
