#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of beauty_salon_stock; ``make bench`` runs it after the core benchmark.

Usage::

    tools/bench_beauty_salon_stock.py [--db salon_bench_beauty_salon_stock] [--tries 30] [--runs 5]

The database is built on first use (``beauty_salon`` and ``beauty_salon_stock`` without demo data), updated to
the current code otherwise, and rebuilt with ``BENCH_REBUILD=1``. It holds a generated chain salon
(``data/salon_generator.py``, 110 masters, no future bookings) whose last month has over 30,000 visits, with
materials written off for every done booking of that month (bulk SQL, a per-master bias against the norm),
and consumables in real-time average-cost valuation for the write-off measurement.

Metrics, printed as ``BENCH <name> <value> <unit>`` (each with a ``_cpu_`` twin: the CPU time of this
process and its PostgreSQL backend, which the load of a shared machine does not inflate):

* ``writeoff_per_visit_p50_ms``: completing one visit of 3 services with 8 consumables (``action_done``:
  norms, one validated transfer, valuation layers, journal entries), committed; one request each.
* ``consumption_report_ms``: the actual-vs-norm pivot (master x material rows, months as columns: the six
  ``read_group`` calls the pivot view makes) over that month.
"""

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta

import pytz

import odoo
from odoo import Command
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DB = "salon_bench_beauty_salon_stock"
MASTERS = 110
REPORT_VISITS = 30_000
BENCH_NOTE = "bench-stock"
# The generated month: the history runs backwards from the generator's anchor (2026-06-01).
MONTH_START, MONTH_END = date(2026, 5, 1), date(2026, 6, 1)
# (code, name, unit xml id, cost per unit)
CONSUMABLES = (
    ("dye", "Крем-краска", "uom.product_uom_gram", 9.5),
    ("oxidant", "Оксидант 6 %", "uom.product_uom_litre", 450.0),
    ("gloves", "Перчатки нитриловые, пара", "uom.product_uom_unit", 18.0),
    ("shampoo", "Шампунь профессиональный", "uom.product_uom_litre", 700.0),
    ("gel_polish", "Гель-лак", "uom.product_uom_gram", 60.0),
    ("file", "Пилка одноразовая", "uom.product_uom_unit", 25.0),
    ("foot_cream", "Крем для стоп", "uom.product_uom_gram", 3.0),
    ("oil", "Массажное масло", "uom.product_uom_litre", 900.0),
    ("gel", "Гель для лазерной эпиляции", "uom.product_uom_gram", 1.2),
    ("brow_dye", "Краска для бровей", "uom.product_uom_gram", 40.0),
)
# Cost cards of the generator's services: (service code, [(consumable code, norm)]). The first three make
# the write-off visit: 3 services, 8 consumables.
CARDS = (
    ("colour", [("dye", 60.0), ("oxidant", 0.09), ("gloves", 1.0), ("shampoo", 0.03)]),
    ("manicure", [("gel_polish", 2.0), ("file", 1.0)]),
    ("pedicure", [("foot_cream", 15.0), ("file", 2.0)]),
    ("haircut_w", [("shampoo", 0.02)]),
    ("haircut_m", [("shampoo", 0.01)]),
    ("styling", [("shampoo", 0.02)]),
    ("massage_back", [("oil", 0.02)]),
    ("massage_full", [("oil", 0.04)]),
    ("laser", [("gel", 30.0), ("gloves", 1.0)]),
    ("brows", [("brow_dye", 1.0)]),
)
WRITEOFF_SERVICES = ("colour", "manicure", "pedicure")


def load_core_bench():
    """tools/bench.py: its helpers (BENCH lines, request-like environments, the generator loader)."""
    spec = importlib.util.spec_from_file_location("salon_core_bench", os.path.join(ROOT, "tools", "bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


core = load_core_bench()
log, bench, environment = core.log, core.bench, core.environment


def odoo_sh(*args):
    subprocess.run(["bash", os.path.join(ROOT, "tools", "odoo.sh"), *args], check=True)


def database_ready(db):
    """True when ``db`` exists with the addon installed."""
    check = subprocess.run(
        ["psql", "-d", db, "-tAqc", "SELECT state FROM ir_module_module WHERE name = 'beauty_salon_stock'"],
        capture_output=True,
        text=True,
        check=False,
    )
    return check.returncode == 0 and check.stdout.strip() == "installed"


def prepare_database(db):
    if os.environ.get("BENCH_REBUILD") == "1":
        log(f"dropping {db}")
        subprocess.run(["dropdb", "--if-exists", db], check=True)
    common = ["-d", db, "--stop-after-init", "--log-level=warn"]
    if database_ready(db):
        log(f"updating beauty_salon and beauty_salon_stock in {db}")
        odoo_sh(*common, "-u", "beauty_salon,beauty_salon_stock")
    else:
        log(f"installing beauty_salon and beauty_salon_stock into {db}")
        odoo_sh(*common, "-i", "beauty_salon,beauty_salon_stock", "--without-demo=all")


# ---------------------------------------------------------------------- data set
def ensure_consumables(env, gen):
    """Consumables in real-time average cost with a big stock, created once (tagged like the generator's)."""
    if gen._ref(env, "stock_category"):
        return {code: gen._ref(env, f"stock_product_{code}") for code, *_rest in CONSUMABLES}
    category = env["product.category"].create(
        {
            "name": "Расходные материалы (бенчмарк)",
            "property_cost_method": "average",
            "property_valuation": "real_time",
        }
    )
    products = {}
    for code, name, uom_xmlid, cost in CONSUMABLES:
        uom = env.ref(uom_xmlid)
        products[code] = env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "is_storable": True,
                "is_salon_consumable": True,
                "categ_id": category.id,
                "uom_id": uom.id,
                "uom_po_id": uom.id,
                "standard_price": cost,
            }
        )
    gen._register(
        env,
        [category, *products.values()],
        ["stock_category", *(f"stock_product_{code}" for code in products)],
    )
    stock = env.company._salon_warehouse().lot_stock_id
    env["stock.quant"].with_context(inventory_mode=True).create(
        [
            {"product_id": product.id, "location_id": stock.id, "inventory_quantity": 1_000_000.0}
            for product in products.values()
        ]
    )._apply_inventory()
    return products


