#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of the booking engine on a generated salon; ``make bench`` runs it through tools/bench.sh.

Usage::

    tools/bench.py [run] [--db salon_bench] [--workers 8 ...]  top the data set up, print BENCH lines
    tools/bench.py generate [--db salon_bench] --visits N      only top the data set up to N visits

The database must have ``beauty_salon`` installed (tools/bench.sh does it). Every metric is printed on
stdout as ``BENCH <name> <value> <unit>``; progress goes to stderr. Visits the benchmarks book carry the
note ``bench`` and are deleted again, so the database keeps only the generated data set
(``data/salon_generator.py``).
"""

import argparse
import importlib
import logging
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import timedelta

import psycopg2

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError, ValidationError
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20260601
BENCH_NOTE = "bench"
CALENDAR_FIELDS = [
    "date_start",
    "date_stop",
    "master_id",
    "partner_id",
    "service_id",
    "resource_ids",
    "state",
]
# Visits in the database for each measurement (the scales).
AVAILABILITY_VISITS = 20_000
BOOKING_VISITS = 100_000
STARTED = time.monotonic()


def log(message):
    print(f"[bench +{time.monotonic() - STARTED:5.0f}s] {message}", file=sys.stderr, flush=True)


def bench(name, value, unit):
    if isinstance(value, float):
        value = f"{value:.1f}"
    print(f"BENCH {name} {value} {unit}", flush=True)


def median_ms(durations):
    return statistics.median(durations) * 1000


def p95_ms(durations):
    ordered = sorted(durations)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def cpu_seconds(cr):
    """CPU seconds used so far by this process and by the PostgreSQL backend serving ``cr``.

    The machine may be shared: wall times then include waiting for the CPU, CPU time does not. The
    backend's time is read from /proc when the server runs here (otherwise only this process counts).
    """
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        backend = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except OSError:
        backend = 0.0
    return time.process_time() + backend


@contextmanager
def environment(registry, **context):
    """A new cursor and environment, like one HTTP request: fresh ORM cache, committed on success."""
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, context)


def load_generator():
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    return importlib.import_module("data.salon_generator")


def default_addons_path():
    script = os.path.join(ROOT, "tools", "addons_path.sh")
    return subprocess.run(["bash", script], check=True, capture_output=True, text=True).stdout.strip()


# ---------------------------------------------------------------------- data set
def top_up(registry, gen, visits):
    """Generate visits up to ``visits``; return the salon (bind it to an environment before use)."""
    with environment(registry) as env:
        before = gen.generated_visit_count(env)
        if before < visits:
            log(f"generating visits: {before} -> {visits}")
            started = time.perf_counter()
            salon = gen.generate(env, visits, progress=lambda done, total: log(f"  {done}/{total} visits"))
            env.cr.commit()
            log(f"generated {visits - before} visits in {time.perf_counter() - started:.1f}s")
        else:
            salon = gen.ensure_salon(env)
        return salon


def delete_bench_visits(registry):
    with environment(registry) as env:
        visits = env["beauty.visit"].search([("note", "=", BENCH_NOTE)])
        if visits:
            log(f"deleting {len(visits)} visits booked by the benchmarks")
            visits.unlink()


def visit_count(registry):
    with environment(registry) as env:
        return env.execute_query(SQL("SELECT count(*) FROM beauty_visit"))[0][0]


# ---------------------------------------------------------------------- availability
def bench_availability(registry, gen, salon, queries):
    """``find_slots`` for one service, any of the 15 masters, over 7 days; each call in a fresh request."""
    rng = random.Random(f"{SEED}:availability")
    durations, found = [], []
    for index in range(queries + 3):
        with environment(registry) as env:
            bound = salon.bind(env)
            service = bound.services[gen.ANY_MASTER_SERVICES[index % len(gen.ANY_MASTER_SERVICES)]]
            day = bound.anchor + timedelta(days=rng.randrange(7))
            date_from = bound.utc(day, rng.choice((0.0, 9.0, 12.0, 15.5)))
            env.invalidate_all()
            started = time.perf_counter()
            options = env["beauty.availability"].find_slots(service, date_from, date_from + timedelta(days=7))
            elapsed = time.perf_counter() - started
        if index >= 3:  # the first calls warm up the registry's caches
            durations.append(elapsed)
            found.append(len(options))
    bench("availability_p50_ms", median_ms(durations), "ms")
    bench("availability_p95_ms", p95_ms(durations), "ms")
    bench("availability_options_avg", round(statistics.mean(found)), "options")
    if not all(found):
        log("WARNING: some availability queries found no free time")


# ---------------------------------------------------------------------- booking
def find_option(registry, salon, rng, code):
    """A free option for service ``code`` on some day of the booked fortnight (as the slot picker shows)."""
    with environment(registry) as env:
        bound = salon.bind(env)
        for _try in range(7):
            day = bound.anchor + timedelta(days=rng.randrange(14))
            options = env["beauty.availability"].find_slots(
                bound.services[code], bound.utc(day), bound.utc(day + timedelta(days=1))
            )
            if options:
                return rng.choice(options), rng.choice(bound.clients.ids)
    return None, None


def bench_booking(registry, gen, salon, bookings):
    """Create and confirm one visit on a free option, with every check, committed: one request each."""
    rng = random.Random(f"{SEED}:booking")
    durations, created, skipped = [], [], 0
    codes = [service.code for service in gen.SERVICES]
    for index in range(bookings + 3):
        option, partner_id = find_option(registry, salon, rng, codes[index % len(codes)])
        if option is None:
            skipped += 1
            continue
        with environment(registry) as env:
            Visit = env["beauty.visit"]
            partner = env["res.partner"].browse(partner_id)
            started = time.perf_counter()
            visit = Visit.create(
                Visit._prepare_from_option(
                    partner, option, company_id=env.company.id, source="phone", note=BENCH_NOTE
                )
            )
            visit.action_confirm()
            env.cr.commit()
            elapsed = time.perf_counter() - started
            created.append(visit.id)
        if index >= 3:
            durations.append(elapsed)
    bench("booking_create_p50_ms", median_ms(durations), "ms")
    bench("booking_create_p95_ms", p95_ms(durations), "ms")
    if skipped:
        log(f"WARNING: {skipped} bookings found no free option")
    with environment(registry) as env:
        env["beauty.visit"].browse(created).unlink()


# ---------------------------------------------------------------------- calendar
def bench_calendar(registry, salon, runs):
    """The calendar view's ``search_read`` for the last full week of history, 15 masters."""
    durations = []
    for _run in range(runs):
        with environment(registry) as env:
            bound = salon.bind(env)
            week_start = bound.utc(bound.anchor - timedelta(days=7))
            week_end = bound.utc(bound.anchor) - timedelta(seconds=1)
            # The calendar view's range domain (web's CalendarModel.computeRangeDomain), no other filter.
            domain = [("date_start", "<=", week_end), ("date_stop", ">=", week_start)]
            env.invalidate_all()
            started = time.perf_counter()
            records = env["beauty.visit.line"].search_read(domain, CALENDAR_FIELDS + ["display_name"])
            durations.append(time.perf_counter() - started)
    bench("calendar_week_ms", median_ms(durations), "ms")
    bench("calendar_week_lines", len(records), "lines")


