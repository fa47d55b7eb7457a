# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io

import xlsxwriter

from odoo import fields, models

SCOPE_DOMAINS = {
    "retail": [("sale_ok", "=", True), ("type", "=", "consu")],
    "consumable": [("is_salon_consumable", "=", True)],
    "service": [("is_salon_service", "=", True)],
    "all": ["|", ("sale_ok", "=", True), ("is_salon_consumable", "=", True)],
}


class BeautyPriceListExport(models.TransientModel):
    """The salon's price list with its three levels (retail, staff, write-off): printed or as a spreadsheet.

    Both outputs show the same rows (``_price_list_groups``), grouped by product category.
    """

    _name = "beauty.price.list.export"
    _description = "Salon Price List"

    scope = fields.Selection(
        [
            ("retail", "Retail Products"),
            ("consumable", "Salon Consumables"),
            ("service", "Services"),
            ("all", "Everything Sold or Used"),
        ],
        default="retail",
        required=True,
    )
    categ_ids = fields.Many2many(
        "product.category", string="Categories", help="Leave empty for every category."
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    file_data = fields.Binary(string="Spreadsheet", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _products(self):
        self.ensure_one()
        domain = list(SCOPE_DOMAINS[self.scope])
        if self.categ_ids:
            domain.append(("categ_id", "child_of", self.categ_ids.ids))
        return (
            self.env["product.template"].with_company(self.company_id).search(domain, order="categ_id, name")
        )

    def _price_list_groups(self):
        """``[(category, [row, ...])]``; a row holds the product, its three prices and a printable barcode."""
        self.ensure_one()
        products = self._products()
        currency = self.company_id.currency_id
        levels = {}
        for level, pricelist in (
            ("staff", self.company_id.salon_staff_pricelist_id),
            ("writeoff", self.company_id.salon_writeoff_pricelist_id),
        ):
            levels[level] = (
                pricelist._get_products_price(products, 1.0, currency=currency) if pricelist else {}
            )
        groups = []
        for category, templates in products.grouped("categ_id").items():
            rows = [
                {
                    "product": template,
                    "retail": template.currency_id._convert(
                        template.list_price, currency, self.company_id, fields.Date.context_today(self)
                    ),
                    "staff": levels["staff"].get(template.id, 0.0),
                    "writeoff": levels["writeoff"].get(template.id, 0.0),
                    # Barcodes are printed for what the client can buy off the shelf.
                    "barcode": template.barcode if template.sale_ok and template.type == "consu" else False,
                }
                for template in templates
            ]
            groups.append((category, rows))
        return groups

    def action_print(self):
        self.ensure_one()
        return self.env.ref("beauty_salon_stock.action_report_price_list").report_action(self)

    def action_export_spreadsheet(self):
        self.ensure_one()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Price List"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Category"),
            self.env._("Product"),
            self.env._("Reference"),
            self.env._("Barcode"),
            self.env._("Unit"),
            self.env._("Retail Price"),
            self.env._("Staff Price"),
            self.env._("Write-off Price"),
        ]
        sheet.write_row(0, 0, headers, bold)
        row_number = 1
        for category, rows in self._price_list_groups():
            for row in rows:
                product = row["product"]
                sheet.write_row(
                    row_number,
                    0,
                    [
                        category.display_name,
                        product.name,
                        product.default_code or "",
                        product.barcode or "",
                        product.uom_id.name,
                    ],
                )
                sheet.write_row(row_number, 5, [row["retail"], row["staff"], row["writeoff"]], money)
                row_number += 1
        sheet.set_column(0, 1, 32)
        sheet.set_column(2, 7, 14)
        workbook.close()
        self.write(
            {
                "file_data": base64.b64encode(buffer.getvalue()),
                "file_name": self.env._("price_list.xlsx"),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file_data/{self.file_name}?download=true",
            "target": "self",
        }
