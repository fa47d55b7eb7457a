# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cross-addon checks: what is installed, how the addons depend on each other, and access rules."""

from odoo.tests import TransactionCase, tagged

SALON_ADDONS = ("beauty_salon", "beauty_salon_payroll", "beauty_salon_loyalty", "beauty_salon_stock")
SATELLITES = SALON_ADDONS[1:]
# Models every salon role must be able to read (the journal and what it shows).
READ_BY_MASTERS = {"beauty.visit", "beauty.visit.line", "beauty.busy.slot", "beauty.resource.category"}


@tagged("post_install", "-at_install")
class TestSalonAddons(TransactionCase):
    def test_all_four_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", SALON_ADDONS)])
        self.assertEqual(
            dict(modules.mapped(lambda m: (m.name, m.state))), dict.fromkeys(SALON_ADDONS, "installed")
        )

    def test_satellites_depend_on_the_core_and_not_on_each_other(self):
        for name in SATELLITES:
            module = self.env["ir.module.module"].search([("name", "=", name)])
            upstream = set(module.upstream_dependencies(exclude_states=("uninstallable",)).mapped("name"))
            self.assertIn("beauty_salon", upstream, name)
            self.assertFalse(
                upstream & (set(SATELLITES) - {name}), f"{name} must install without the other satellites"
            )

    def salon_models(self):
        """The models our addons define (named beauty.*) that have records, so need access rules."""
        models = self.env["ir.model"].search([("model", "=like", "beauty.%")])
        return models.filtered(lambda m: not self.env[m.model]._abstract)

    def test_every_salon_model_has_access_rules_and_managers_read_it(self):
        models = self.salon_models()
        self.assertIn("beauty.visit", models.mapped("model"))
        manager = self.env.ref("beauty_salon.beauty_salon_group_manager")
        for model in models:
            lines = self.env["ir.model.access"].search([("model_id", "=", model.id)])
            self.assertTrue(lines, f"{model.model} has no access rules")
            self.assertFalse(
                lines.filtered(lambda a: not a.group_id), f"{model.model} has a group-less access line"
            )
            readers = lines.filtered("perm_read").group_id
            self.assertTrue(
                manager & readers or manager.trans_implied_ids & readers,
                f"a salon manager cannot read {model.model}",
            )

    def test_masters_read_the_journal(self):
        master = self.env.ref("beauty_salon.beauty_salon_group_master")
        for name in READ_BY_MASTERS:
            readers = self.env["ir.model.access"].search(
                [("model_id.model", "=", name), ("perm_read", "=", True)]
            )
            self.assertIn(master, readers.group_id, f"masters cannot read {name}")

    def test_group_chain(self):
        master = self.env.ref("beauty_salon.beauty_salon_group_master")
        user = self.env.ref("beauty_salon.beauty_salon_group_user")
        manager = self.env.ref("beauty_salon.beauty_salon_group_manager")
        self.assertIn(master, user.trans_implied_ids)
        self.assertIn(user, manager.trans_implied_ids)
        self.assertNotIn(manager, user.trans_implied_ids)
