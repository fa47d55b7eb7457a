# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The comparison of tools/upgrade_check.py, which CI runs around ``-u`` of the four addons on the demo
database (tools/run_tests.sh): a snapshot sees a lost row, a changed value and an empty key table."""

import importlib.util
import os

from odoo.tests import tagged

from odoo.addons.beauty_salon.tests.common import BeautySalonCase

TOOL = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools", "upgrade_check.py")
spec = importlib.util.spec_from_file_location("upgrade_check", TOOL)
upgrade_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(upgrade_check)


@tagged("post_install", "-at_install")
class TestUpgradeCheck(BeautySalonCase):
    def snapshot(self):
        self.env.flush_all()
        return upgrade_check.snapshot(self.env.cr)

    def test_snapshot_sees_changes_and_losses(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        before = self.snapshot()
        unchanged = [p for p in upgrade_check.compare(before, self.snapshot()) if "beauty_visit:" in p]
        self.assertEqual(unchanged, [], "nothing changed, nothing reported")
        visit.note = "changed by an update"
        self.assertIn("beauty_visit: the same", " ".join(upgrade_check.compare(before, self.snapshot())))
        visit.action_cancel("gone")
        visit.unlink()
        problems = upgrade_check.compare(before, self.snapshot())
        self.assertTrue(
            any(p.startswith("beauty_visit: ") and "rows before" in p for p in problems), problems
        )

    def test_an_empty_key_table_fails(self):
        before = {"beauty_visit": (0, "x"), "loyalty_card": (3, "a")}
        self.assertEqual(
            upgrade_check.compare(before, {"beauty_visit": (0, "x"), "loyalty_card": (3, "a")}),
            ["beauty_visit: no data before the update, nothing was checked"],
        )
        self.assertEqual(upgrade_check.compare({"loyalty_card": (3, "a")}, {"loyalty_card": (3, "a")}), [])
        self.assertEqual(
            upgrade_check.compare({"loyalty_card": (3, "a")}, {"loyalty_card": None}),
            ["loyalty_card: the table is gone"],
        )
