# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every user-facing term of every salon addon ships translated in its i18n/ru.po."""

import os

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

SALON_ADDONS = ("beauty_salon", "beauty_salon_payroll", "beauty_salon_loyalty", "beauty_salon_stock")
# Spelled the same in Russian (an id, a phone placeholder): oca-checks-po drops a msgstr equal to msgid.
SAME_IN_RUSSIAN = {"ID", "+7 916 123-45-67"}


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    def exported_terms(self, module):
        """Source terms Odoo exports for ``module`` (as `--i18n-export` would write them to the .pot)."""
        reader = TranslationModuleReader(self.env.cr, modules=[module], lang="ru_RU")
        return {row[4] for row in reader if row[0] == module and row[4]}

    def test_every_term_is_translated(self):
        for module in SALON_ADDONS:
            with self.subTest(module=module):
                path = os.path.join(get_module_path(module), "i18n", "ru.po")
                self.assertTrue(os.path.isfile(path), f"{module} has no i18n/ru.po")
                catalog = polib.pofile(path)
                translated = {
                    entry.msgid for entry in catalog if entry.msgstr.strip() and "fuzzy" not in entry.flags
                }
                terms = self.exported_terms(module)
                missing = sorted(terms - translated - SAME_IN_RUSSIAN)
                self.assertFalse(missing, f"{module}/i18n/ru.po lacks or leaves untranslated: {missing[:20]}")

    def test_core_term_is_russian_in_the_ui(self):
        """The loaded translation reaches the user: a salon state label in Russian."""
        labels = dict(
            self.env["beauty.visit"]
            .with_context(lang="ru_RU")
            ._fields["state"]
            ._description_selection(self.env(context={"lang": "ru_RU"}))
        )
        self.assertEqual(labels["no_show"], "Неявка")
