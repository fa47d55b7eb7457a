# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import threading
from contextlib import contextmanager

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import ValidationError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import SalonFixtures, moscow


@contextmanager
def environment(**context):
    """A real, separate database connection and transaction (as in base's test_ir_sequence)."""
    registry = Registry(get_db_name())
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context)


@tagged("post_install", "-at_install", "concurrency")
class TestBookingConcurrency(BaseCase, SalonFixtures):
    """Two receptionists book the same master at the same moment: exactly one booking commits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with environment(tracking_disable=True) as env:
            cls.build_salon(env)
            cls.ref_ids = {
                "master": cls.master_anna.id,
                "service": cls.manicure.id,
                "partners": (cls.client | cls.client_2).ids,
            }
            cls.cleanup = [
                (
                    "product.product",
                    (
                        cls.haircut | cls.manicure | cls.colour | cls.massage | cls.body_wrap | cls.laser_hair
                    ).ids,
                ),
                ("hr.employee", (cls.master_anna | cls.master_olga | cls.master_irina).ids),
                ("resource.resource", (cls.room_1 | cls.room_2 | cls.laser).ids),
                ("beauty.resource.category", (cls.cat_room | cls.cat_laser).ids),
                ("res.partner", (cls.client | cls.client_2).ids),
                ("resource.calendar", cls.calendar.ids),
            ]
            env.cr.commit()

    @classmethod
    def tearDownClass(cls):
        with environment() as env:
            visits = env["beauty.visit"].search([("partner_id", "in", cls.ref_ids["partners"])])
            visits.line_ids.unlink()
            visits.unlink()
            for model, ids in cls.cleanup:
                records = env[model].browse(ids).exists()
                if model == "product.product":
                    templates = records.product_tmpl_id
                    records.unlink()
                    templates.unlink()
                else:
                    records.unlink()
            env.cr.commit()
        super().tearDownClass()

    def visit_vals(self, partner_id, start):
        return {
            "partner_id": partner_id,
            "line_ids": [
                Command.create(
                    {
                        "service_id": self.ref_ids["service"],
                        "master_id": self.ref_ids["master"],
                        "date_start": moscow(start),
                    }
                )
            ],
        }

    @mute_logger("odoo.sql_db")
    def test_second_transaction_is_refused_by_the_database(self):
        first, second = self.ref_ids["partners"]
        with environment(lang="ru_RU") as env_a, environment(lang="ru_RU") as env_b:
            env_b.cr.execute("SELECT 1")  # B's snapshot is taken before A commits
            visit_a = env_a["beauty.visit"].create(self.visit_vals(first, "2030-03-04 10:00"))
            env_a.cr.commit()
            # B cannot see A's booking in its snapshot, so no Python check could stop it: PostgreSQL does.
            self.assertFalse(env_b["beauty.visit"].search([("id", "=", visit_a.id)]))
            with self.assertRaises(ValidationError) as caught:
                env_b["beauty.visit"].create(self.visit_vals(second, "2030-03-04 10:30"))
            self.assertIn("Это время только что занял кто-то другой", str(caught.exception))
            env_b.cr.rollback()
        with environment() as env:
            visits = env["beauty.visit"].search(
                [("partner_id", "in", self.ref_ids["partners"]), ("state", "=", "draft")]
            )
            self.assertEqual(visits.ids, [visit_a.id])

    @mute_logger("odoo.sql_db")
    def test_simultaneous_inserts_from_two_threads(self):
        """Both transactions insert before either commits; the second waits on the first, then fails."""
        partners = self.ref_ids["partners"]
        barrier = threading.Barrier(2, timeout=30)
        outcome = {}

        def book(index):
            with environment() as env:
                env.cr.execute("SET LOCAL lock_timeout = '20s'")
                barrier.wait()
                try:
                    env["beauty.visit"].create(self.visit_vals(partners[index], "2030-03-04 15:00"))
                    env.cr.commit()
                    outcome[index] = "committed"
                except ValidationError as error:
                    env.cr.rollback()
                    outcome[index] = str(error)

        threads = [threading.Thread(target=book, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(sorted(outcome), [0, 1])
        self.assertEqual(list(outcome.values()).count("committed"), 1, outcome)
        with environment() as env:
            env.cr.execute(
                """SELECT count(*) FROM beauty_busy_slot a JOIN beauty_busy_slot b
                    ON a.resource_id = b.resource_id AND a.id < b.id
                   AND a.kind = 'master' AND b.kind = 'master'
                   AND tsrange(a.date_start, a.date_stop, '[)') && tsrange(b.date_start, b.date_stop, '[)')"""
            )
            self.assertEqual(env.cr.fetchone()[0], 0)
