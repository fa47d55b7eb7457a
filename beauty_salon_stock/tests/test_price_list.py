# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io

import openpyxl

from odoo import Command
from odoo.tests import tagged
from odoo.tools import formatLang

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestPriceList(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.retail_category = cls.env["product.category"].create({"name": "Hair care for sale"})
        cls.shampoo = cls.env["product.product"].create(
            {
                "name": "Colour shampoo 250 ml",
                "type": "consu",
                "is_storable": True,
                "sale_ok": True,
                "categ_id": cls.retail_category.id,
                "list_price": 1900.0,
                "standard_price": 950.0,
                "barcode": "4600000000024",
                "default_code": "SH-250",
            }
        )
        cls.wizard = cls.env["beauty.price.list.export"].create(
            {"scope": "retail", "categ_ids": [Command.set(cls.retail_category.ids)]}
        )

    def test_three_price_levels(self):
        template = self.shampoo.product_tmpl_id
        self.assertEqual(template.list_price, 1900.0)
        self.assertAlmostEqual(template.salon_staff_price, 1520.0, msg="staff pricelist: 20 % off retail")
        self.assertAlmostEqual(template.salon_writeoff_price, 950.0, msg="write-off pricelist: the cost")

    def test_internal_price_levels_are_never_a_clients_pricelist(self):
        internal = self.company.salon_staff_pricelist_id | self.company.salon_writeoff_pricelist_id
        self.assertEqual(len(internal), 2)
        self.assertTrue(all(internal.mapped("salon_internal")))
        client = self.env["res.partner"].create({"name": "Walk-in client"})
        self.assertNotIn(client.property_product_pricelist, internal)

    def test_pdf_price_list_grouped_by_category_with_barcodes(self):
        # Under test, Odoo renders the PDF report's HTML (no wkhtmltopdf run).
        html, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang="en_US")
            ._render_qweb_pdf("beauty_salon_stock.action_report_price_list", self.wizard.ids)
        )
        text = html.decode().replace("\xa0", " ")
        env = self.env(context=dict(self.env.context, lang="en_US"))
        prices = [formatLang(env, amount).replace("\xa0", " ") for amount in (1900.0, 1520.0, 950.0)]
        for expected in (
            "Price List",
            "Hair care for sale",
            "Colour shampoo 250 ml",
            "SH-250",
            *prices,
            "4600000000024",
            "data:image/png;base64,",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("Hair dye", text, "consumables are not on the retail list")

    def test_spreadsheet_export(self):
        self.wizard.with_context(lang="en_US").action_export_spreadsheet()
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(self.wizard.file_data)))
        rows = list(workbook.active.iter_rows(values_only=True))
        self.assertEqual(
            rows,
            [
                (
                    "Category",
                    "Product",
                    "Reference",
                    "Barcode",
                    "Unit",
                    "Retail Price",
                    "Staff Price",
                    "Write-off Price",
                ),
                (
                    "Hair care for sale",
                    "Colour shampoo 250 ml",
                    "SH-250",
                    "4600000000024",
                    "Units",
                    1900,
                    1520,
                    950,
                ),
            ],
        )
        self.assertTrue(self.wizard.file_name.endswith(".xlsx"))
