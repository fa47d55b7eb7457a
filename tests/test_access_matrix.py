# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access matrix (``docs/access_matrix.csv``) against Odoo's real access checks.

One line per model and role: ``read``/``write``/``create``/``unlink`` (1 or 0) and ``scope``, which records
the role reads: ``own`` (where it is the master, ``scope_path`` leads to the master), ``branch`` (its
companies; ``scope_path`` leads to the company when it is not ``company_id``), ``all`` or ``none``.

Every ``beauty.*`` model and every salon group must be in the table; for each model and role the test
asks Odoo (``has_access``) whether the role may read, write, create and delete, and evaluates the record
rules with ``with_user`` on real records of two masters of one branch and of a second branch. A model
added without a line in the table, or an access line or rule that drifts from it, fails here.
"""

import csv
from datetime import date
from pathlib import Path

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

# pylint cannot resolve odoo.addons.* without the addons path; Odoo imports it at run time.
from odoo.addons.beauty_salon.tests.common import moscow  # pylint: disable=import-error

MATRIX = Path(__file__).resolve().parent.parent / "docs" / "access_matrix.csv"
OPERATIONS = ("read", "write", "create", "unlink")
SCOPES = ("none", "own", "branch", "all")
# The roles of the table and the groups a test user of each role gets.
ROLES = {
    "employee": "base.group_user",
    "master": "base.group_user,beauty_salon.beauty_salon_group_master",
    "reception": "base.group_user,beauty_salon.beauty_salon_group_user",
    "manager": "base.group_user,beauty_salon.beauty_salon_group_manager",
    "accountant": "base.group_user,account.group_account_user",
}
SALON_GROUPS = {
    "beauty_salon.beauty_salon_group_master": "master",
    "beauty_salon.beauty_salon_group_user": "reception",
    "beauty_salon.beauty_salon_group_manager": "manager",
}


def read_matrix():
    """``{(model, role): row}`` of the table (perms as booleans)."""
    with MATRIX.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    matrix = {}
    for row in rows:
        key = (row["model"], row["role"])
        assert key not in matrix, f"{key} is twice in {MATRIX.name}"
        for op in OPERATIONS:
            assert row[op] in ("0", "1"), f"{key}: {op} must be 0 or 1"
            row[op] = row[op] == "1"
        assert row["scope"] in SCOPES, f"{key}: unknown scope {row['scope']!r}"
        matrix[key] = row
    return matrix


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, salon_no_messages=True))
        cls.matrix = read_matrix()
        cls.build_fixture()

    # ------------------------------------------------------------------ fixture: one of everything
    @classmethod
    def build_fixture(cls):
        """Two branches, two masters in the first and one in the second, a test user per role."""
        env = cls.env
        cls.branch_a = env.company
        cls.branch_b = env["res.company"].create(
            {"name": "Second branch", "currency_id": cls.branch_a.currency_id.id}
        )
        calendar = env["resource.calendar"].create(
            {
                "name": "Matrix 09-20",
                "tz": "Europe/Moscow",
                "company_id": False,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create({"name": str(day), "dayofweek": str(day), "hour_from": 9, "hour_to": 20})
                    for day in range(7)
                ],
            }
        )
        Employee = env["hr.employee"]
        cls.master_a1, cls.master_a2, cls.master_b = Employee.create(
            [
                {
                    "name": name,
                    "is_salon_master": True,
                    "company_id": company.id,
                    "resource_calendar_id": calendar.id,
                }
                for name, company in (("A1", cls.branch_a), ("A2", cls.branch_a), ("B1", cls.branch_b))
            ]
        )
        cls.users = {
            role: new_test_user(
                env,
                login=f"matrix_{role}",
                groups=groups,
                company_id=cls.branch_a.id,
                company_ids=[Command.set(cls.branch_a.ids)],
            )
            for role, groups in ROLES.items()
        }
        cls.master_a1.user_id = cls.users["master"]
        Product = env["product.product"]
        cls.service = Product.create(
            {
                "name": "Matrix haircut",
                "type": "service",
                "is_salon_service": True,
                "salon_duration": 1.0,
                "list_price": 1000.0,
                "salon_master_ids": [Command.set((cls.master_a1 | cls.master_a2 | cls.master_b).ids)],
            }
        )
        cls.material = Product.create({"name": "Matrix dye", "type": "consu"})
        cls.client = env["res.partner"].create({"name": "Matrix client", "phone": "+7 916 000-00-01"})
        cls.records = {}
        for company, master, hour in (
            (cls.branch_a, cls.master_a1, 10),
            (cls.branch_a, cls.master_a2, 11),
            (cls.branch_b, cls.master_b, 12),
        ):
            cls._build(company, master, hour)

    @classmethod
    def _add(cls, records):
        cls.records[records._name] = cls.records.get(records._name, records.browse()) | records
        return records

    @classmethod
    def _build(cls, company, master, hour):
        """Records of every salon model in ``company``, belonging to ``master`` where they have an owner."""
        env = cls.env
        partner = cls._add(
            env["res.partner"].create({"name": f"Client {master.name}", "company_id": company.id})
        )
        cls._add(master)
        cls._add(env["product.template"].create({"name": f"Product {master.name}", "company_id": company.id}))
        cls._add(env["resource.resource"].create({"name": f"Room {master.name}", "company_id": company.id}))
        cls._add(env["crm.lead"].create({"name": f"Lead {master.name}", "company_id": company.id}))
        cls._add(env["sale.order"].create({"partner_id": cls.client.id, "company_id": company.id}))
        visit = cls._add(
            env["beauty.visit"].create(
                {
                    "partner_id": cls.client.id,
                    "company_id": company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "service_id": cls.service.id,
                                "master_id": master.id,
                                "date_start": moscow(f"2030-03-04 {hour}:00"),
                            }
                        )
                    ],
                }
            )
        )
        cls._add(visit.line_ids)
        cls._add(env["beauty.busy.slot"].search([("visit_id", "=", visit.id)]))
        cls._add(env["beauty.booking.attempt"].create({"ip_address": f"10.0.0.{hour}"}))
        cls._add(env["beauty.consent"].create({"partner_id": partner.id}))
        cls._add(
            env["beauty.message.log"].create(
                {
                    "partner_id": cls.client.id,
                    "purpose": "winback",
                    "key": master.name,
                    "company_id": company.id,
                }
            )
        )
        Rule = env["beauty.message.rule"]
        cls._add(
            Rule.search([("company_id", "=", company.id)], limit=1)
            or Rule.create({"purpose": "winback", "company_id": company.id})
        )
        cls._add(
            env["beauty.resource.category"].create({"name": f"Room {master.name}", "company_id": company.id})
        )
        cls._add(
            env["beauty.client.analysis"].create(
                {"partner_id": cls.client.id, "date": date(2030, 3, 1), "company_id": company.id}
            )
        )
        card = cls._add(
            env["beauty.cost.card"].create(
                {"service_tmpl_id": cls.service.product_tmpl_id.id, "company_id": company.id}
            )
        )
        cls._add(env["beauty.cost.card.line"].create({"card_id": card.id, "product_id": cls.material.id}))
        cls._add(
            env["beauty.visit.consumption"].create(
                {"visit_id": visit.id, "line_id": visit.line_ids.id, "product_id": cls.material.id}
            )
        )
        scheme = cls._add(
            env["beauty.payroll.scheme"].create({"name": master.name, "company_id": company.id})
        )
        cls._add(
            env["beauty.payroll.scheme.rule"].create(
                {"scheme_id": scheme.id, "product_tmpl_id": cls.service.product_tmpl_id.id, "rate": 10}
            )
        )
        cls._add(
            env["beauty.payroll.scheme.tier"].create({"scheme_id": scheme.id, "threshold": 0, "rate": 10})
        )
        cls._add(
            env["beauty.payroll.assignment"].create(
                {"scheme_id": scheme.id, "employee_id": master.id, "date_from": date(2030, 1, 1)}
            )
        )
        cls._add(
            env["beauty.payroll.batch"].create(
                {"company_id": company.id, "date_from": date(2030, 5, 1), "date_to": date(2030, 5, 31)}
            )
        )
        sheet = cls._add(
            env["beauty.payroll.sheet"].create(
                {
                    "employee_id": master.id,
                    "company_id": company.id,
                    "date_from": date(2030, 3, 1),
                    "date_to": date(2030, 3, 31),
                }
            )
        )
        cls._add(
            env["beauty.payroll.sheet.line"].create(
                {"sheet_id": sheet.id, "kind": "bonus", "name": "Bonus", "date": date(2030, 3, 5)}
            )
        )
        cls._add(env["beauty.payroll.timesheet"].create({"sheet_id": sheet.id, "date": date(2030, 3, 5)}))
        cls._add(
            env["beauty.payroll.adjustment"].create(
                {
                    "employee_id": master.id,
                    "company_id": company.id,
                    "amount": 100,
                    "reason": "Bonus",
                    "date": date(2030, 3, 5),
                }
            )
        )
        pack = cls._add(
            env["beauty.visit.pack"].create(
                {
                    "partner_id": cls.client.id,
                    "company_id": company.id,
                    "product_id": cls.service.id,
                    "service_ids": [Command.set(cls.service.ids)],
                    "session_count": 5,
                    "date_start": date(2030, 3, 1),
                }
            )
        )
        cls._add(
            env["beauty.visit.pack.change"].create(
                {"pack_id": pack.id, "kind": "extension", "extra_days": 10, "reason": "Holiday"}
            )
        )
        cls._add(
            env["beauty.visit.pack.usage"].create(
                {"pack_id": pack.id, "quantity": 1, "date": date(2030, 3, 5)}
            )
        )

    # ------------------------------------------------------------------ helpers
    def salon_models(self):
        """Every model of our addons (named beauty.*) that has records."""
        models = self.env["ir.model"].search([("model", "=like", "beauty.%")]).mapped("model")
        return {name for name in models if not self.env[name]._abstract}

    def observed_scope(self, model, role, row):
        """What the record rules let ``role`` read of the fixture's (or, for reports, all) records."""
        Model = self.env[model]
        records = self.records.get(model, Model.browse()).sudo() if Model._auto else Model.sudo().search([])
        user = self.users[role]
        visible = Model.with_user(user).search([("id", "in", records.ids)]).sudo()
        filtered = records.with_user(user)._filtered_access("read").sudo()
        self.assertEqual(visible, filtered, f"{model}/{role}: search and access check disagree")
        branch_path = row["scope_path"] if row["scope"] == "branch" and row["scope_path"] else "company_id"
        has_branch = branch_path in Model._fields or "." in branch_path
        self.assertTrue(
            has_branch or row["scope"] in ("none", "all"), f"{model}/{role}: no branch to scope by"
        )
        self.assertTrue(
            row["scope"] != "own" or row["scope_path"], f"{model}/{role}: own needs the master's path"
        )
        in_branch = records
        if has_branch:
            in_branch = records.filtered(lambda r: r.mapped(branch_path) <= user.company_ids)
        expected = {"none": records.browse(), "all": records, "branch": in_branch}
        if row["scope"] == "own":
            owners = row["scope_path"]
            expected["own"] = in_branch.filtered(lambda r: user in r.mapped(owners).user_id)
        return visible, expected[row["scope"]], records

    # ------------------------------------------------------------------ tests
    def test_matrix_covers_every_salon_model_and_role(self):
        models = self.salon_models()
        in_table = {model for model, _role in self.matrix}
        self.assertEqual(sorted(models - in_table), [], f"models missing from {MATRIX.name}")
        unknown = {model for model in in_table if model not in self.env}
        self.assertEqual(sorted(unknown), [], f"models in {MATRIX.name} that do not exist")
        for model in in_table:
            roles = {role for name, role in self.matrix if name == model}
            self.assertEqual(roles, set(ROLES), f"{model}: one line per role")

    def test_matrix_covers_every_salon_group(self):
        category = self.env.ref("beauty_salon.module_category_beauty_salon")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        xmlids = set(groups.get_external_id().values())
        self.assertEqual(xmlids, set(SALON_GROUPS), "every salon group must be a role of the access matrix")

    def test_permissions_match_the_matrix(self):
        drift = []
        for (model, role), row in sorted(self.matrix.items()):
            Model = self.env[model].with_user(self.users[role])
            for op in OPERATIONS:
                if Model.has_access(op) != row[op]:
                    drift.append(f"{model} {role} {op}: table says {int(row[op])}")
        self.assertEqual(drift, [], "access lines drifted from the access matrix")

    def test_record_rules_match_the_matrix(self):
        drift, untested = [], []
        for (model, role), row in sorted(self.matrix.items()):
            Model = self.env[model]
            if Model._transient:
                self.assertEqual(
                    row["scope"], "all" if row["read"] else "none", f"{model}/{role}: wizard scope"
                )
                continue
            self.assertEqual(row["scope"] == "none", not row["read"], f"{model}/{role}: scope none = no read")
            if not row["read"]:
                continue
            if row["scope"] in ("own", "branch"):
                domain = self.env["ir.rule"].with_user(self.users[role])._compute_domain(model, "read")
                self.assertTrue(domain, f"{model}/{role}: {row['scope']} needs a record rule")
            visible, expected, records = self.observed_scope(model, role, row)
            if visible != expected:
                drift.append(
                    f"{model} {role}: sees {sorted(visible.ids)} of {sorted(records.ids)}, "
                    f"{row['scope']} means {sorted(expected.ids)}"
                )
            if row["scope"] in ("own", "branch") and not (records - expected) and Model._auto:
                untested.append(f"{model} {role}")
            for op in ("write", "unlink"):
                if row[op]:
                    allowed = (records & visible).with_user(self.users[role])._filtered_access(op).sudo()
                    if not allowed <= expected:
                        drift.append(f"{model} {role} may {op} records it must not see")
        self.assertEqual(drift, [], "record rules drifted from the access matrix")
        self.assertEqual(untested, [], "the fixture has no record outside these scopes")

    def test_another_branch_and_another_master_are_hidden(self):
        """The two promises the table encodes for the journal, spelled out."""
        visit_a1, visit_a2, visit_b = self.records["beauty.visit"]
        Visit = self.env["beauty.visit"]
        self.assertEqual(
            Visit.with_user(self.users["master"])
            .search([("id", "in", self.records["beauty.visit"].ids)])
            .ids,
            visit_a1.ids,
        )
        self.assertEqual(
            Visit.with_user(self.users["reception"]).search([("id", "in", self.records["beauty.visit"].ids)]),
            (visit_a1 | visit_a2).with_user(self.users["reception"]),
        )
        self.assertFalse(visit_b.with_user(self.users["manager"]).has_access("read"))
        self.assertFalse(visit_a2.with_user(self.users["master"]).has_access("write"))
