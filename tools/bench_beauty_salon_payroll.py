#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of beauty_salon_payroll; ``make bench`` runs it after the core benchmark.

Usage::

    tools/bench_beauty_salon_payroll.py [--db salon_bench_beauty_salon_payroll]

Builds (or reuses) its own database with ``beauty_salon`` and ``beauty_salon_payroll`` installed without
demo data (``BENCH_REBUILD=1`` drops it first; ``BENCH_NO_UPDATE=1`` skips updating the addons), then:

* a generated salon of 50 masters (``data/salon_generator.py``) whose history covers the month before the
  generator's anchor. That month holds about 18,800 done service lines (50 fully booked masters); a
  30-minute styling is added after the first done visits of the month (SQL, same master, done) until it
  holds 20,000, the issue's scale;
* every done visit of that month checked out through Odoo's own flow (sale order, invoice, cash payment on
  the visit's day), and one attendance per master and working day;
* one pay scheme (marginal tiers, a category rule, retail, pay per shift) for all masters.

Metrics (``BENCH <name> <value> <unit>``):

* ``payroll_month_s``: a monthly payroll period of the branch: its 50 sheets created and computed
  (paid invoice lines, timesheets, lines), committed. Target <= 10 s.
* ``performance_report_ms``: the staff performance pivot for that month (the pivot's read_group calls:
  total, per master, per master and week), median of 5 runs. Target <= 1,000 ms.
"""

import argparse
import importlib
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = "beauty_salon,beauty_salon_payroll"
MASTERS = 50
DONE_LINES = 20_000
VISIT_STEP = 4_000
EXTRA_SERVICE = "styling"
PERFORMANCE_RUNS = 5
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
]
STARTED = time.monotonic()


def log(message):
    print(f"[bench payroll +{time.monotonic() - STARTED:5.0f}s] {message}", file=sys.stderr, flush=True)


def bench(name, value, unit):
    if isinstance(value, float):
        value = f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    print(f"BENCH {name} {value} {unit}", flush=True)


@contextmanager
def environment(registry):
    """A new cursor and environment, like one request: fresh ORM cache, committed on success."""
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True})


def odoo_cli(db, *args):
    script = os.path.join(ROOT, "tools", "odoo.sh")
    subprocess.run(["bash", script, "-d", db, "--stop-after-init", "--log-level=warn", *args], check=True)


def psql(database, query, **variables):
    """One value from ``query`` (read from stdin, so ``:'name'`` variables are quoted by psql)."""
    command = ["psql", "-d", database, "-tAq"] + [
        f"--variable={name}={value}" for name, value in variables.items()
    ]
    result = subprocess.run(command, input=query, check=False, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


def prepare_database(db):
    """Install the addons into ``db`` once; update them to the current code on later runs."""
    exists = psql("postgres", "SELECT 1 FROM pg_database WHERE datname = :'db'", db=db) == "1"
    if exists and os.environ.get("BENCH_REBUILD") == "1":
        log(f"dropping {db}")
        subprocess.run(["dropdb", db], check=True)
        exists = False
    state = (
        psql(db, "SELECT state FROM ir_module_module WHERE name = 'beauty_salon_payroll'") if exists else ""
    )
    if state != "installed":
        log(f"installing {ADDONS} into {db}")
        odoo_cli(db, "-i", ADDONS, "--without-demo=all")
    elif os.environ.get("BENCH_NO_UPDATE") != "1":
        log(f"updating {ADDONS} in {db}")
        odoo_cli(db, "-u", ADDONS)


def month_bounds(gen):
    """The full month before the generator's anchor (its history is fully booked, mostly done)."""
    last = gen.ANCHOR.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def done_lines(env, salon, first, last):
    return env.execute_query(
        SQL(
            "SELECT count(*) FROM beauty_visit_line"
            " WHERE state = 'done' AND date_start >= %s AND date_start < %s",
            salon.utc(first),
            salon.utc(last + timedelta(days=1)),
        )
    )[0][0]


