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
* the done visits of the month's first day checked out through Odoo's own flow (sale order, invoice, cash
  payment on the visit's day); every other done visit of the month gets the same documents copied from
  those in bulk (SQL: a sale order and a paid invoice of its own, settled on its day), as checking
  20,000 visits out one by one would take hours; one attendance per master and working day;
* one pay scheme (marginal tiers, a category rule, retail, pay per shift) for all masters.

Metrics (``BENCH <name> <value> <unit>``), each with a ``_cpu_`` twin: the CPU time of this process and its
PostgreSQL backend, which the load of a shared machine does not inflate:

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

from bench import cpu_seconds  # tools/bench.py, next to this script

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
    """The first day's done visits checked out through Odoo's flow (sale order, invoice, cash payment);
    the other days' visits get the same documents copied from them in bulk (SQL)."""
    with environment(registry) as env:
        bound = salon.bind(env)
        visits = env["beauty.visit"].search(
            [
                ("state", "=", "done"),
                ("sale_order_id", "=", False),
                ("date_start", ">=", bound.utc(first)),
                ("date_start", "<", bound.utc(first + timedelta(days=1))),
            ]
        )
        if visits:
            started = time.perf_counter()
            check_out(env, visits, first)
            log(f"checked out {len(visits)} visits of {first} in {time.perf_counter() - started:.1f}s")
    with environment(registry) as env:
        copy_checkouts(env, salon.bind(env), first, last)


# Columns set on the copies (the others are the template's): ``n`` is the new visit or line.
ORDER_COLUMNS = {
    "id": "n.order_id",
    "name": "'BENCH-SO' || n.order_id",
    "partner_id": "n.partner_id",
    "partner_invoice_id": "n.partner_id",
    "partner_shipping_id": "n.partner_id",
    "date_order": "n.date_start",
    "amount_untaxed": "n.total",
    "amount_total": "n.total",
    "amount_tax": "0",
    "salon_visit_id": "n.visit_id",
    "access_token": "NULL",
    "create_date": "n.date_start",
    "write_date": "n.date_start",
}
ORDER_LINE_COLUMNS = {
    "id": "n.sale_line_id",
    "order_id": "n.order_id",
    "sequence": "n.sequence",
    "order_partner_id": "n.partner_id",
    "product_id": "n.product_id",
    "name": "n.name",
    "price_unit": "n.price",
    "technical_price_unit": "n.price",
    "discount": "0",
    "price_subtotal": "n.price",
    "price_total": "n.price",
    "price_tax": "0",
    "price_reduce_taxexcl": "n.price",
    "price_reduce_taxinc": "n.price",
    "untaxed_amount_invoiced": "n.price",
    "untaxed_amount_to_invoice": "0",
    "salon_master_id": "n.master_id",
    "salon_visit_line_id": "n.line_id",
    "create_date": "n.date_start",
    "write_date": "n.date_start",
}
INVOICE_COLUMNS = {
    "id": "n.move_id",
    "name": "'BENCH/' || n.move_id",
    "sequence_prefix": "'BENCH/'",
    "sequence_number": "n.move_id",
    "partner_id": "n.partner_id",
    "commercial_partner_id": "n.partner_id",
    "partner_shipping_id": "n.partner_id",
    "invoice_partner_display_name": "n.partner_name",
    "payment_reference": "'BENCH/' || n.move_id",
    "invoice_origin": "'BENCH-SO' || n.order_id",
    "access_token": "NULL",
    "date": "n.day",
    "invoice_date": "n.day",
    "invoice_date_due": "n.day",
    "amount_untaxed": "n.total",
    "amount_total": "n.total",
    "amount_tax": "0",
    "amount_residual": "0",
    "amount_untaxed_signed": "n.total",
    "amount_untaxed_in_currency_signed": "n.total",
    "amount_tax_signed": "0",
    "amount_total_signed": "n.total",
    "amount_total_in_currency_signed": "n.total",
    "amount_residual_signed": "0",
    "quick_edit_total_amount": "0",
    "payment_state": "'paid'",
    "inalterable_hash": "NULL",
    "secure_sequence_number": "NULL",
    "create_date": "n.date_start",
    "write_date": "n.date_start",
}
INVOICE_LINE_COLUMNS = {
    "id": "n.move_line_id",
    "move_id": "n.move_id",
    "sequence": "n.sequence",
    "partner_id": "n.partner_id",
    "product_id": "n.product_id",
    "name": "n.name",
    "move_name": "'BENCH/' || n.move_id",
    "date": "n.day",
    "invoice_date": "n.day",
    "price_unit": "n.price",
    "price_subtotal": "n.price",
    "price_total": "n.price",
    "discount": "0",
    "balance": "-n.price",
    "credit": "n.price",
    "debit": "0",
    "amount_currency": "-n.price",
    "amount_residual": "0",
    "amount_residual_currency": "0",
    "create_date": "n.date_start",
    "write_date": "n.date_start",
}
TERM_LINE_COLUMNS = {
    "id": "n.term_line_id",
    "move_id": "n.move_id",
    "partner_id": "n.partner_id",
    "move_name": "'BENCH/' || n.move_id",
    "date": "n.day",
    "invoice_date": "n.day",
    "date_maturity": "n.day",
    "balance": "n.total",
    "debit": "n.total",
    "credit": "0",
    "amount_currency": "n.total",
    "amount_residual": "0",
    "amount_residual_currency": "0",
    "reconciled": "TRUE",
    "matching_number": "NULL",
    "full_reconcile_id": "NULL",
    "create_date": "n.date_start",
    "write_date": "n.date_start",
}


def copy_rows(env, table, template_id, source, columns):
    """Insert into ``table`` one copy of its row ``template_id`` per row of the temporary table
    ``source`` (aliased ``n``), with ``columns`` set from it (SQL expressions written here)."""
    names = [
        name
        for [name] in env.execute_query(
            SQL(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s AND table_schema = current_schema() ORDER BY ordinal_position",
                table,
            )
        )
    ]
    values = SQL(", ").join(
        SQL(columns[name]) if name in columns else SQL("t.%s", SQL.identifier(name)) for name in names
    )
    env.execute_query(
        SQL(
            "INSERT INTO %s (%s) SELECT %s FROM %s t CROSS JOIN %s n WHERE t.id = %s",
            SQL.identifier(table),
            SQL(", ").join(SQL.identifier(name) for name in names),
            values,
            SQL.identifier(table),
            SQL.identifier(source),
            template_id,
        )
    )


def copy_checkouts(env, salon, first, last):
    """Every done visit of the days after ``first`` not checked out yet: one sale order and one paid
    invoice (no payment: settled on its date), copied from the first day's documents (bulk SQL)."""
    env.flush_all()
    templates = env.execute_query_dict(
        SQL(
            """SELECT sol.order_id, sol.id AS sale_line_id, aml.move_id, aml.id AS move_line_id,
                      (SELECT id FROM account_move_line WHERE move_id = aml.move_id
                          AND display_type = 'payment_term' LIMIT 1) AS term_line_id
                 FROM sale_order_line sol
                 JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sol.id
                 JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                WHERE sol.salon_visit_line_id IS NOT NULL AND sol.discount = 0
                ORDER BY sol.id LIMIT 1"""
        )
    )
    if not templates:
        raise RuntimeError("no checked-out visit to copy")
    template = templates[0]
    env.cr.execute(
        SQL(
            """CREATE TEMP TABLE bench_visit ON COMMIT DROP AS
               SELECT visit.id AS visit_id, visit.partner_id, partner.name AS partner_name, visit.date_start,
                      (visit.date_start AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS day,
                      nextval('sale_order_id_seq') AS order_id, nextval('account_move_id_seq') AS move_id,
                      nextval('account_move_line_id_seq') AS term_line_id, 0::numeric AS total
                 FROM beauty_visit visit
                 JOIN res_partner partner ON partner.id = visit.partner_id
                WHERE visit.state = 'done' AND visit.sale_order_id IS NULL
                  AND visit.date_start >= %(start)s AND visit.date_start < %(stop)s""",
            tz=salon.tz.zone,
            start=salon.utc(first + timedelta(days=1)),
            stop=salon.utc(last + timedelta(days=1)),
        )
    )
    env.cr.execute(
        """CREATE TEMP TABLE bench_line ON COMMIT DROP AS
           SELECT visit.*, line.id AS line_id, line.master_id, line.service_id AS product_id,
                  row_number() OVER (PARTITION BY line.visit_id ORDER BY line.sequence, line.id) AS sequence,
                  COALESCE(template.name->>'ru_RU', template.name->>'en_US') AS name,
                  template.list_price AS price,
                  nextval('sale_order_line_id_seq') AS sale_line_id,
                  nextval('account_move_line_id_seq') AS move_line_id
             FROM bench_visit visit
             JOIN beauty_visit_line line ON line.visit_id = visit.visit_id
             JOIN product_product product ON product.id = line.service_id
             JOIN product_template template ON template.id = product.product_tmpl_id
            WHERE line.state = 'done'"""
    )
    env.cr.execute(
        """UPDATE bench_visit visit SET total = lines.total
             FROM (SELECT visit_id, SUM(price) AS total FROM bench_line GROUP BY visit_id) lines
            WHERE lines.visit_id = visit.visit_id"""
    )
    copy_rows(env, "sale_order", template["order_id"], "bench_visit", ORDER_COLUMNS)
    copy_rows(env, "sale_order_line", template["sale_line_id"], "bench_line", ORDER_LINE_COLUMNS)
    copy_rows(env, "account_move", template["move_id"], "bench_visit", INVOICE_COLUMNS)
    copy_rows(env, "account_move_line", template["move_line_id"], "bench_line", INVOICE_LINE_COLUMNS)
    copy_rows(env, "account_move_line", template["term_line_id"], "bench_visit", TERM_LINE_COLUMNS)
    env.cr.execute(
        """INSERT INTO sale_order_line_invoice_rel (invoice_line_id, order_line_id)
           SELECT move_line_id, sale_line_id FROM bench_line"""
    )
    env.cr.execute(
        """UPDATE beauty_visit visit SET sale_order_id = copy.order_id
             FROM bench_visit copy WHERE copy.visit_id = visit.id"""
    )
    copied = env.cr.rowcount
    for table in ("sale_order", "sale_order_line", "account_move", "account_move_line"):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    env.invalidate_all()
    log(f"copied the checkout of {copied} visits")


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
        cpu = cpu_seconds(env.cr)
        started = time.perf_counter()
        batch = env["beauty.payroll.batch"].create(
            {"period_type": "monthly", "date_from": first, "date_to": last}
        )
        batch.action_generate_sheets()
        batch.action_compute()
        env.flush_all()
        env.cr.commit()
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(env.cr) - cpu
        lines = env["beauty.payroll.sheet.line"].search_count([("sheet_id.batch_id", "=", batch.id)])
        service_lines = env["beauty.payroll.sheet.line"].search_count(
            [("sheet_id.batch_id", "=", batch.id), ("kind", "=", "service")]
        )
        bench("payroll_month_s", elapsed, "s")
        bench("payroll_month_cpu_s", cpu, "s")
        bench("payroll_month_sheets", batch.sheet_count, "sheets")
        bench("payroll_month_service_lines", service_lines, "lines")
        bench("payroll_month_lines", lines, "lines")
        bench("payroll_month_earned", round(batch.amount_gross), "RUB")


def bench_performance_report(registry, first, last):
    domain = [("date", ">=", first), ("date", "<=", last)]
    durations, cpu_times = [], []
    for _run in range(PERFORMANCE_RUNS + 1):
        with environment(registry) as env:
            Report = env["beauty.staff.performance.report"]
            env.invalidate_all()
            cpu = cpu_seconds(env.cr)
            started = time.perf_counter()
            total = Report.read_group(domain, MEASURES, [], lazy=False)
            rows = Report.read_group(domain, MEASURES, ["master_id"], lazy=False)
            cells = Report.read_group(domain, MEASURES, ["master_id", "date:week"], lazy=False)
            durations.append(time.perf_counter() - started)
            cpu_times.append(cpu_seconds(env.cr) - cpu)
    # The first run warms up the registry.
    bench("performance_report_ms", statistics.median(durations[1:]) * 1000, "ms")
    bench("performance_report_cpu_ms", statistics.median(cpu_times[1:]) * 1000, "ms")
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
