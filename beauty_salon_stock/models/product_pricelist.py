# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models


class ProductPricelist(models.Model):
    """Staff and write-off prices are internal price levels: never a client's pricelist."""

    _inherit = "product.pricelist"

    salon_internal = fields.Boolean(
        string="Internal Price Level",
        help="A price level for the salon itself (staff purchases, write-offs): never offered to clients.",
    )

    def _get_partner_pricelist_multi_search_domain_hook(self, company_id):
        return [
            *super()._get_partner_pricelist_multi_search_domain_hook(company_id),
            ("salon_internal", "=", False),
        ]

    def _get_partner_pricelist_multi_filter_hook(self):
        return (
            super()
            ._get_partner_pricelist_multi_filter_hook()
            .filtered(lambda pricelist: not pricelist.salon_internal)
        )