# ---------------------------------------------------------------------- data set
def build_dataset(registry, gen):
    first, last = month_bounds(gen)
    with environment(registry) as env:
        salon = gen.ensure_salon(env, masters=MASTERS)
        visits = gen.generated_visit_count(env)
        # The day before the month is generated: the whole month is (days are filled backwards).
        while first - timedelta(days=1) not in gen.generated_day_counts(env):
            visits += VISIT_STEP
            log(f"generating visits up to {visits}")
            salon = gen.generate(env, visits, masters=MASTERS)
            env.cr.commit()
        add_services(env, salon, first, last, DONE_LINES - done_lines(env, salon, first, last))
        log(f"{done_lines(env, salon, first, last)} done service lines in {first:%B %Y}")
    ensure_scheme(registry, salon)
    check_out_month(registry, salon, first, last)
    ensure_attendance(registry, salon, first, last)
    return salon, first, last


def add_services(env, salon, first, last, count):
    """A 30-minute styling by the same master after ``count`` done visits of the month not checked out."""
    if count <= 0:
        return
    env.flush_all()
    visit_ids = [
        row[0]
        for row in env.execute_query(
            SQL(
                """SELECT id FROM beauty_visit
                    WHERE state = 'done' AND sale_order_id IS NULL AND date_start >= %s AND date_start < %s
                    ORDER BY id LIMIT %s""",
                salon.utc(first),
                salon.utc(last + timedelta(days=1)),
                count,
            )
        )
    ]
    env.execute_query(
        SQL(
            """INSERT INTO beauty_visit_line (
                   visit_id, sequence, partner_id, company_id, service_id, master_id, state, date_start,
                   date_stop, duration, buffer_before, buffer_after, processing_start, processing_duration,
                   create_uid, write_uid, create_date, write_date)
               SELECT visit.id, 100, visit.partner_id, visit.company_id, %s, first_line.master_id, 'done',
                      visit.date_stop, visit.date_stop + INTERVAL '30 minutes', 0.5, 0, 0, 0, 0,
                      visit.create_uid, visit.write_uid, visit.create_date, visit.write_date
                 FROM beauty_visit visit
                 CROSS JOIN LATERAL (
                     SELECT master_id FROM beauty_visit_line
                      WHERE visit_id = visit.id ORDER BY sequence LIMIT 1
                 ) first_line
                WHERE visit.id = ANY(%s)""",
            salon.services[EXTRA_SERVICE].id,
            visit_ids,
        )
    )
    env.execute_query(
        SQL(
            "UPDATE beauty_visit SET date_stop = date_stop + INTERVAL '30 minutes' WHERE id = ANY(%s)",
            visit_ids,
        )
    )
    env.invalidate_all()
    env.cr.commit()
    log(f"added a styling to {len(visit_ids)} visits")


def ensure_scheme(registry, salon):
    with environment(registry) as env:
        bound = salon.bind(env)
        if env["beauty.payroll.assignment"].search_count([("employee_id", "in", bound.masters.ids)]):
            return
        hair = env["product.category"].create({"name": "Bench: hair"})
        (bound.services["colour"] | bound.services["haircut_w"]).categ_id = hair
        scheme = env["beauty.payroll.scheme"].create(
            {
                "name": "Bench: tiers, category rule, retail, pay per shift",
                "tier_mode": "marginal",
                "tier_ids": [
                    Command.create({"threshold": threshold, "rate": rate})
                    for threshold, rate in ((0, 30), (150_000, 35), (300_000, 40))
                ],
                "rule_ids": [Command.create({"categ_id": hair.id, "rate": 45})],
                "retail_rate": 10,
                "salary_mode": "shift",
                "salary_amount": 1500,
            }
        )
        env["beauty.payroll.assignment"].create(
            [
                {"scheme_id": scheme.id, "employee_id": master.id, "date_from": "2000-01-01"}
                for master in bound.masters
            ]
        )


def check_out_month(registry, salon, first, last):
    """Sale order, invoice and cash payment on its own day for every done visit of the month."""
    day = first
    while day <= last:
        with environment(registry) as env:
            bound = salon.bind(env)
            visits = env["beauty.visit"].search(
                [
                    ("state", "=", "done"),
                    ("sale_order_id", "=", False),
                    ("date_start", ">=", bound.utc(day)),
                    ("date_start", "<", bound.utc(day + timedelta(days=1))),
                ]
            )
            if visits:
                started = time.perf_counter()
                check_out(env, visits, day)
                log(f"checked out {len(visits)} visits of {day} in {time.perf_counter() - started:.1f}s")
        day += timedelta(days=1)


