# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, models


class BeautyPriceListReport(models.AbstractModel):
    """Values of the printed price list: the rows of each price list request, grouped by category."""

    _name = "report.beauty_salon_stock.report_price_list"
    _description = "Salon Price List Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["beauty.price.list.export"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "beauty.price.list.export",
            "docs": docs,
            "groups": {doc.id: doc._price_list_groups() for doc in docs},
        }
