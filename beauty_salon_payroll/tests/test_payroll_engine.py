# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from odoo import Command
from odoo.tests import tagged

from ..models.payroll_engine import RevenueRow, Segment, compute_segment
from .common import PayrollCase

MARCH = (date(2030, 3, 1), date(2030, 3, 31))


@tagged("post_install", "-at_install")
class TestPayrollEngine(PayrollCase):
    """The pay arithmetic on hand-made revenue rows: every scheme kind, figures computed by hand."""

    def segment(self, scheme, rows=(), first=MARCH[0], last=MARCH[1], **extra):
        return Segment(first=first, last=last, scheme=scheme, period_days=31, rows=list(rows), **extra)

    def row(self, amount, product=None, **extra):
        return RevenueRow(
            date=date(2030, 3, 4), product=product or self.haircut, amount=amount, list_amount=amount, **extra
        )

    def compute(self, segment):
        return compute_segment(self.env, segment, self.company.currency_id)

    def test_tiers_marginal_and_whole_amount(self):
        """DOMAIN worked example: 0-100,000 -> 30 %, 100,000-200,000 -> 35 %, above -> 40 %; 150,000."""
        tiers = [
            Command.create({"threshold": threshold, "rate": rate})
            for threshold, rate in ((0, 30), (100000, 35), (200000, 40))
        ]
        marginal = self.Scheme.create({"name": "Marginal", "tier_mode": "marginal", "tier_ids": tiers})
        whole = self.Scheme.create({"name": "Whole", "tier_mode": "whole", "tier_ids": tiers})
        rows = [self.row(50000.0) for _index in range(3)]
        marginal_lines = self.compute(self.segment(marginal, rows))
        self.assertEqual(sum(line["amount"] for line in marginal_lines), 47500.0)
        # 47,500 spread over three equal services: rounding differences go to one line.
        self.assertEqual(sorted(line["amount"] for line in marginal_lines), [15833.33, 15833.33, 15833.34])
        whole_lines = self.compute(self.segment(whole, rows))
        self.assertEqual([line["amount"] for line in whole_lines], [17500.0] * 3)
        self.assertEqual(whole_lines[0]["rate"], 35.0)
        self.assertEqual(
            sum(line["amount"] for line in self.compute(self.segment(whole, rows * 2))), 120000.0
        )

    def test_consumables_deducted_before_the_percentage(self):
        """DOMAIN worked example: paid 3,000, materials 400, 40 %: (3,000 - 400) x 40 % = 1,040."""
        scheme = self.Scheme.create(
            {"name": "Net of materials", "service_rate": 40, "deduct_materials": True}
        )
        gross = self.Scheme.create({"name": "Gross", "service_rate": 40})
        paid = self.row(3000.0, materials=400.0)
        refunded = self.row(-3000.0, quantity=-1.0, materials=-400.0)
        self.assertEqual(self.compute(self.segment(scheme, [paid]))[0]["amount"], 1040.0)
        self.assertEqual(self.compute(self.segment(scheme, [refunded]))[0]["amount"], -1040.0)
        self.assertEqual(self.compute(self.segment(gross, [paid]))[0]["amount"], 1200.0)
        costly = self.row(300.0, materials=400.0)
        self.assertEqual(self.compute(self.segment(scheme, [costly]))[0]["base"], 0.0)

    def test_each_reduction_kind_can_lower_the_base(self):
        """A 4,000 service paid 1,000 by each kind: discounts and points are deducted by default."""
        reductions = {"discount": -1000.0, "points": -1000.0, "certificate": -1000.0, "pack": -1000.0}
        row = self.row(4000.0, reductions=reductions)
        default = self.Scheme.create({"name": "Default base", "service_rate": 10})
        everything = self.Scheme.create(
            {"name": "All deducted", "service_rate": 10, "deduct_certificates": True, "deduct_packs": True}
        )
        nothing = self.Scheme.create(
            {
                "name": "Nothing deducted",
                "service_rate": 10,
                "deduct_discounts": False,
                "deduct_points": False,
            }
        )
        on_list = self.Scheme.create(
            {"name": "List price", "service_rate": 10, "commission_base": "list", "deduct_packs": True}
        )
        self.assertEqual(self.compute(self.segment(default, [row]))[0]["base"], 2000.0)
        self.assertEqual(self.compute(self.segment(everything, [row]))[0]["base"], 0.0)
        self.assertEqual(self.compute(self.segment(nothing, [row]))[0]["base"], 4000.0)
        self.assertEqual(self.compute(self.segment(on_list, [row]))[0]["base"], 4000.0)

    def test_fixed_amount_per_service_on_top_of_the_rate(self):
        scheme = self.Scheme.create(
            {"name": "Rate and fixed", "service_rate": 10, "service_fixed_amount": 150}
        )
        lines = self.compute(self.segment(scheme, [self.row(2000.0, quantity=2.0)]))
        self.assertEqual(lines[0]["amount"], 2000.0 * 0.10 + 2 * 150.0)

    def test_salary_and_minimum_are_prorated_by_days(self):
        """31,000 a month and a 62,000 minimum over 10 of 31 days: 10,000 salary and a 10,000 top-up."""
        scheme = self.Scheme.create(
            {"name": "Salaried", "salary_mode": "period", "salary_amount": 31000, "minimum_amount": 62000}
        )
        lines = self.compute(self.segment(scheme, first=date(2030, 3, 22), last=date(2030, 3, 31)))
        by_kind = {line["kind"]: line["amount"] for line in lines}
        self.assertEqual(by_kind, {"salary": 10000.0, "minimum": 10000.0})

    def test_shift_and_hourly_pay(self):
        per_shift = self.Scheme.create({"name": "Shift", "salary_mode": "shift", "salary_amount": 1500})
        hourly = self.Scheme.create({"name": "Hourly", "salary_mode": "hour", "salary_amount": 300})
        shift_line = self.compute(self.segment(per_shift, shifts=3, worked_hours=25.5))[0]
        self.assertEqual(
            (shift_line["kind"], shift_line["quantity"], shift_line["amount"]), ("shift", 3, 4500.0)
        )
        hour_line = self.compute(self.segment(hourly, shifts=3, worked_hours=25.5))[0]
        self.assertEqual(
            (hour_line["kind"], hour_line["quantity"], hour_line["amount"]), ("hour", 25.5, 7650.0)
        )