def ensure_cards(env, salon, products):
    Card = env["beauty.cost.card"]
    for code, norms in CARDS:
        template = salon.services[code].product_tmpl_id
        if Card.search_count([("service_tmpl_id", "=", template.id)]):
            continue
        Card.create(
            {
                "service_tmpl_id": template.id,
                "line_ids": [
                    Command.create({"product_id": products[material].id, "quantity": norm})
                    for material, norm in norms
                ],
            }
        )


def ensure_month_consumption(env):
    """Materials of every done booking of the month, written off in bulk: norm, actual, cost.

    The cost cards' units are the products' own, so the quantities in product unit are the same.

    Masters whose number is divisible by 7 use about 15 % over the norm, the others 0-6 % around it.
    """
    Material = env["beauty.visit.consumption"]
    Material.flush_model()
    month = (utc_midnight(MONTH_START), utc_midnight(MONTH_END))
    done = env.execute_query(
        SQL(
            "SELECT count(*) FROM beauty_visit_consumption WHERE date >= %s AND date < %s",
            *month,
        )
    )[0][0]
    if done:
        return done
    log("writing off the month's materials (bulk SQL)")
    env.cr.execute("SELECT setseed(0.20260601)")
    env.cr.execute(
        SQL(
            """
            INSERT INTO beauty_visit_consumption (
                   visit_id, line_id, sequence, company_id, master_id, service_id, service_categ_id, date,
                   visit_state, product_id, product_uom_id, is_extra, qty_norm, qty_actual, qty_done,
                   product_qty_norm, product_qty_done, amount, unit_cost, create_uid, write_uid, create_date,
                   write_date)
            SELECT line.visit_id, line.id, card_line.sequence, line.company_id, line.master_id,
                   line.service_id, service_tmpl.categ_id, line.date_start, line.state, card_line.product_id,
                   card_line.product_uom_id, FALSE, card_line.quantity, used.qty, used.qty,
                   card_line.quantity, used.qty, used.qty * cost.unit_cost, cost.unit_cost, %(uid)s, %(uid)s,
                   line.date_stop, line.date_stop
              FROM beauty_visit_line line
              JOIN product_product service ON service.id = line.service_id
              JOIN product_template service_tmpl ON service_tmpl.id = service.product_tmpl_id
              JOIN beauty_cost_card card ON card.service_tmpl_id = service.product_tmpl_id
              JOIN beauty_cost_card_line card_line
                ON card_line.card_id = card.id AND card_line.master_id IS NULL
              JOIN LATERAL (
                   SELECT (product.standard_price ->> %(company)s)::numeric AS unit_cost
                     FROM product_product product WHERE product.id = card_line.product_id
              ) cost ON TRUE
              JOIN LATERAL (
                   SELECT round((card_line.quantity * CASE WHEN mod(line.master_id, 7) = 0
                                 THEN 1.10 + random() * 0.10
                                 ELSE 0.97 + random() * 0.06 END)::numeric, 3) AS qty
              ) used ON TRUE
             WHERE line.state = 'done' AND line.date_start >= %(start)s AND line.date_start < %(stop)s
            """,
            uid=env.uid,
            company=str(env.company.id),
            start=month[0],
            stop=month[1],
        )
    )
    inserted = env.cr.rowcount
    env.cr.execute("ANALYZE beauty_visit_consumption")
    return inserted


