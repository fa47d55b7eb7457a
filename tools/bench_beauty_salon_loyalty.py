#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of ``beauty_salon_loyalty``; ``make bench`` runs it after the core benchmark (tools/bench.sh).

Usage::

    tools/bench_beauty_salon_loyalty.py [--db salon_bench_beauty_salon_loyalty] [--checkouts 30]

It builds (or reuses) its own database with ``beauty_salon`` and ``beauty_salon_loyalty`` installed without
demo data, the generated salon of ``data/salon_generator.py`` (masters, services, clients; no visit
history is needed here) and, bulk-inserted with SQL, a bonus-points program with 200,000 cards and
2,000,000 ledger lines: per card eight accruals of 100 points and two redemptions of 150, consistent with
oldest-first spending, one card in four holding an accrual that expired yesterday (50,000 accruals due).
Every measurement runs in a transaction that is rolled back, so the data set stays as generated.

Prints ``BENCH <name> <value> <unit>``:

* ``points_expiry_s`` — the daily expiry action over that ledger (target <= 60 s), its CPU time, the
  number of accruals it expired, the duration of a second run (idempotent: it expires nothing) and the
  cards whose balance differs from the sum of their ledger afterwards (must be 0);
* ``checkout_with_loyalty_p50_ms`` — checkout of a visit by a receptionist, with a cumulative discount
  card and bonus points applied, invoiced and paid (target <= 150 ms), its p95, the part of it until
  the order is confirmed with its loyalty (``..._order_p50_ms``; the rest is Odoo's invoice, posting and
  payment), its CPU time (``..._cpu_p50_ms``: this process and its PostgreSQL backend, what a shared
  machine's load does not inflate), and the same checkout for a client with no card as a reference;
* ``checkout_odoo_alone_p50_ms`` — the floor under any checkout: Odoo's own sale order of one service,
  confirmed, invoiced, posted and paid with the register-payment wizard, in a database of its own where only
  ``sale_management`` is installed (no salon addon), with ``..._invoice_p50_ms`` its part from invoicing on.

Environment: ``BENCH_REBUILD=1`` drops and rebuilds the database; ``BENCH_NO_UPDATE=1`` reuses it without
updating the addon to the current code first.
"""

import argparse
import importlib
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from bench import bench, cpu_seconds, default_addons_path, median_ms, p95_ms  # tools/bench.py, next to it

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DB = "salon_bench_beauty_salon_loyalty"
ODOO_ALONE_DB = "salon_bench_odoo_alone"
CARDS = 200_000
DUE_EVERY = 4  # one card in four holds an accrual past its last day
VALIDITY_DAYS = 180
PARTNER_REF = "LOYB-"
DATASET_PARAM = "beauty_salon_loyalty.bench_dataset"
DATASET_VERSION = f"cards={CARDS};lines=10;due_every={DUE_EVERY};v1"
STARTED = time.monotonic()


def log(message):
    print(f"[bench loyalty +{time.monotonic() - STARTED:5.0f}s] {message}", file=sys.stderr, flush=True)


def odoo_run(db, *args):
    subprocess.run(
        [
            "bash",
            os.path.join(ROOT, "tools", "odoo.sh"),
            "-d",
            db,
            "--stop-after-init",
            "--log-level=warn",
            *args,
        ],
        check=True,
        cwd=ROOT,
    )


def database_exists(db):
    query = subprocess.run(
        ["psql", "-d", "postgres", "-tAqc", "SELECT datname FROM pg_database"],
        check=True,
        capture_output=True,
        text=True,
    )
    return db in query.stdout.split()


@contextmanager
def environment(registry, commit=True, uid=SUPERUSER_ID):
    """A new cursor and environment, like one request; committed on success unless told otherwise."""
    with registry.cursor() as cr:
        yield api.Environment(cr, uid, {"lang": "en_US"})
        if not commit:
            cr.rollback()


def prepare_database(db):
    if os.environ.get("BENCH_REBUILD") == "1" and database_exists(db):
        log(f"dropping {db}")
        subprocess.run(["dropdb", db], check=True)
    if not database_exists(db):
        log(f"installing beauty_salon_loyalty into {db}")
        odoo_run(db, "-i", "beauty_salon,beauty_salon_loyalty", "--without-demo=all")
    elif os.environ.get("BENCH_NO_UPDATE") != "1":
        log(f"updating beauty_salon and beauty_salon_loyalty in {db}")
        odoo_run(db, "-u", "beauty_salon,beauty_salon_loyalty")


# ---------------------------------------------------------------------- data set
def programs(env):
    """The bench's bonus-points program and cumulative discount card (created once)."""
    Program = env["loyalty.program"].with_context(active_test=False)
    points = Program.search([("name", "=", "Bench points")], limit=1) or Program.create(
        {
            "name": "Bench points",
            "salon_kind": "points",
            "salon_validity_days": VALIDITY_DAYS,
            "salon_points_max_share": 30.0,
            "rule_ids": [
                Command.create({"reward_point_mode": "money", "reward_point_amount": 0.05, "minimum_qty": 0})
            ],
            "reward_ids": [Command.create(Program._salon_per_point_reward())],
        }
    )
    card = Program.search([("name", "=", "Bench card")], limit=1) or Program.create(
        {
            "name": "Bench card",
            "salon_kind": "discount_card",
            "salon_card_mode": "cumulative",
            "reward_ids": [
                Command.create(Program._salon_percent_reward(percent, threshold))
                for percent, threshold in ((5.0, 20000.0), (7.0, 50000.0), (10.0, 100000.0))
            ],
        }
    )
    return points, card


def generate(env, salon, today):
    """Bulk-insert the 200,000 card holders, their cards and 2,000,000 ledger lines; set the checkout up."""
    points_program, card_program = programs(env)
    cr = env.cr
    log(f"inserting {CARDS} card holders")
    cr.execute(
        SQL(
            """INSERT INTO res_partner (name, complete_name, ref, active, type, is_company, autopost_bills,
                                        create_uid, create_date, write_uid, write_date)
               SELECT 'Bench client ' || n, 'Bench client ' || n, %s || lpad(n::text, 6, '0'), TRUE,
                      'contact', FALSE, 'ask', 1, now(), 1, now()
                 FROM generate_series(1, %s) n""",
            PARTNER_REF,
            CARDS,
        )
    )
    log("inserting their cards")
    cr.execute(
        SQL(
            """INSERT INTO loyalty_card (program_id, company_id, partner_id, code, points, active,
                                         create_uid, create_date, write_uid, write_date)
               SELECT %s, %s, p.id, 'LOYB' || p.id, 500, TRUE, 1, now(), 1, now()
                 FROM res_partner p WHERE p.ref LIKE %s""",
            points_program.id,
            env.company.id,
            PARTNER_REF + "%",
        )
    )
    log("inserting 2,000,000 ledger lines")
    # Per card, in date order: accruals a0..a3, a redemption of 150 (takes a0 and half of a1), accruals
    # a4..a6, a redemption of 150 (the rest of a1, then a2), accrual a7. Accrual n is earned on base + 20 n;
    # base is chosen so that a3 expired yesterday on one card in four and is still valid on the others.
    cr.execute(
        SQL(
            """INSERT INTO loyalty_history (card_id, description, issued, used, salon_kind, salon_date,
                                            salon_expiration_date, salon_remaining_points,
                                            create_uid, create_date, write_uid, write_date)
               SELECT c.id,
                      CASE WHEN e.accrual IS NULL THEN 'Bench redemption' ELSE 'Bench accrual' END,
                      CASE WHEN e.accrual IS NULL THEN 0 ELSE 100 END,
                      CASE WHEN e.accrual IS NULL THEN 150 ELSE 0 END,
                      'adjustment',
                      c.base + e.day_offset,
                      CASE WHEN e.accrual IS NULL THEN NULL ELSE c.base + e.day_offset + %(validity)s END,
                      CASE WHEN e.accrual >= 3 THEN 100 ELSE 0 END,
                      1, now(), 1, now()
                 FROM (SELECT id,
                              CASE WHEN mod(row_number() OVER (ORDER BY id), %(due_every)s) = 0
                                   THEN %(today)s::date - (%(validity)s + 61)
                                   ELSE %(today)s::date - 160 END AS base
                         FROM loyalty_card WHERE program_id = %(program)s) c
                CROSS JOIN (VALUES (0, 0), (1, 20), (2, 40), (3, 60), (NULL, 65), (4, 80), (5, 100), (6, 120),
                                   (NULL, 125), (7, 140)) AS e(accrual, day_offset)""",
            validity=VALIDITY_DAYS,
            due_every=DUE_EVERY,
            today=today,
            program=points_program.id,
        )
    )
    log("analysing")
    for table in ("res_partner", "loyalty_card", "loyalty_history"):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))

    log("preparing the checkout clients and the receptionist")
    client = salon.clients[0]
    Card = env["loyalty.card"]
    card = Card.create({"program_id": card_program.id, "partner_id": client.id})
    card.write(
        {"salon_total_spent": 20000.0, "salon_reward_id": card_program.reward_ids.sorted("discount")[0].id}
    )
    wallet = Card.create({"program_id": points_program.id, "partner_id": client.id})
    wallet._salon_post_ledger(
        [
            {
                "card_id": wallet.id,
                "description": "Bench balance",
                "issued": 100000.0,
                "salon_kind": "adjustment",
            }
        ]
    )
    env["res.users"].create(
        {
            "name": "Bench receptionist",
            "login": "bench_reception",
            "email": "reception@example.com",
            "company_id": env.company.id,
            "company_ids": [Command.set(env.company.ids)],
            "groups_id": [
                Command.set(
                    [env.ref("base.group_user").id, env.ref("beauty_salon.beauty_salon_group_user").id]
                )
            ],
        }
    )
    env["ir.config_parameter"].set_param(DATASET_PARAM, f"{DATASET_VERSION};today={today}")