# ---------------------------------------------------------------------- concurrency
def concurrent_worker(db, plan, index, tries, barrier, results):
    """One receptionist: ``tries`` random bookings, each committed or rolled back (forked process)."""
    logging.getLogger("odoo.sql_db").setLevel(logging.CRITICAL)  # refused overlaps are expected
    counts = {"committed": 0, "refused": 0, "races": 0, "errors": 0}
    try:
        with environment(Registry(db)) as env:
            env["ir.sequence"].search([("code", "=", "beauty.visit")])  # warm up before the start line
            barrier.wait(timeout=300)
            rng = random.Random(f"{SEED}:worker:{index}")
            for _try in range(tries):
                concurrent_booking(env, plan, rng, counts)
    finally:
        results.put(counts)


def concurrent_booking(env, plan, rng, counts):
    master_id, services = rng.choice(plan["masters"])
    service_id, duration = rng.choice(services)
    slots = int((plan["closing"] - plan["opening"] - duration) / timedelta(minutes=15)) + 1
    start = plan["opening"] + timedelta(minutes=15 * rng.randrange(slots))
    line = {"service_id": service_id, "master_id": master_id, "date_start": start}
    vals = {
        "partner_id": rng.choice(plan["clients"]),
        "company_id": plan["company_id"],
        "source": "phone",
        "note": BENCH_NOTE,
        "line_ids": [Command.create(line)],
    }
    try:
        env["beauty.visit"].create(vals).action_confirm()
        env.cr.commit()
        counts["committed"] += 1
    except ValidationError as error:
        env.cr.rollback()
        counts["refused"] += 1
        # The conflicting booking was not in this transaction's snapshot: a true race.
        counts["races"] += "just been booked by someone else" in str(error)
    except (UserError, psycopg2.Error) as error:  # a finding: count it, say what it was, go on
        env.cr.rollback()
        counts["errors"] += 1
        if counts["errors"] == 1:
            log(f"unexpected {type(error).__name__} while booking: {error}")


def concurrency_plan(registry, gen, salon, masters):
    """Three masters, their 30-90 minute services and an empty day three weeks after the anchor."""
    with environment(registry) as env:
        bound = salon.bind(env)
        day = bound.anchor + timedelta(days=21)
        plan_masters = []
        for master in bound.masters[:masters]:
            services = [
                (bound.services[service.code].id, timedelta(hours=service.duration))
                for service in gen.SERVICES
                if 0.5 <= service.duration <= 1.5 and master in bound.service_masters(service.code)
            ]
            plan_masters.append((master.id, services))
        return {
            "masters": plan_masters,
            "resource_ids": bound.masters[:masters].resource_id.ids,
            "clients": bound.clients.ids,
            "company_id": bound.company.id,
            "opening": bound.utc(day, gen.OPEN_HOUR),
            "closing": bound.utc(day, gen.CLOSE_HOUR),
        }


