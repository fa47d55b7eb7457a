# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class ProductProduct(models.Model):
    """New variants of a consumable get their reordering rules too."""

    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        products = super().create(vals_list)
        products.product_tmpl_id.filtered("is_salon_consumable")._salon_ensure_orderpoints()
        return products