def ensure_dataset(registry, gen):
    with environment(registry) as env:
        salon = gen.ensure_salon(env)
    with environment(registry) as env:
        salon = salon.bind(env)
        stored = env["ir.config_parameter"].get_param(DATASET_PARAM, "")
        if stored.startswith(DATASET_VERSION):
            today = date.fromisoformat(stored.rsplit("today=", 1)[1])
            log(f"reusing the data set generated on {today}")
            return salon, today
        if stored:
            raise SystemExit(f"{DATASET_PARAM} is {stored!r}: rebuild with BENCH_REBUILD=1")
        today = date.today()
        started = time.perf_counter()
        generate(env, salon, today)
        log(f"generated in {time.perf_counter() - started:.0f}s")
        return salon, today


# ---------------------------------------------------------------------- measurements
def bench_points_expiry(registry, today):
    """The expiry scheduled action on the data set's 'today', then again; rolled back afterwards."""
    with environment(registry, commit=False) as env:
        Card = env["loyalty.card"]
        env.cr.execute("SELECT 1")  # the measured run starts on an open transaction, as a cron worker's
        cpu = cpu_seconds(env.cr)
        started = time.perf_counter()
        expired = Card._salon_expire_points(today)
        env["loyalty.card"]._salon_expire_gift_cards(today)
        env["beauty.visit.pack"]._salon_expire(today)
        env.flush_all()
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(env.cr) - cpu
        started = time.perf_counter()
        again = Card._salon_expire_points(today)
        rerun = time.perf_counter() - started
        mismatches = env.execute_query(
            SQL(
                """SELECT count(*) FROM loyalty_card c
                     LEFT JOIN (SELECT card_id, SUM(COALESCE(issued, 0) - COALESCE(used, 0)) AS balance
                                  FROM loyalty_history GROUP BY card_id) h ON h.card_id = c.id
                    WHERE abs(c.points - COALESCE(h.balance, 0)) > 0.001"""
            )
        )[0][0]
    bench("points_expiry_s", elapsed, "s")
    bench("points_expiry_cpu_s", cpu, "s")
    bench("points_expiry_accruals", expired, "accruals")
    bench("points_expiry_rerun_s", rerun, "s")
    bench("points_expiry_rerun_accruals", again, "accruals")
    bench("points_balance_mismatches", mismatches, "cards")


