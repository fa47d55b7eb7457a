#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of the journal board and the owner's dashboard; ``make bench`` runs it after tools/bench.py.

Usage::

    tools/bench_beauty_salon_board.py [--db salon_bench_board] [--runs 7]

Builds (or reuses) its own database with ``beauty_salon`` installed without demo data:

* the main branch gets the generated salon of ``data/salon_generator.py`` with 30 masters, topped up
  until its busiest day holds about 400 bookings (``board_day_load_ms``);
* a chain of 20 other branches, 15 masters each, 100,000 clients and about 300,000 visits a month in
  April and May 2026 with their confirmed sale orders, bulk-inserted with SQL (``rfm_all_clients_s``:
  the client analysis snapshot of every client, RFM and ABC included, as the nightly scheduled action
  takes it; then ``dashboard_month_ms``: May against April over the 20 branches).

Every metric is printed as ``BENCH <name> <value> <unit>``; progress goes to stderr. The board and the
dashboard also print, as medians of the same runs, ``<name>_cpu_ms`` (the Odoo process's CPU time),
``<name>_sql_ms`` (time spent waiting for SQL), ``<name>_pg_cpu_ms`` (the database backend's CPU time,
parallel workers not included; local server only) and ``<name>_queries``: on a shared machine the wall
time also counts the waiting for a core. After the bulk load the tables are vacuumed and analyzed, as
autovacuum would do.
``BENCH_REBUILD=1`` drops and rebuilds the database; ``BENCH_NO_UPDATE=1`` skips updating beauty_salon.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta

import odoo
from odoo import Command
from odoo.modules.registry import Registry
from odoo.service import db as db_service
from odoo.tools import SQL

# The core benchmark's helpers: one request per environment, BENCH lines, the data generator.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ROOT, bench, default_addons_path, environment, load_generator, log, median_ms

BOARD_MASTERS = 30
BOARD_BOOKINGS = 400
BRANCHES = 20
BRANCH_MASTERS = 15
CLIENTS = 100_000
VISITS_PER_MONTH = 300_000
MONTHS = (date(2026, 4, 1), date(2026, 5, 1))  # the previous month, then the measured one
RFM_AS_OF = date(2026, 6, 1)
CHAIN_PREFIX = "CHAIN/"
CHAIN_CALENDAR = "Сеть 7/7 09:00–21:00"
CLIENT_REF_PREFIX = "CHAIN-"
SEED = 20260601
# (name, hours, price): the chain's services, shared by all its branches.
CHAIN_SERVICES = (
    ("Сеть: стрижка женская", 1.0, 2500.0),
    ("Сеть: стрижка мужская", 0.5, 1500.0),
    ("Сеть: укладка", 0.5, 1800.0),
    ("Сеть: маникюр", 1.0, 2200.0),
    ("Сеть: педикюр", 1.5, 3200.0),
    ("Сеть: окрашивание", 2.5, 6500.0),
    ("Сеть: массаж спины", 1.0, 3500.0),
    ("Сеть: чистка лица", 1.5, 4000.0),
    ("Сеть: брови", 0.5, 1200.0),
    ("Сеть: ресницы", 2.0, 3800.0),
)


def prepare_database(db):
    """Install beauty_salon into ``db`` (or update it), as tools/bench.sh does for the core database."""
    exists = db_service.exp_db_exist(db)
    if exists and os.environ.get("BENCH_REBUILD") == "1":
        log(f"dropping {db}")
        subprocess.run(["dropdb", db], check=True)
        exists = False
    odoo_command = [
        "bash",
        os.path.join(ROOT, "tools", "odoo.sh"),
        "-d",
        db,
        "--stop-after-init",
        "--log-level=warn",
    ]
    if not exists:
        log(f"installing beauty_salon into {db}")
        subprocess.run(odoo_command + ["-i", "beauty_salon", "--without-demo=all"], check=True)
    elif os.environ.get("BENCH_NO_UPDATE") != "1":
        log(f"updating beauty_salon in {db}")
        subprocess.run(odoo_command + ["-u", "beauty_salon"], check=True)


# ---------------------------------------------------------------------- measuring
def backend_cpu_s(env):
    """CPU seconds used so far by the PostgreSQL backend of ``env``'s cursor (a local server), or None."""
    pid = env.execute_query(SQL("SELECT pg_backend_pid()"))[0][0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            values = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, the 14th and 15th fields of proc(5), in clock ticks.
    return (int(values[11]) + int(values[12])) / os.sysconf("SC_CLK_TCK")


def measure(env, call):
    """``(result, figures)`` of ``call()``: wall time, the Odoo process's CPU time, the time spent in SQL
    (Odoo's per-thread counters), the number of queries and the database backend's CPU time, in seconds.
    On a loaded machine the CPU times show the work done, the wall time also the waiting for a core."""
    thread = threading.current_thread()
    backend_before = backend_cpu_s(env)
    thread.query_count, thread.query_time = 0, 0.0
    cpu, wall = time.process_time(), time.perf_counter()
    result = call()
    figures = {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "sql": thread.query_time,
        "queries": thread.query_count,
    }
    backend_after = backend_cpu_s(env)
    figures["pg_cpu"] = backend_after - backend_before if backend_before is not None else None
    return result, figures


def bench_figures(name, runs):
    """The medians of the measured runs of ``name``: ``<name>_ms`` (wall) and its CPU and SQL parts."""
    bench(f"{name}_ms", median_ms([run["wall"] for run in runs]), "ms")
    bench(f"{name}_cpu_ms", median_ms([run["cpu"] for run in runs]), "ms")
    bench(f"{name}_sql_ms", median_ms([run["sql"] for run in runs]), "ms")
    if all(run["pg_cpu"] is not None for run in runs):
        bench(f"{name}_pg_cpu_ms", median_ms([run["pg_cpu"] for run in runs]), "ms")
    bench(f"{name}_queries", max(run["queries"] for run in runs), "queries")


# ---------------------------------------------------------------------- the board's day (generator)
def busiest_day(env, salon):
    """``(local day, bookings)`` of the generated salon's busiest day."""
    rows = env.execute_query(
        SQL(
            """SELECT (line.date_start AT TIME ZONE 'UTC' AT TIME ZONE %s)::date AS day, COUNT(*)
                 FROM beauty_visit_line line WHERE line.company_id = %s AND line.master_id = ANY(%s)
                GROUP BY 1 ORDER BY 2 DESC, 1 DESC LIMIT 1""",
            salon.calendar.tz,
            salon.company.id,
            salon.masters.ids,
        )
    )
    return rows[0] if rows else (None, 0)


def build_board_day(registry, gen):
    with environment(registry) as env:
        salon = gen.ensure_salon(env, masters=BOARD_MASTERS)
        env.cr.commit()
        target = BOARD_BOOKINGS
        day, bookings = busiest_day(env, salon)
        visits = gen.generated_visit_count(env)
        while bookings < target * 0.95:
            visits += 400
            log(f"generating board visits: {visits} (busiest day has {bookings} bookings)")
            salon = gen.generate(env, visits, masters=BOARD_MASTERS, future_days=0)
            env.cr.commit()
            day, bookings = busiest_day(env, salon)
        return day, bookings


def bench_board(registry, day, runs):
    """``get_board_data`` for one day of the main branch, all 30 masters, in a fresh request each time."""
    measured = []
    for index in range(runs + 2):
        with environment(registry) as env:
            env.invalidate_all()
            data, figures = measure(env, lambda env=env: env["beauty.board"].get_board_data(day.isoformat()))
        if index >= 2:  # the first calls warm up the registry's caches
            measured.append(figures)
    bench_figures("board_day_load", measured)
    bench("board_day_columns", len(data["columns"]), "masters")
    bench("board_day_bookings", len(data["bookings"]), "bookings")


# ---------------------------------------------------------------------- the chain (bulk SQL)
def ensure_chain(env, gen):
    """20 branches with a schedule, 15 masters each, the chain's services; returns the records."""
    Company = env["res.company"]
    companies = Company.search([("name", "=like", "Сеть «Лаванда», филиал %")], order="id")
    if len(companies) < BRANCHES:
        log("creating the chain's branches and masters")
        companies |= Company.create(
            [
                {"name": f"Сеть «Лаванда», филиал {index:02d}"}
                for index in range(len(companies) + 1, BRANCHES + 1)
            ]
        )
    env.user.company_ids = [Command.link(company.id) for company in companies]
    calendar = env["resource.calendar"].search([("name", "=", CHAIN_CALENDAR)], limit=1)
    if not calendar:
        # The generated salon's schedule (7/7 09:00-21:00 Moscow), shared by the chain's branches.
        calendar = gen._ensure_calendar(env, env.company).copy({"name": CHAIN_CALENDAR, "company_id": False})
    Employee = env["hr.employee"]
    masters = {}
    for company in companies:
        existing = Employee.search(
            [("company_id", "=", company.id), ("is_salon_master", "=", True)], order="id"
        )
        if len(existing) < BRANCH_MASTERS:
            existing |= Employee.create(
                [
                    {
                        "name": f"Мастер {number:02d} ({company.name[-2:]})",
                        "company_id": company.id,
                        "is_salon_master": True,
                        "resource_calendar_id": calendar.id,
                        "tz": "Europe/Moscow",
                    }
                    for number in range(len(existing) + 1, BRANCH_MASTERS + 1)
                ]
            )
        masters[company.id] = existing[:BRANCH_MASTERS]
    Product = env["product.product"]
    services = Product.search([("name", "=like", "Сеть: %"), ("is_salon_service", "=", True)], order="id")
    if not services:
        services = Product.create(
            [
                {
                    "name": name,
                    "type": "service",
                    "is_salon_service": True,
                    "salon_duration": hours,
                    "list_price": price,
                }
                for name, hours, price in CHAIN_SERVICES
            ]
        )
    retail = Product.search([("name", "=", "Сеть: шампунь")], limit=1) or Product.create(
        {"name": "Сеть: шампунь", "type": "consu", "list_price": 1200.0}
    )
    return companies, masters, services, retail


def ensure_clients(env):
    count = env.execute_query(
        SQL("SELECT COUNT(*) FROM res_partner WHERE ref LIKE %s", f"{CLIENT_REF_PREFIX}%")
    )[0][0]
    if count < CLIENTS:
        log(f"inserting clients: {count} -> {CLIENTS}")
        env.cr.execute(
            SQL(
                """INSERT INTO res_partner (
                       name, complete_name, ref, active, type, is_company, autopost_bills,
                       create_uid, write_uid, create_date, write_date)
                   SELECT 'Клиент ' || n, 'Клиент ' || n, %s || LPAD(n::text, 6, '0'), TRUE, 'contact', FALSE,
                          'ask', 1, 1, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
                     FROM generate_series(%s, %s) n""",
                CLIENT_REF_PREFIX,
                count + 1,
                CLIENTS,
            )
        )
    return [
        row[0]
        for row in env.execute_query(
            SQL("SELECT id FROM res_partner WHERE ref LIKE %s ORDER BY ref", f"{CLIENT_REF_PREFIX}%")
        )
    ]


def insert_month(env, month, companies, masters, services, retail, clients, currency_id):
    """About ``VISITS_PER_MONTH`` visits in ``month`` across the chain, each with one booking, and the
    confirmed sale order of every done visit (one in five also sells the retail product)."""
    days = ((month.replace(day=28) + timedelta(days=4)).replace(day=1) - month).days
    master_ids = [masters[company.id].ids for company in companies]
    rng = random.Random(f"{SEED}:{month}")
    env.cr.execute(SQL("SELECT setseed(%s)", rng.random() * 2 - 1))
    prefix = f"{CHAIN_PREFIX}{month:%Y%m}/"
    log(f"inserting {VISITS_PER_MONTH} visits of {month:%Y-%m}")
    env.cr.execute(
        SQL(
            """
            CREATE TEMP TABLE chain_plan ON COMMIT DROP AS
            SELECT n,
                   company_ids[1 + MOD(n, %(branches)s)] AS company_id,
                   master_ids[1 + MOD(n, %(branches)s)][1 + FLOOR(RANDOM() * %(masters)s)::int] AS master_id,
                   CASE WHEN n > %(offset)s AND n <= %(offset)s + %(half)s THEN client_ids[n]
                        ELSE client_ids[1 + FLOOR(POWER(RANDOM(), 1.6) * %(clients)s)::int] END AS partner_id,
                   1 + FLOOR(RANDOM() * %(services)s)::int AS service_index,
                   %(month)s::timestamp + FLOOR(RANDOM() * %(days)s) * INTERVAL '1 day'
                       + (6 * 60 + 15 * FLOOR(RANDOM() * 44)) * INTERVAL '1 minute' AS date_start,
                   RANDOM() AS draw,
                   NEXTVAL('beauty_visit_id_seq') AS visit_id,
                   NEXTVAL('beauty_visit_line_id_seq') AS line_id
              FROM generate_series(1, %(visits)s) n,
                   (SELECT %(company_ids)s::int[] AS company_ids, %(master_ids)s::int[][] AS master_ids,
                           %(client_ids)s::int[] AS client_ids) arrays
            """,
            branches=BRANCHES,
            masters=BRANCH_MASTERS,
            clients=CLIENTS,
            # Each month gives half of the clients a visit of their own, so every client has one.
            offset=MONTHS.index(month) * CLIENTS // len(MONTHS),
            half=CLIENTS // len(MONTHS),
            services=len(services),
            month=datetime.combine(month, datetime.min.time()),
            days=days,
            visits=VISITS_PER_MONTH,
            company_ids=companies.ids,
            master_ids=master_ids,
            client_ids=clients,
        )
    )
    service_table = SQL(
        """(SELECT UNNEST(%s::int[]) AS id, UNNEST(%s::text[]) AS name, UNNEST(%s::float[]) AS hours,
                   UNNEST(%s::float[]) AS price, GENERATE_SUBSCRIPTS(%s::int[], 1) AS service_index)""",
        services.ids,
        [name for name, _hours, _price in CHAIN_SERVICES],
        [hours for _name, hours, _price in CHAIN_SERVICES],
        [price for _name, _hours, price in CHAIN_SERVICES],
        services.ids,
    )
    env.cr.execute(
        SQL(
            """
            ALTER TABLE chain_plan ADD COLUMN order_id int;
            UPDATE chain_plan SET order_id = NEXTVAL('sale_order_id_seq') WHERE draw < 0.86;
            INSERT INTO beauty_visit (
                id, name, partner_id, company_id, state, source, overbooked, date_start, date_stop,
                cancel_date, cancel_reason, create_uid, write_uid, create_date, write_date)
            SELECT p.visit_id, %(prefix)s || p.n, p.partner_id, p.company_id,
                   CASE WHEN p.draw < 0.86 THEN 'done' WHEN p.draw < 0.92 THEN 'no_show' ELSE 'cancelled' END,
                   'phone', FALSE, p.date_start, p.date_start + s.hours * INTERVAL '1 hour',
                   CASE WHEN p.draw >= 0.92 THEN p.date_start - (p.draw * 96) * INTERVAL '1 hour' END,
                   CASE WHEN p.draw >= 0.92 THEN 'Клиент заболел' END,
                   1, 1, p.date_start - INTERVAL '3 days', p.date_start
              FROM chain_plan p JOIN %(services)s s ON s.service_index = p.service_index;
            INSERT INTO beauty_visit_line (
                id, visit_id, sequence, partner_id, company_id, service_id, master_id, state, date_start,
                date_stop, duration, buffer_before, buffer_after, processing_start, processing_duration,
                create_uid, write_uid, create_date, write_date)
            SELECT p.line_id, p.visit_id, 10, p.partner_id, p.company_id, s.id, p.master_id, v.state,
                   v.date_start, v.date_stop, s.hours, 0, 0, 0, 0, 1, 1, v.create_date, v.write_date
              FROM chain_plan p
              JOIN beauty_visit v ON v.id = p.visit_id
              JOIN %(services)s s ON s.service_index = p.service_index;
            INSERT INTO sale_order (
                id, name, partner_id, partner_invoice_id, partner_shipping_id, company_id, date_order, state,
                currency_id, currency_rate, salon_visit_id, create_uid, write_uid, create_date, write_date)
            SELECT p.order_id, 'S-' || %(prefix)s || p.n, p.partner_id, p.partner_id, p.partner_id,
                   p.company_id, v.date_stop, 'sale', %(currency)s, 1.0, v.id, 1, 1, v.date_stop, v.date_stop
              FROM chain_plan p JOIN beauty_visit v ON v.id = p.visit_id
             WHERE p.order_id IS NOT NULL;
            UPDATE beauty_visit v SET sale_order_id = p.order_id
              FROM chain_plan p WHERE v.id = p.visit_id AND p.order_id IS NOT NULL;
            INSERT INTO sale_order_line (
                order_id, sequence, name, product_id, product_uom_qty, price_unit, price_subtotal,
                price_total, customer_lead, company_id, currency_id, order_partner_id, salon_order_date,
                salon_visit_id, salon_currency_rate, salon_master_id, salon_visit_line_id,
                state, create_uid, write_uid, create_date, write_date)
            SELECT p.order_id, 10, s.name, s.id, 1, s.price, s.price, s.price, 0, p.company_id, %(currency)s,
                   p.partner_id, v.date_stop, v.id, 1.0, p.master_id, p.line_id, 'sale', 1, 1,
                   p.date_start, p.date_start
              FROM chain_plan p
              JOIN beauty_visit v ON v.id = p.visit_id
              JOIN %(services)s s ON s.service_index = p.service_index
             WHERE p.order_id IS NOT NULL;
            INSERT INTO sale_order_line (
                order_id, sequence, name, product_id, product_uom_qty, price_unit, price_subtotal,
                price_total, customer_lead, company_id, currency_id, order_partner_id, salon_order_date,
                salon_visit_id, salon_currency_rate, salon_master_id, state,
                create_uid, write_uid, create_date, write_date)
            SELECT p.order_id, 20, %(retail_name)s, %(retail_id)s, 1, %(retail_price)s, %(retail_price)s,
                   %(retail_price)s, 0, p.company_id, %(currency)s, p.partner_id, v.date_stop, v.id, 1.0,
                   p.master_id, 'sale', 1, 1, p.date_start, p.date_start
              FROM chain_plan p JOIN beauty_visit v ON v.id = p.visit_id
             WHERE p.order_id IS NOT NULL AND p.draw < 0.17;
            DROP TABLE chain_plan;
            """,
            prefix=prefix,
            services=service_table,
            currency=currency_id,
            retail_name=retail.name,
            retail_id=retail.id,
            retail_price=retail.list_price,
        )
    )


def build_chain(registry, gen):
    with environment(registry) as env:
        companies, masters, services, retail = ensure_chain(env, gen)
        env.cr.commit()
        clients = ensure_clients(env)
        env.cr.commit()
        for month in MONTHS:
            prefix = f"{CHAIN_PREFIX}{month:%Y%m}/"
            done = env.execute_query(
                SQL("SELECT COUNT(*) FROM beauty_visit WHERE name LIKE %s", f"{prefix}%")
            )[0][0]
            if done < VISITS_PER_MONTH:
                env.cr.execute(SQL("DELETE FROM beauty_visit WHERE name LIKE %s", f"{prefix}%"))
                insert_month(
                    env, month, companies, masters, services, retail, clients, env.company.currency_id.id
                )
                env.cr.commit()
    # As autovacuum would after the bulk load: statistics, visibility map and hint bits.
    tables = ("res_partner", "beauty_visit", "beauty_visit_line", "sale_order", "sale_order_line")
    subprocess.run(
        [
            "vacuumdb",
            "--analyze",
            "--quiet",
            "-d",
            registry.db_name,
            *(f"--table={table}" for table in tables),
        ],
        check=True,
    )
    return companies.ids


def bench_dashboard(registry, company_ids, runs):
    """All the dashboard's figures for May 2026 (against April) over the 20 branches."""
    measured = []
    context = {"allowed_company_ids": company_ids, "tz": "Europe/Moscow"}
    for index in range(runs + 1):
        with environment(registry, **context) as env:
            env.invalidate_all()
            data, figures = measure(
                env,
                lambda env=env: env["beauty.dashboard"].get_dashboard_data(
                    "month", date_ref="2026-05-15", company_ids=company_ids
                ),
            )
        if index >= 1:
            measured.append(figures)
    bench_figures("dashboard_month", measured)
    with environment(registry) as env:
        visits = env.execute_query(
            SQL(
                """SELECT COUNT(*) FROM beauty_visit
                    WHERE company_id = ANY(%s) AND date_start >= %s AND date_start < %s""",
                company_ids,
                datetime(2026, 4, 30, 21),
                datetime(2026, 5, 31, 21),
            )
        )[0][0]
    bench("dashboard_month_visits", visits, "visits")
    bench("dashboard_month_branches", len(data["occupancy"]["branches"]), "branches")


def bench_rfm(registry, runs):
    durations = []
    for _run in range(runs):
        with environment(registry) as env:
            started = time.perf_counter()
            clients = env["beauty.client.analysis"]._compute_snapshot(RFM_AS_OF)
            env.cr.commit()
            durations.append(time.perf_counter() - started)
    bench("rfm_all_clients_s", statistics.median(durations), "s")
    bench("rfm_clients", clients, "clients")


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_BOARD_DB", "salon_bench_board"))
    parser.add_argument("--runs", type=int, default=7, help="measured runs of the board and the dashboard")
    parser.add_argument("--rfm-runs", type=int, default=1)
    args = parser.parse_args(argv)
    prepare_database(args.db)
    odoo.tools.config.parse_config(
        [f"--addons-path={default_addons_path()}", "-d", args.db, "--log-level=warn"]
    )
    registry = Registry(args.db)
    gen = load_generator()
    day, bookings = build_board_day(registry, gen)
    log(f"board: {day} with {bookings} bookings")
    bench_board(registry, day, args.runs)
    company_ids = build_chain(registry, gen)
    # The dashboard reads the nightly client snapshot: take it first, as the scheduled action would.
    bench_rfm(registry, args.rfm_runs)
    bench_dashboard(registry, company_ids, args.runs)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
