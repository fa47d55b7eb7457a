# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests import tagged

from .common import PayrollCase

WEEK = [("date", ">=", "2030-03-04"), ("date", "<=", "2030-03-10")]
MEASURES = [
    "service_revenue:sum",
    "retail_revenue:sum",
    "visit_count:sum",
    "client_count:sum",
    "average_check:avg",
    "occupancy_rate:avg",
    "returning_rate:avg",
    "rebooking_rate:avg",
    "no_show_rate:avg",
    "commission:sum",
    "scheduled_hours:sum",
    "booked_hours:sum",
]


@tagged("post_install", "-at_install")
class TestStaffPerformance(PayrollCase):
    """A hand-built week of Anna (Monday 4 to Sunday 10 March 2030, 10 scheduled hours a day).

    Mon: haircut for client A (2,500), Tue: manicure for client B (2,000) and a shampoo (900),
    Wed: haircut for A again, Thu: B does not come, Sun: C cancels. 40 % on services, 10 % on retail.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme(cls.master_anna, service_rate=40, retail_rate=10)
        client_a, client_b, client_c = (
            cls.client,
            cls.client_2,
            cls.env["res.partner"].create({"name": "Client C"}),
        )
        cls.monday = cls.book(cls, cls.haircut, cls.master_anna, "2030-03-04 10:00", partner=client_a)
        cls.checkout(cls, cls.monday, "2030-03-04")
        cls.tuesday = cls.book(cls, cls.manicure, cls.master_anna, "2030-03-05 10:00", partner=client_b)
        cls.checkout(cls, cls.tuesday, "2030-03-05", products=[(cls.shampoo, 1, cls.master_anna)])
        cls.wednesday = cls.book(cls, cls.haircut, cls.master_anna, "2030-03-06 10:00", partner=client_a)
        cls.checkout(cls, cls.wednesday, "2030-03-06")
        cls.book(cls, cls.manicure, cls.master_anna, "2030-03-07 10:00", partner=client_b).action_no_show()
        cls.book(cls, cls.haircut, cls.master_anna, "2030-03-10 10:00", partner=client_c).action_cancel("Ill")
        cls.sheet = cls.make_sheet(cls, cls.master_anna)

    def week(self, groupby=()):
        Report = self.env["beauty.staff.performance.report"]
        domain = [("master_id", "=", self.master_anna.id), *WEEK]
        return [
            dict(zip([*groupby, *MEASURES], values, strict=True))
            for values in Report._read_group(domain, list(groupby), MEASURES)
        ]

    def test_week_figures(self):
        [week] = self.week()
        self.assertEqual((week["service_revenue:sum"], week["retail_revenue:sum"]), (7000.0, 900.0))
        self.assertEqual((week["visit_count:sum"], week["client_count:sum"]), (3, 2))
        self.assertAlmostEqual(week["average_check:avg"], 7900 / 3, places=2)
        self.assertEqual((week["booked_hours:sum"], week["scheduled_hours:sum"]), (3.0, 70.0))
        self.assertAlmostEqual(week["occupancy_rate:avg"], 300 / 70, places=4)
        self.assertAlmostEqual(week["returning_rate:avg"], 100 / 3, places=4)
        self.assertAlmostEqual(week["rebooking_rate:avg"], 100 / 3, places=4)
        self.assertEqual(week["no_show_rate:avg"], 25.0)
        self.assertEqual(week["commission:sum"], 1000.0 + 800.0 + 90.0 + 1000.0)

    def test_figures_by_day(self):
        days = {str(row["date:day"])[:10]: row for row in self.week(["date:day"])}
        self.assertEqual(len(days), 7)
        self.assertEqual(days["2030-03-05"]["visit_count:sum"], 1)
        self.assertEqual(days["2030-03-05"]["average_check:avg"], 2900.0)
        self.assertEqual(days["2030-03-07"]["no_show_rate:avg"], 100.0)
        self.assertEqual(days["2030-03-08"]["occupancy_rate:avg"], 0.0)
        self.assertEqual(days["2030-03-10"]["scheduled_hours:sum"], 10.0)

    def test_pivot_read_group(self):
        """The pivot's own call: ratio measures are computed per cell, not averaged over rows."""
        groups = self.env["beauty.staff.performance.report"].read_group(
            [("master_id", "=", self.master_anna.id), *WEEK],
            ["occupancy_rate:avg", "visit_count:sum", "service_revenue:sum"],
            ["master_id"],
            lazy=False,
        )
        self.assertEqual(len(groups), 1)
        self.assertAlmostEqual(groups[0]["occupancy_rate"], 300 / 70, places=4)
        self.assertEqual((groups[0]["visit_count"], groups[0]["service_revenue"]), (3, 7000.0))

    def test_printable_summary(self):
        wizard = self.env["beauty.staff.performance.print"].create(
            {"date_from": "2030-03-04", "date_to": "2030-03-10"}
        )
        rows, total = wizard._summary()
        anna = next(row for row in rows if row["master"] == self.master_anna)
        self.assertEqual((anna["visit_count"], anna["client_count"], anna["commission"]), (3, 2, 2890.0))
        self.assertEqual(total["service_revenue"], 7000.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "beauty_salon_payroll.beauty_staff_performance_summary_report_action", wizard.ids
            )[0]
            .decode()
        )
        self.assertIn("Anna Master", html)
        self.assertIn("4.3", html)
        self.assertEqual(
            wizard.with_context(discard_logo_check=True).action_print()["report_name"],
            "beauty_salon_payroll.report_staff_performance_summary",
        )

    def test_pay_statement_prints(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("beauty_salon_payroll.beauty_payroll_sheet_report_action", self.sheet.ids)[0]
            .decode()
        )
        self.assertIn(self.sheet.name, html)
        self.assertIn("Shampoo", html)

    def test_commissions_hook_for_the_stock_addon(self):
        lines = (self.monday | self.tuesday | self.wednesday).line_ids
        commissions = lines._salon_commissions()
        self.assertEqual(
            commissions,
            {
                self.monday.line_ids.id: 1000.0,
                self.tuesday.line_ids.id: 800.0,
                self.wednesday.line_ids.id: 1000.0,
            },
        )