def check_out(env, visits, day):
    orders = env["sale.order"].create([visit._prepare_sale_order_vals() for visit in visits])
    for visit, order in zip(visits, orders, strict=True):
        visit.sale_order_id = order
    orders.order_line.tax_id = [Command.clear()]
    moment = datetime.combine(day, datetime.min.time()) + timedelta(hours=12)
    orders.write({"date_order": moment})
    orders.action_confirm()
    invoices = orders._create_invoices()
    invoices.invoice_date = day
    invoices.action_post()
    cash = env["account.journal"].search(
        [("type", "=", "cash"), ("company_id", "=", env.company.id)], limit=1
    )
    env["account.payment.register"].with_context(active_model="account.move", active_ids=invoices.ids).create(
        {"journal_id": cash.id, "payment_date": day, "group_payment": False}
    )._create_payments()


def ensure_attendance(registry, salon, first, last):
    """Each master checks in at opening and out at closing every day of the month."""
    with environment(registry) as env:
        bound = salon.bind(env)
        Attendance = env["hr.attendance"]
        if Attendance.search_count(
            [("check_in", ">=", bound.utc(first)), ("check_in", "<", bound.utc(last))]
        ):
            return
        vals_list = []
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            vals_list += [
                {
                    "employee_id": master.id,
                    "check_in": bound.utc(day, 9.0),
                    "check_out": bound.utc(day, 21.0),
                }
                for master in bound.masters
            ]
        Attendance.create(vals_list)
        log(f"{len(vals_list)} attendances")


# ---------------------------------------------------------------------- measurements
def bench_payroll_month(registry, first, last):
    with environment(registry) as env:
        old = env["beauty.payroll.batch"].search([("date_from", "=", first), ("date_to", "=", last)])
        old.sheet_ids.filtered(lambda s: s.state == "draft").unlink()
        old.unlink()
    with environment(registry) as env:
        env.invalidate_all()
        started = time.perf_counter()
        batch = env["beauty.payroll.batch"].create(
            {"period_type": "monthly", "date_from": first, "date_to": last}
        )
        batch.action_generate_sheets()
        batch.action_compute()
        env.flush_all()
        env.cr.commit()
        elapsed = time.perf_counter() - started
        lines = env["beauty.payroll.sheet.line"].search_count([("sheet_id.batch_id", "=", batch.id)])
        service_lines = env["beauty.payroll.sheet.line"].search_count(
            [("sheet_id.batch_id", "=", batch.id), ("kind", "=", "service")]
        )
        bench("payroll_month_s", elapsed, "s")
        bench("payroll_month_sheets", batch.sheet_count, "sheets")
        bench("payroll_month_service_lines", service_lines, "lines")
        bench("payroll_month_lines", lines, "lines")
        bench("payroll_month_earned", round(batch.amount_gross), "RUB")


def bench_performance_report(registry, first, last):
    domain = [("date", ">=", first), ("date", "<=", last)]
    durations = []
    for _run in range(PERFORMANCE_RUNS + 1):
        with environment(registry) as env:
            Report = env["beauty.staff.performance.report"]
            env.invalidate_all()
            started = time.perf_counter()
            total = Report.read_group(domain, MEASURES, [], lazy=False)
            rows = Report.read_group(domain, MEASURES, ["master_id"], lazy=False)
            cells = Report.read_group(domain, MEASURES, ["master_id", "date:week"], lazy=False)
            durations.append(time.perf_counter() - started)
    durations = durations[1:]  # the first run warms up the registry
    bench("performance_report_ms", statistics.median(durations) * 1000, "ms")
    bench("performance_report_masters", len(rows), "masters")
    bench("performance_report_cells", len(cells), "cells")
    log(f"month: {total[0]['visit_count']} visits, occupancy {total[0]['occupancy_rate']:.1f} %")


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default=os.environ.get("BENCH_PAYROLL_DB", "salon_bench_beauty_salon_payroll")
    )
    args = parser.parse_args(argv)
    prepare_database(args.db)
    addons_path = subprocess.run(
        ["bash", os.path.join(ROOT, "tools", "addons_path.sh")], check=True, capture_output=True, text=True
    ).stdout.strip()
    odoo.tools.config.parse_config([f"--addons-path={addons_path}", "-d", args.db, "--log-level=warn"])
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    gen = importlib.import_module("data.salon_generator")
    registry = Registry(args.db)
    _salon, first, last = build_dataset(registry, gen)
    log(f"payroll: {first} - {last}, {MASTERS} masters")
    bench_payroll_month(registry, first, last)
    log("staff performance pivot")
    bench_performance_report(registry, first, last)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