def bench_checkout(registry, salon, client, points, runs):
    """One visit checked out by the receptionist (wizard -> order -> invoice -> payment), rolled back.

    Returns the durations of the whole checkout, of its first part (the order with the client's loyalty
    applied and confirmed, up to the moment Odoo starts invoicing it) and the CPU time of the whole
    checkout (this process and its PostgreSQL backend).
    """
    with environment(registry) as env:
        reception = env["res.users"].search([("login", "=", "bench_reception")]).id
        bound = salon.bind(env)
        service = bound.services["haircut_w"]
        master = bound.service_masters("haircut_w")[0]
        # A day far after the generated bookings: every run books the same free slot, then rolls back.
        start = bound.utc(bound.anchor + timedelta(days=400), 10.0)
    durations, order_parts, cpu_times = [], [], []
    SaleOrder = registry["sale.order"]  # the registry holds the model class
    create_invoices = SaleOrder._create_invoices
    invoicing_started = []

    def timed_create_invoices(order, *args, **kwargs):
        invoicing_started.append(time.perf_counter())
        return create_invoices(order, *args, **kwargs)

    for index in range(runs + 3):
        with environment(registry, commit=False, uid=reception) as env:
            visit = env["beauty.visit"].create(
                {
                    "partner_id": client.id,
                    "company_id": env.company.id,
                    "line_ids": [
                        Command.create(
                            {"service_id": service.id, "master_id": master.id, "date_start": start}
                        )
                    ],
                }
            )
            visit.action_arrive()
            env.flush_all()
            env.invalidate_all()
            invoicing_started.clear()
            cpu = cpu_seconds(env.cr)
            started = time.perf_counter()
            with patch.object(SaleOrder, "_create_invoices", timed_create_invoices):
                wizard = env["beauty.visit.checkout"].create(
                    {"visit_id": visit.id, "salon_points_to_use": points}
                )
                wizard.action_confirm()
                env.flush_all()
            elapsed = time.perf_counter() - started
            cpu = cpu_seconds(env.cr) - cpu
            if index == 0 and points:
                order = visit.sale_order_id
                assert order.order_line.filtered("salon_card_id"), "the discount card was not applied"
                assert order.order_line.filtered("coupon_id"), "the points were not applied"
                assert order.invoice_ids.payment_state in ("paid", "in_payment"), "the visit is not paid"
        if index >= 3:  # the first runs warm the registry's caches up
            durations.append(elapsed)
            order_parts.append(invoicing_started[0] - started)
            cpu_times.append(cpu)
    return durations, order_parts, cpu_times


