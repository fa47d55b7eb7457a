# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Profitability = revenue − materials − commission, the commission coming from the core hook
``beauty.visit.line._salon_commissions()``.

These tests hold the report to the hook's contract whatever it returns: here, without the payroll addon,
it returns {} and the margin is revenue − materials. The test with payroll's real commissions is a
cross-addon one (top-level ``tests/``), added when the payroll branch is merged.
"""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SalonStockCase


@tagged("post_install", "-at_install")
class TestProfitability(SalonStockCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["beauty.profitability.report"]
        cls.paid = cls.book_services(
            (cls.colour, cls.master_anna, "2030-03-04 10:00"),
            (cls.manicure, cls.master_olga, "2030-03-04 10:00"),
        )
        cls.paid.action_arrive()
        cls.paid.action_start()
        cls.env["beauty.visit.checkout"].create({"visit_id": cls.paid.id}).action_confirm()
        # Done but never checked out: no revenue, still a materials cost.
        cls.unpaid = cls.complete(cls.book_services((cls.colour, cls.master_olga, "2030-03-05 10:00")))

    def expected(self, line):
        revenue = sum(
            self.env["sale.order.line"]
            .search([("salon_visit_line_id", "=", line.id)])
            .mapped("price_subtotal")
        )
        materials = line._salon_material_costs().get(line.id, 0.0)
        commission = line._salon_commissions().get(line.id, 0.0)
        return revenue, materials, commission

    def test_margin_is_revenue_less_materials_less_the_hooks_commission(self):
        self.assertEqual(self.paid.state, "done")
        for line in self.paid.line_ids | self.unpaid.line_ids:
            revenue, materials, commission = self.expected(line)
            row = self.Report.search([("line_id", "=", line.id)])
            self.assertEqual(len(row), 1)
            self.assertAlmostEqual(row.revenue, revenue)
            self.assertAlmostEqual(row.material_cost, materials)
            self.assertAlmostEqual(row.commission, commission)
            self.assertAlmostEqual(row.margin, revenue - materials - commission)
        colour_line = self.paid.line_ids.filtered(lambda line: line.service_id == self.colour)
        self.assertAlmostEqual(self.expected(colour_line)[0], 6500.0, msg="the service's untaxed price")
        self.assertAlmostEqual(self.expected(colour_line)[1], 865.0)

    def test_without_commission_the_margin_is_revenue_less_materials(self):
        lines = self.paid.line_ids | self.unpaid.line_ids
        commissions = lines._salon_commissions()
        self.assertEqual(
            {line.id: line.salon_commission_amount for line in lines},
            {line.id: commissions.get(line.id, 0.0) for line in lines},
            "the commission noted on each booking is the hook's",
        )
        for line in lines.filtered(lambda line: not commissions.get(line.id)):
            revenue, materials, _commission = self.expected(line)
            row = self.Report.search([("line_id", "=", line.id)])
            self.assertEqual((row.commission, row.margin), (0.0, revenue - materials))

    def test_nightly_refresh_keeps_the_hooks_commission(self):
        lines = self.paid.line_ids
        self.env.cr.execute(
            "UPDATE beauty_visit_line SET salon_commission_amount = 999 WHERE id IN %s", [tuple(lines.ids)]
        )
        lines.invalidate_recordset(["salon_commission_amount"])
        with freeze_time("2030-03-10 03:00:00"):
            self.env["beauty.visit.line"]._cron_salon_refresh_commissions()
        commissions = lines._salon_commissions()
        self.assertEqual(
            [line.salon_commission_amount for line in lines],
            [commissions.get(line.id, 0.0) for line in lines],
        )

    def test_by_service_category_master_branch_and_visit(self):
        domain = [("visit_id", "in", (self.paid | self.unpaid).ids)]
        by_master = dict(self.Report._read_group(domain, ["master_id"], ["margin:sum"]))
        by_visit = dict(self.Report._read_group(domain, ["visit_id"], ["revenue:sum"]))
        by_branch = dict(self.Report._read_group(domain, ["company_id"], ["material_cost:sum"]))
        by_category = dict(self.Report._read_group(domain, ["service_categ_id"], ["__count"]))
        anna = sum(
            self.expected(line)[0] - self.expected(line)[1] - self.expected(line)[2]
            for line in self.paid.line_ids.filtered(lambda line: line.master_id == self.master_anna)
        )
        self.assertAlmostEqual(by_master[self.master_anna], anna)
        self.assertAlmostEqual(by_visit[self.unpaid], 0.0)
        self.assertAlmostEqual(by_branch[self.company], 865.0 + 40.0 + 665.0)
        self.assertEqual(sum(by_category.values()), 3)