def utc_midnight(day):
    local = pytz.timezone("Europe/Moscow").localize(datetime.combine(day, datetime.min.time()))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def month_visits(env):
    return env.execute_query(
        SQL(
            "SELECT count(*) FROM beauty_visit WHERE date_start >= %s AND date_start < %s",
            utc_midnight(MONTH_START),
            utc_midnight(MONTH_END),
        )
    )[0][0]


def prepare_data(registry, gen):
    with environment(registry) as env:
        salon = gen.ensure_salon(env, masters=MASTERS)
        if gen.generated_visit_count(env) < REPORT_VISITS:
            log("generating the chain's visits")
            salon = gen.generate(
                env,
                REPORT_VISITS,
                masters=MASTERS,
                future_days=0,
                progress=lambda done, total: log(f"  {done}/{total} visits"),
            )
            env.cr.commit()
        products = ensure_consumables(env, gen)
        ensure_cards(env, salon, products)
        env.cr.commit()
        materials = ensure_month_consumption(env)
        env.cr.commit()
        return salon, month_visits(env), materials


# ---------------------------------------------------------------------- write-off
def writeoff_master(salon):
    """A master who performs colouring, manicure and pedicure."""
    for master in salon.masters:
        if all(master in salon.service_masters(code) for code in WRITEOFF_SERVICES):
            return master
    raise RuntimeError("no generated master performs colouring, manicure and pedicure")


def book_writeoff_visit(registry, gen, salon, day):
    """A visit of the three services one after the other, brought to 'in service'; committed."""
    with environment(registry) as env:
        bound = salon.bind(env)
        master = writeoff_master(bound)
        start = bound.utc(day, 10.0)
        lines = []
        for code in WRITEOFF_SERVICES:
            service = bound.services[code]
            lines.append(
                Command.create({"service_id": service.id, "master_id": master.id, "date_start": start})
            )
            spec = gen.SERVICE_BY_CODE[code]
            start += timedelta(hours=spec.duration + spec.buffer_after)
        visit = env["beauty.visit"].create(
            {"partner_id": bound.clients[0].id, "note": BENCH_NOTE, "source": "walk_in", "line_ids": lines}
        )
        visit.action_arrive()
        visit.action_start()
        return visit.id