def bench_concurrency(registry, gen, salon, db, workers, tries, masters):
    plan = concurrency_plan(registry, gen, salon, masters)
    odoo.sql_db.close_all()  # the forked workers must not share the parent's connections
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(workers), context.Queue()
    processes = [
        context.Process(target=concurrent_worker, args=(db, plan, index, tries, barrier, results))
        for index in range(workers)
    ]
    started = time.perf_counter()
    for process in processes:
        process.start()
    totals = [results.get() for _process in processes]
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    committed, refused, races, errors = (
        sum(counts[key] for counts in totals) for key in ("committed", "refused", "races", "errors")
    )
    log(
        f"{workers} workers x {tries} bookings in {elapsed:.1f}s: {committed} committed, {refused} refused"
        f" ({races} of them by a booking committed after their snapshot), {errors} other errors"
    )
    with environment(registry) as env:
        overlaps = env.execute_query(
            SQL(
                """SELECT count(*) FROM beauty_busy_slot a
                     JOIN beauty_busy_slot b ON b.resource_id = a.resource_id AND b.id > a.id
                    WHERE a.kind = 'master' AND b.kind = 'master'
                      AND NOT COALESCE(a.overbooked, FALSE) AND NOT COALESCE(b.overbooked, FALSE)
                      AND tsrange(a.date_start, a.date_stop, '[)') && tsrange(b.date_start, b.date_stop, '[)')
                      AND a.resource_id = ANY(%s) AND a.date_start < %s AND a.date_stop > %s""",
                plan["resource_ids"],
                plan["closing"] + timedelta(hours=3),
                plan["opening"] - timedelta(hours=3),
            )
        )[0][0]
    bench("concurrent_overlaps", overlaps, "pairs")
    bench("concurrent_committed", committed, "visits")
    bench("concurrent_refused", refused, "visits")
    if errors:
        bench("concurrent_errors", errors, "visits")


def dataset_overlaps(registry):
    """Busy slots of a master overlapping an earlier one, over the whole table (must be 0)."""
    with environment(registry) as env:
        return env.execute_query(
            SQL(
                """SELECT count(*) FROM (
                       SELECT date_start, max(date_stop) OVER (
                                  PARTITION BY resource_id ORDER BY date_start, id
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_stop
                         FROM beauty_busy_slot WHERE kind = 'master' AND NOT COALESCE(overbooked, FALSE)
                   ) slots WHERE date_start < previous_stop"""
            )
        )[0][0]


# ---------------------------------------------------------------------- main
def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", nargs="?", choices=("run", "generate"), default="run")
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", "salon_bench"))
    parser.add_argument("--addons-path", default=None, help="default: the output of tools/addons_path.sh")
    parser.add_argument("--visits", type=int, default=BOOKING_VISITS, help="generate: visits to top up to")
    parser.add_argument("--availability-visits", type=int, default=AVAILABILITY_VISITS)
    parser.add_argument("--booking-visits", type=int, default=BOOKING_VISITS)
    parser.add_argument("--queries", type=int, default=50, help="availability queries")
    parser.add_argument("--bookings", type=int, default=50)
    parser.add_argument("--calendar-runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--tries", type=int, default=200, help="bookings per worker")
    parser.add_argument("--masters", type=int, default=3, help="masters the workers compete for")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    odoo.tools.config.parse_config(
        [f"--addons-path={args.addons_path or default_addons_path()}", "-d", args.db, "--log-level=warn"]
    )
    registry = Registry(args.db)
    gen = load_generator()
    if args.command == "generate":
        top_up(registry, gen, args.visits)
        bench("bench_dataset_visits", visit_count(registry), "visits")
        return 0
    delete_bench_visits(registry)
    salon = top_up(registry, gen, args.availability_visits)
    visits = visit_count(registry)
    log(f"availability: {args.queries} queries on {visits} visits")
    bench("availability_dataset_visits", visits, "visits")
    bench_availability(registry, gen, salon, args.queries)
    salon = top_up(registry, gen, args.booking_visits)
    bench("bench_dataset_visits", visit_count(registry), "visits")
    log(f"booking: {args.bookings} bookings")
    bench_booking(registry, gen, salon, args.bookings)
    log(f"calendar: {args.calendar_runs} week loads")
    bench_calendar(registry, salon, args.calendar_runs)
    log(f"concurrency: {args.workers} workers x {args.tries} bookings on {args.masters} masters")
    bench_concurrency(registry, gen, salon, args.db, args.workers, args.tries, args.masters)
    bench("dataset_overlaps", dataset_overlaps(registry), "slots")
    delete_bench_visits(registry)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