def bench_odoo_alone(db, runs):
    """Odoo's own order -> invoice -> post -> payment (one service line, a cash journal), rolled back.

    Returns the durations of the whole flow and of its part from invoicing on.
    """
    if os.environ.get("BENCH_REBUILD") == "1" and database_exists(db):
        subprocess.run(["dropdb", db], check=True)
    if not database_exists(db):
        log(f"installing sale_management alone into {db}")
        odoo_run(db, "-i", "sale_management", "--without-demo=all")
    registry = Registry(db)
    with environment(registry) as env:
        Partner, Product = env["res.partner"], env["product.product"]
        partner = Partner.search([("name", "=", "Bench client")], limit=1) or Partner.create(
            {"name": "Bench client"}
        )
        product = Product.search([("name", "=", "Bench haircut")], limit=1) or Product.create(
            {"name": "Bench haircut", "type": "service", "list_price": 2500.0, "invoice_policy": "order"}
        )
        journal = env["account.journal"].search([("type", "=", "cash")], limit=1)
        partner_id, product_id, journal_id = partner.id, product.id, journal.id
    durations, invoicing = [], []
    for index in range(runs + 3):
        with environment(registry, commit=False) as env:
            started = time.perf_counter()
            order = env["sale.order"].create(
                {"partner_id": partner_id, "order_line": [Command.create({"product_id": product_id})]}
            )
            order.action_confirm()
            invoicing_started = time.perf_counter()
            invoice = order._create_invoices()
            invoice.action_post()
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({"journal_id": journal_id})._create_payments()
            env.flush_all()
            finished = time.perf_counter()
            assert invoice.payment_state in ("paid", "in_payment"), "the order is not paid"
        if index >= 3:
            durations.append(finished - started)
            invoicing.append(finished - invoicing_started)
    return durations, invoicing


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_LOYALTY_DB", DEFAULT_DB))
    parser.add_argument("--checkouts", type=int, default=30)
    parser.add_argument("--odoo-alone-db", default=os.environ.get("BENCH_ODOO_ALONE_DB", ODOO_ALONE_DB))
    args = parser.parse_args(argv)
    prepare_database(args.db)
    odoo.tools.config.parse_config(
        [f"--addons-path={default_addons_path()}", "-d", args.db, "--log-level=warn"]
    )
    sys.path.insert(0, ROOT)
    gen = importlib.import_module("data.salon_generator")
    registry = Registry(args.db)
    salon, today = ensure_dataset(registry, gen)
    log("points expiry")
    bench_points_expiry(registry, today)
    log(f"checkout: {args.checkouts} visits with a discount card and points, then without")
    loyal, loyal_order, loyal_cpu = bench_checkout(registry, salon, salon.clients[0], 300.0, args.checkouts)
    plain, plain_order, plain_cpu = bench_checkout(registry, salon, salon.clients[1], 0.0, args.checkouts)
    bench("checkout_with_loyalty_p50_ms", median_ms(loyal), "ms")
    bench("checkout_with_loyalty_p95_ms", p95_ms(loyal), "ms")
    bench("checkout_with_loyalty_order_p50_ms", median_ms(loyal_order), "ms")
    bench("checkout_with_loyalty_cpu_p50_ms", median_ms(loyal_cpu), "ms")
    bench("checkout_without_cards_p50_ms", median_ms(plain), "ms")
    bench("checkout_without_cards_order_p50_ms", median_ms(plain_order), "ms")
    bench("checkout_without_cards_cpu_p50_ms", median_ms(plain_cpu), "ms")
    log(f"checkout in Odoo alone ({args.odoo_alone_db}): {args.checkouts} orders")
    alone, alone_invoicing = bench_odoo_alone(args.odoo_alone_db, args.checkouts)
    bench("checkout_odoo_alone_p50_ms", median_ms(alone), "ms")
    bench("checkout_odoo_alone_invoice_p50_ms", median_ms(alone_invoicing), "ms")
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
