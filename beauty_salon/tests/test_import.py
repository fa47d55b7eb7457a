# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io
import pathlib
from datetime import date

import openpyxl

from odoo.tests import TransactionCase, tagged

# A spreadsheet as salons keep it: bad phones, a duplicate, dates in several formats, broken rows.
MESSY_CSV = (pathlib.Path(__file__).parent / "data" / "messy_clients.csv").read_text(encoding="utf-8")


@tagged("post_install", "-at_install")
class TestClientImport(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.ru")

    def run_import(self, content, filename="clients.csv", **extra):
        wizard = self.env["beauty.client.import"].create(
            dict({"file": base64.b64encode(content), "filename": filename}, **extra)
        )
        wizard.action_import()
        return wizard

    def test_messy_notebook_imported_twice(self):
        first = self.run_import(MESSY_CSV.encode("utf-8"), paper_consent=True)
        self.assertEqual((first.created_count, first.updated_count, first.rejected_count), (2, 0, 4))
        reasons = {line.row: line.reason for line in first.line_ids if line.status == "rejected"}
        self.assertIn("Invalid phone", reasons[4])
        self.assertIn("No name", reasons[5])
        self.assertIn("Invalid e-mail", reasons[7])
        self.assertIn("Unreadable date", reasons[8])
        anna = self.env["res.partner"].search([("phone_sanitized", "=", "+79161234567")])
        self.assertEqual(len(anna), 1, "the duplicate row merged into the same client")
        self.assertEqual(anna.email, "anna@example.com")
        self.assertEqual(anna.birthdate_date, date(1990, 3, 5))
        self.assertEqual(anna.salon_registration_date, date(2023, 1, 12))
        self.assertEqual(anna.salon_imported_last_visit, date(2024, 6, 1))
        self.assertEqual(anna.salon_visit_count, 8)
        self.assertEqual(anna.salon_total_spent, 13000)
        self.assertTrue(anna.salon_personal_data_consent)
        self.assertTrue(anna.is_salon_client)
        maria = self.env["res.partner"].search([("phone_sanitized", "=", "+79267654321")])
        self.assertEqual(maria.salon_imported_last_visit, date(2024, 5, 20))
        self.assertEqual(maria.salon_total_spent, 8000)
        clients_before = self.env["res.partner"].search_count([("is_salon_client", "=", True)])
        second = self.run_import(MESSY_CSV.encode("cp1251"))
        self.assertEqual((second.created_count, second.updated_count, second.rejected_count), (0, 2, 4))
        self.assertEqual(
            self.env["res.partner"].search_count([("is_salon_client", "=", True)]), clients_before
        )
        self.assertEqual(anna.salon_total_spent, 13000, "figures are replaced, never added twice")
        self.assertEqual(anna.salon_preferences.count("любит кофе"), 1)

    def test_xlsx_with_english_headers_and_date_cells(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Name", "Phone", "Email", "Last visit", "Birthday", "Total spent", "Visits"])
        sheet.append(
            [
                "Olga Ivanova",
                "+7 916 999-88-77",
                "olga@example.com",
                date(2024, 2, 3),
                date(1985, 7, 9),
                4500,
                2,
            ]
        )
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self.run_import(buffer.getvalue(), filename="clients.xlsx")
        self.assertEqual(wizard.created_count, 1)
        olga = wizard.line_ids.partner_id
        self.assertEqual(olga.birthdate_date, date(1985, 7, 9))
        self.assertEqual(olga.salon_imported_last_visit, date(2024, 2, 3))
        self.assertEqual(olga.salon_visit_count, 2)
