# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BeautySalonCase, moscow

NOW = "2030-03-20 12:00"  # Moscow time: a Wednesday in March 2030


@tagged("post_install", "-at_install")
class TestDashboard(BeautySalonCase):
    """Every figure of the owner's dashboard on a small salon whose numbers are worked out by hand.

    March 2030 (the period) against February 2030, seen on 20 March at noon, Moscow time:

    * Ivanova: done 10.01.2029, 01.06.2029, 01.09.2029 and 04.03.2030 (haircut 2,500 + shampoo 900);
    * Petrova: done 05.03 (manicure 2,000), no-show 10.03, booked again for 25.03;
    * Client C: done 10.02 (manicure 2,000): February's only client;
    * Client D: last done 10.03.2029: lost in March 2030;
    * Client E: last done 01.12.2029: sleeping;
    * Client F: done today at 10:00 (manicure 2,000);
    * Client G: cancelled two hours before her 12.03 booking (late), Client H three weeks before (in time).

    The client analysis snapshot was taken last night (as of 19 March), so Client F is a new client
    counted from the visits made since.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Moscow"))
        cls.Dashboard = cls.env["beauty.dashboard"]
        cls.shampoo = cls.env["product.product"].create(
            {"name": "Shampoo", "type": "consu", "list_price": 900.0}
        )
        Partner = cls.env["res.partner"]
        cls.client_c, cls.client_d, cls.client_e, cls.client_f, cls.client_g, cls.client_h = Partner.create(
            [{"name": f"Client {letter}"} for letter in "CDEFGH"]
        )
        for start in ("2029-01-10 10:00", "2029-06-01 10:00", "2029-09-01 10:00"):
            cls.done_visit(cls.client, cls.haircut, cls.master_anna, start)
        cls.visit_ivanova = cls.done_visit(
            cls.client, cls.haircut, cls.master_anna, "2030-03-04 10:00", retail=cls.shampoo
        )
        cls.done_visit(cls.client_2, cls.manicure, cls.master_olga, "2030-03-05 10:00")
        cls.done_visit(cls.client_c, cls.manicure, cls.master_olga, "2030-02-10 10:00")
        cls.done_visit(cls.client_d, cls.manicure, cls.master_irina, "2029-03-10 10:00")
        cls.done_visit(cls.client_e, cls.manicure, cls.master_irina, "2029-12-01 10:00")
        cls.done_visit(cls.client_f, cls.manicure, cls.master_irina, "2030-03-20 10:00")
        with freeze_time(moscow("2030-03-10 11:00")):
            cls.booking(cls.client_2, cls.manicure, cls.master_olga, "2030-03-10 10:00").action_no_show()
        with freeze_time(moscow("2030-03-12 08:00")):
            cls.booking(cls.client_g, cls.manicure, cls.master_irina, "2030-03-12 10:00").action_cancel("Ill")
        with freeze_time(moscow("2030-02-22 10:00")):
            cls.booking(cls.client_h, cls.manicure, cls.master_irina, "2030-03-15 10:00").action_cancel(
                "Trip"
            )
        with freeze_time(moscow("2030-03-20 11:30")):
            cls.booking(cls.client_2, cls.manicure, cls.master_olga, "2030-03-25 10:00").action_confirm()
        cls.Analysis = cls.env["beauty.client.analysis"]
        cls.Analysis._compute_snapshot(date(2030, 3, 19))

    @classmethod
    def booking(cls, partner, service, master, start):
        return cls.env["beauty.visit"].create(
            {
                "partner_id": partner.id,
                "line_ids": [
                    Command.create(
                        {"service_id": service.id, "master_id": master.id, "date_start": moscow(start)}
                    )
                ],
            }
        )

    @classmethod
    def done_visit(cls, partner, service, master, start, retail=None):
        """A visit served and checked out (confirmed sale order) at its end."""
        with freeze_time(moscow(start) + timedelta(hours=1)):
            visit = cls.booking(partner, service, master, start)
            visit.action_arrive()
            visit.action_done()
            order = visit._create_sale_order()
            if retail:
                order.order_line = [
                    Command.create(
                        {"product_id": retail.id, "product_uom_qty": 1.0, "salon_master_id": master.id}
                    )
                ]
            order.action_confirm()
        return visit

    def dashboard(self, **kwargs):
        with freeze_time(moscow(NOW)):
            return self.Dashboard.get_dashboard_data("month", **kwargs)

    def test_period_bounds(self):
        data = self.dashboard()
        self.assertEqual((data["start"], data["stop"]), ("2030-03-01", "2030-03-31"))
        self.assertEqual((data["previous_start"], data["previous_stop"]), ("2030-02-01", "2030-02-28"))
        with freeze_time(moscow(NOW)):
            week = self.Dashboard.get_dashboard_data("week")
        self.assertEqual(
            (week["start"], week["stop"], week["previous_start"]), ("2030-03-18", "2030-03-24", "2030-03-11")
        )

    def test_revenue_today_period_and_average_check(self):
        revenue = self.dashboard()["revenue"]
        self.assertEqual(revenue["today"], {"service": 2000.0, "retail": 0.0, "total": 2000.0})
        self.assertEqual(revenue["period"]["current"], {"service": 6500.0, "retail": 900.0, "total": 7400.0})
        self.assertEqual(revenue["period"]["previous"], {"service": 2000.0, "retail": 0.0, "total": 2000.0})
        self.assertEqual(revenue["visit_revenue"], {"current": 7400.0, "previous": 2000.0})
        self.assertEqual(revenue["average_check"], {"current": 2466.67, "previous": 2000.0})

    def test_revenue_follows_a_changed_order_date(self):
        """The lines carry their order's date: moving the order moves its revenue to the other month."""
        self.visit_ivanova.sale_order_id.date_order = moscow("2030-02-15 12:00")
        revenue = self.dashboard()["revenue"]["period"]
        self.assertEqual(revenue["current"]["total"], 4000.0)
        self.assertEqual(revenue["previous"], {"service": 4500.0, "retail": 900.0, "total": 5400.0})

    def test_visits_no_shows_and_late_cancellations(self):
        visits = self.dashboard()["visits"]
        self.assertEqual(visits["done"], {"current": 3, "previous": 1})
        self.assertEqual(visits["paid"], {"current": 3, "previous": 1})
        self.assertEqual(visits["booked"], {"current": 5, "previous": 1})
        # Due in March: 3 done, the no-show and the late cancellation (not the future booking, not H).
        self.assertEqual(visits["due"], {"current": 5, "previous": 1})
        self.assertEqual(visits["no_show_rate"], {"current": 20.0, "previous": 0.0})
        self.assertEqual(visits["late_cancel_rate"], {"current": 20.0, "previous": 0.0})

    def test_late_cancellation_window_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("beauty_salon.late_cancel_hours", "1")
        visits = self.dashboard()["visits"]
        self.assertEqual(visits["late_cancel"]["current"], 0)
        self.assertEqual(visits["due"]["current"], 4)
        self.assertEqual(visits["no_show_rate"]["current"], 25.0)

    def test_new_returning_lost_and_sleeping_clients(self):
        clients = self.dashboard()["clients"]
        self.assertEqual(clients["new"], {"current": 2, "previous": 1})
        self.assertEqual(clients["returning"], {"current": 1, "previous": 0})
        self.assertEqual(clients["lost"], {"current": 1, "previous": 0})
        self.assertEqual(clients["sleeping"], 1)
        self.assertEqual((clients["sleeping_days"], clients["lost_days"]), (90, 365))
        self.assertEqual(clients["as_of"], "2030-03-19")

    def test_new_clients_without_a_snapshot_come_from_the_visits(self):
        self.Analysis.search([]).unlink()
        clients = self.dashboard()["clients"]
        self.assertEqual(clients["new"], {"current": 2, "previous": 1})
        self.assertEqual(clients["returning"], {"current": 1, "previous": 0})
        self.assertEqual((clients["lost"]["current"], clients["sleeping"], clients["as_of"]), (0, 0, False))

    def test_occupancy_per_master_and_branch(self):
        occupancy = self.dashboard()["occupancy"]
        # 10 working hours a day, 31 days, 3 masters; 4 hours booked (the no-show keeps no time).
        self.assertEqual(occupancy["rate"], {"current": 0.4, "previous": 0.1})
        by_master = {
            row["master_id"]: (row["booked"], row["scheduled"], row["rate"]) for row in occupancy["masters"]
        }
        self.assertEqual(
            by_master,
            {
                self.master_anna.id: (1.0, 310.0, 0.3),
                self.master_olga.id: (2.0, 310.0, 0.6),
                self.master_irina.id: (1.0, 310.0, 0.3),
            },
        )
        self.assertEqual(
            occupancy["branches"],
            [
                {
                    "company_id": self.company.id,
                    "name": self.company.name,
                    "booked": 4.0,
                    "scheduled": 930.0,
                    "rate": 0.4,
                }
            ],
        )

    def test_top_services(self):
        top = self.dashboard()["top_services"]
        self.assertEqual(
            [(row["product_id"], row["count"], row["amount"]) for row in top],
            [(self.manicure.id, 2.0, 4000.0), (self.haircut.id, 1.0, 2500.0)],
        )

    def test_rfm_segments_and_abc_classes(self):
        rows = self.Analysis._compute_snapshot(date(2030, 3, 20))
        self.assertEqual(rows, 6)
        snapshot = {
            rfm.partner_id: (
                rfm.recency_days,
                rfm.frequency,
                rfm.monetary,
                rfm.rfm_score,
                rfm.segment,
                rfm.abc_class,
            )
            for rfm in self.Analysis.search([])
        }
        self.assertEqual(
            snapshot,
            {
                self.client: (16, 3, 8400.0, "535", "loyal", "a"),
                self.client_2: (15, 1, 2000.0, "512", "new", "a"),
                self.client_c: (38, 1, 2000.0, "412", "new", "a"),
                self.client_d: (375, 0, 0.0, "111", "lost", "c"),
                self.client_e: (109, 1, 2000.0, "212", "sleeping", "a"),
                self.client_f: (0, 1, 2000.0, "512", "new", "b"),
            },
        )
        ivanova = self.Analysis.search([("partner_id", "=", self.client.id)])
        self.assertEqual(
            (ivanova.first_visit_date, ivanova.last_visit_date),
            (moscow("2029-01-10 10:00"), moscow("2030-03-04 10:00")),
        )
        self.assertEqual(
            (ivanova.visit_count, ivanova.company_id, ivanova.first_company_id),
            (4, self.company, self.company),
        )
        rfm = self.dashboard()["rfm"]
        self.assertEqual(rfm["as_of"], "2030-03-20")
        segments = {row["key"]: (row["count"], row["amount"]) for row in rfm["segments"]}
        self.assertEqual(segments["new"], (3, 6000.0))
        self.assertEqual(segments["champions"], (0, 0.0))
        abc = {row["key"]: (row["count"], row["share"]) for row in rfm["abc"]}
        self.assertEqual(abc, {"a": (4, 87.8), "b": (1, 12.2), "c": (1, 0.0)})

    def test_other_branches_are_left_out(self):
        branch = self.env["res.company"].create({"name": "Second branch"})
        seller = self.env["hr.employee"].create(
            {"name": "Seller", "company_id": branch.id, "is_salon_master": True}
        )
        with freeze_time(moscow("2030-03-06 12:00")):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.client.id,
                    "company_id": branch.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.shampoo.id,
                                "product_uom_qty": 2.0,
                                "salon_master_id": seller.id,
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
        both = self.Dashboard.with_context(allowed_company_ids=[self.company.id, branch.id])
        with freeze_time(moscow(NOW)):
            self.assertEqual(
                both.get_dashboard_data("month")["revenue"]["period"]["current"]["retail"], 2700.0
            )
            main_only = both.get_dashboard_data("month", company_ids=[self.company.id])
            self.assertEqual(main_only["revenue"]["period"]["current"]["retail"], 900.0)
            not_allowed = self.Dashboard.with_context(
                allowed_company_ids=[self.company.id]
            ).get_dashboard_data("month", company_ids=[branch.id])
        self.assertEqual(not_allowed["company_ids"], [self.company.id])

    def test_figures_open_their_report(self):
        with freeze_time(moscow(NOW)):
            action = self.Dashboard.action_open("no_show", "month")
            segment = self.Dashboard.action_open("segment", "month", value="lost")
            sleeping = self.Dashboard.action_open("sleeping", "month")
        self.assertEqual(self.Analysis.search(sleeping["domain"]).partner_id, self.client_e)
        self.assertEqual(action["res_model"], "beauty.booking.report")
        self.assertIn(("state", "=", "no_show"), action["domain"])
        self.assertEqual(action["context"], {"search_default_group_master": 1})
        no_shows = self.env["beauty.booking.report"].search(action["domain"])
        self.assertEqual(no_shows.partner_id, self.client_2)
        self.assertEqual(segment["res_model"], "beauty.client.analysis")
        self.assertIn(("segment", "=", "lost"), segment["domain"])

    def test_sleeping_clients_are_won_back_from_their_list(self):
        manager = self.make_user("dash_winback", "beauty_salon_group_manager")
        Dashboard = self.Dashboard.with_user(manager)
        with freeze_time(moscow(NOW)):
            sleeping = Dashboard.action_open("sleeping", "month")
        self.assertEqual(sleeping["views"][0], (False, "list"))
        clients = self.Analysis.with_user(manager).search(sleeping["domain"])
        self.assertEqual(clients.partner_id, self.client_e)
        winback = self.env.ref("beauty_salon.beauty_client_analysis_action_winback").with_user(manager)
        result = winback.with_context(active_model=clients._name, active_ids=clients.ids).run()
        self.assertEqual(result["params"]["type"], "success")
        tag = self.env.ref("beauty_salon.crm_tag_salon_winback")
        leads = self.env["crm.lead"].search([("tag_ids", "in", tag.ids)])
        self.assertEqual(leads.partner_id, self.client_e)
        self.assertEqual(leads.user_id, manager)

    def test_only_managers_see_the_dashboard(self):
        reception = self.make_user("dash_reception", "beauty_salon_group_user")
        manager = self.make_user("dash_manager", "beauty_salon_group_manager")
        with self.assertRaises(AccessError):
            self.Dashboard.with_user(reception).get_dashboard_data("month")
        with self.assertRaises(AccessError):
            self.Analysis.with_user(reception).action_recompute()
        with freeze_time(moscow(NOW)):
            data = self.Dashboard.with_user(manager).get_dashboard_data("month")
            self.assertEqual(self.Analysis.with_user(manager).action_recompute(), 6)
        self.assertEqual(data["visits"]["done"]["current"], 3)
        self.assertTrue(data["can_recompute"])