def bench_writeoff(registry, gen, salon, tries):
    with environment(registry) as env:
        booked = env["beauty.visit"].search_count([("note", "=", BENCH_NOTE)])
    first_day = salon.anchor + timedelta(days=30 + booked)
    durations, cpu_times, queries, moves = [], [], [], 0
    for index in range(tries + 3):
        visit_id = book_writeoff_visit(registry, gen, salon, first_day + timedelta(days=index))
        with environment(registry) as env:
            visit = env["beauty.visit"].browse(visit_id)
            env.invalidate_all()
            counted = env.cr.sql_log_count
            cpu = core.cpu_seconds(env.cr)
            started = time.perf_counter()
            visit.action_done()
            env.flush_all()
            env.cr.commit()
            elapsed = time.perf_counter() - started
            cpu = core.cpu_seconds(env.cr) - cpu
            spent = env.cr.sql_log_count - counted
            moves = len(visit.salon_picking_ids.move_ids)
        if index >= 3:  # the first ones warm up the registry's caches
            durations.append(elapsed)
            cpu_times.append(cpu)
            queries.append(spent)
    if moves != 8:
        log(f"WARNING: the write-off visit moved {moves} materials, not 8")
    bench("writeoff_per_visit_p50_ms", core.median_ms(durations), "ms")
    bench("writeoff_per_visit_cpu_p50_ms", core.median_ms(cpu_times), "ms")
    bench("writeoff_per_visit_queries", round(statistics.median(queries)), "queries")


# ---------------------------------------------------------------------- report
PIVOT_MEASURES = ["qty_norm:sum", "qty_actual:sum", "qty_diff:sum", "value_diff:sum", "__count"]


def bench_report(registry, runs):
    """The pivot's read_group calls: every prefix of the row groups with every prefix of the columns."""
    domain = [("date", ">=", utc_midnight(MONTH_START)), ("date", "<", utc_midnight(MONTH_END))]
    rows, columns = ["master_id", "product_id"], ["date:month"]
    durations, cpu_times = [], []
    for _run in range(runs + 1):
        with environment(registry) as env:
            Report = env["beauty.consumption.report"]
            env.invalidate_all()
            cpu = core.cpu_seconds(env.cr)
            started = time.perf_counter()
            cells = 0
            for row_depth in range(len(rows) + 1):
                for column_depth in range(len(columns) + 1):
                    groupby = rows[:row_depth] + columns[:column_depth]
                    cells += len(Report.read_group(domain, PIVOT_MEASURES, groupby, lazy=False))
            durations.append(time.perf_counter() - started)
            cpu_times.append(core.cpu_seconds(env.cr) - cpu)
    bench("consumption_report_ms", core.median_ms(durations[1:]), "ms")
    bench("consumption_report_cpu_ms", core.median_ms(cpu_times[1:]), "ms")
    bench("consumption_report_cells", cells, "groups")


# ---------------------------------------------------------------------- main
def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_STOCK_DB", DEFAULT_DB))
    parser.add_argument("--tries", type=int, default=30, help="visits completed for the write-off metric")
    parser.add_argument("--runs", type=int, default=5, help="pivot loads for the report metric")
    args = parser.parse_args(argv)
    prepare_database(args.db)
    odoo.tools.config.parse_config(
        [f"--addons-path={core.default_addons_path()}", "-d", args.db, "--log-level=warn"]
    )
    registry = Registry(args.db)
    gen = core.load_generator()
    salon, visits, materials = prepare_data(registry, gen)
    bench("consumption_report_visits", visits, "visits")
    bench("consumption_report_materials", materials, "lines")
    log(f"report: {args.runs} pivot loads over {visits} visits of {MONTH_START:%B %Y}")
    bench_report(registry, args.runs)
    log(f"write-off: {args.tries} visits of 3 services, 8 consumables")
    bench_writeoff(registry, gen, salon, args.tries)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
