# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SalonFixtures, moscow


@tagged("post_install", "-at_install")
class TestBoardTours(HttpCase, SalonFixtures):
    """The board and the dashboard in a real browser (JS tours in static/tests/tours)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.build_salon(cls.env)
        cls.client_3 = cls.env["res.partner"].create({"name": "Client Sidorova"})
        Visit = cls.env["beauty.visit"]
        cls.visit_ivanova, cls.visit_petrova = Visit.create(
            [
                {
                    "name": name,
                    "partner_id": partner.id,
                    "line_ids": [
                        Command.create(
                            {"service_id": service.id, "master_id": master.id, "date_start": moscow(start)}
                        )
                    ],
                }
                for name, partner, service, master, start in (
                    ("VISIT-IVANOVA", cls.client, cls.haircut, cls.master_anna, "2030-03-04 10:00"),
                    ("VISIT-PETROVA", cls.client_2, cls.manicure, cls.master_olga, "2030-03-04 12:00"),
                )
            ]
        )

    # The refused move is logged by odoo.http as a warning: it is the expected answer here.
    @mute_logger("odoo.http")
    def test_board_tour(self):
        self.start_tour("/odoo/salon-board", "beauty_salon_board_tour", login="admin")
        self.env.invalidate_all()
        self.assertEqual(self.visit_ivanova.line_ids.master_id, self.master_irina)
        self.assertEqual(self.visit_ivanova.line_ids.date_start, moscow("2030-03-04 10:00"))
        self.assertEqual(self.visit_petrova.line_ids.master_id, self.master_olga)
        self.assertEqual(self.visit_petrova.line_ids.date_start, moscow("2030-03-04 12:00"))
        booked = self.env["beauty.visit.line"].search([("partner_id", "=", self.client_3.id)])
        self.assertEqual(booked.master_id, self.master_irina)
        self.assertEqual(booked.service_id, self.manicure)
        self.assertEqual(booked.date_start, moscow("2030-03-04 15:00"))
        self.assertEqual(booked.date_stop, moscow("2030-03-04 16:30"))

    def test_dashboard_tour(self):
        self.start_tour("/odoo/salon-dashboard", "beauty_salon_dashboard_tour", login="admin")
