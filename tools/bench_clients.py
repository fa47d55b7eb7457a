#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmarks of the client card, the reminders and the public booking page; ``make bench`` runs it.

Usage::

    tools/bench_clients.py [--db salon_bench_clients] [--clients 100000] [--visits 1000000] ...

The script builds its own database (``beauty_salon`` installed without demo data; reused when present,
rebuilt with ``BENCH_REBUILD=1``, updated to the current code unless ``BENCH_NO_UPDATE=1``) and generates
the data set once, committed:

* ``--clients`` salon clients, bulk-inserted with SQL, each with a phone, an e-mail and a paper
  personal-data consent (so reminders are really queued);
* ``--visits`` visits of ``--masters`` masters over the history, made by ``data/salon_generator.py``
  (lines, rooms/devices and busy slots consistent with the EXCLUDE constraints; mostly done, some
  cancelled - late when within the branch's window - and some no-shows); the history ends a week before
  the database was built, so no thank-you or no-show follow-up is due when the benchmarks run;
* one posted customer invoice per done visit (header only, the amount of its services): the paid
  checkouts the lifetime value adds up.

Each run then books the near future (visits named ``CBENCH/...``, removed again at the end) and prints:

* ``client_stats_refresh_s``: ``res.partner._salon_refresh_stats()`` for every salon client;
* ``client_stats_single_update_ms``: the update of its client's figures when an arrived visit is marked
  done (``res.partner._salon_refresh_stats`` for that client, inside the visit's transaction);
* ``client_stats_single_visit_ms``: the whole of marking it done, committed (the state change, its
  chatter tracking, the client's update and the commit, whose WAL flush is the disk's latency);
* ``reminder_run_s``: the messages' scheduled action with ``--due`` visits due for the 24-hour reminder,
  the log rows it created, and the same for a second run (which must create none). Win-back messages
  already sent are recorded first (a salon running the action every 15 minutes has sent them), so only
  the reminders are new; between 09:00 and 21:00 Moscow time the action still re-checks every overdue
  client, which ``winback_pass_s`` measures at noon whatever the time of the run;
* ``online_slots_p50_ms``: ``GET /salon/booking`` with a service and a day (any master), over HTTP
  against an Odoo server started for the purpose, on a week of partly booked future days.
"""

import argparse
import dataclasses
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta

import psycopg2
import pytz
import requests
from bench import bench, default_addons_path, environment, load_generator, log, median_ms, p95_ms
from psycopg2.extras import execute_values

import odoo
from odoo import fields
from odoo.modules.registry import Registry
from odoo.tools import SQL

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASET_PARAM = "bench_clients.dataset"
# Visits booked by a run: the reminders' day and the online page's week.
RUN_PREFIX = "CBENCH/"
# The reminder visits: 30-minute services every master performs, back to back.
REMINDER_SERVICES = ("haircut_m", "styling")
REMINDER_LEAD = timedelta(hours=2, minutes=30)  # after the 2-hour reminder's window
ONLINE_DAYS = range(2, 9)  # days ahead of today offered to the online page
WARM_UP = 3
PARTS = ("refresh", "single", "reminders", "online")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("BENCH_CLIENTS_DB", "salon_bench_clients"))
    parser.add_argument("--addons-path", default=None, help="default: the output of tools/addons_path.sh")
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--masters", type=int, default=120)
    parser.add_argument("--single-runs", type=int, default=50, help="visits marked done one by one")
    parser.add_argument("--due", type=int, default=5000, help="visits due for the 24-hour reminder")
    parser.add_argument("--requests", type=int, default=50, help="online slot requests")
    parser.add_argument(
        "--only", nargs="+", choices=PARTS, default=PARTS, help="run only these benchmarks (default: all)"
    )
    return parser.parse_args(argv)


# ---------------------------------------------------------------------- database
def fetch_all(dbname, query, params=()):
    """Rows of one query on ``dbname`` through a connection of its own (outside Odoo)."""
    conn = psycopg2.connect(dbname=dbname)
    try:
        with conn.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()
    finally:
        conn.close()


def database_state(db):
    """None when ``db`` does not exist, else whether ``beauty_salon`` is installed in it."""
    if not fetch_all("postgres", "SELECT 1 FROM pg_database WHERE datname = %s", [db]):
        return None
    try:
        return bool(
            fetch_all(
                db, "SELECT 1 FROM ir_module_module WHERE name = 'beauty_salon' AND state = 'installed'"
            )
        )
    except psycopg2.errors.UndefinedTable:  # an empty database: Odoo initialises it at install
        return False


def prepare_database(db):
    """Install beauty_salon into ``db`` (dropped first with BENCH_REBUILD=1) or update it."""
    odoo_sh = [os.path.join(ROOT, "tools", "odoo.sh"), "-d", db, "--stop-after-init", "--log-level=warn"]
    state = database_state(db)
    if os.environ.get("BENCH_REBUILD") == "1" and state is not None:
        log(f"dropping {db}")
        subprocess.run(["dropdb", db], check=True)
        state = None
    if not state:
        log(f"installing beauty_salon into {db}")
        subprocess.run([*odoo_sh, "-i", "beauty_salon", "--without-demo=all"], check=True, cwd=ROOT)
    elif os.environ.get("BENCH_NO_UPDATE") != "1":
        log(f"updating beauty_salon in {db}")
        subprocess.run([*odoo_sh, "-u", "beauty_salon"], check=True, cwd=ROOT)


# ---------------------------------------------------------------------- data set
def insert_clients(env, gen, count):
    """``count`` salon clients (the generator's names and phones), each with a personal-data consent."""
    cr = env.cr
    uid = env.ref("base.user_admin").id
    now = fields.Datetime.now()
    ids = gen._next_ids(cr, "res_partner_id_seq", count)
    rows = []
    for index, partner_id in enumerate(ids):
        name, phone = gen.fake_client(index)
        email = f"client{index + 1:06d}@example.com"
        rows.append(
            (
                partner_id,
                name,
                name,
                f"{gen.CLIENT_REF_PREFIX}{index + 1:05d}",
                phone,
                "+" + re.sub(r"\D", "", phone),
                email,
                email,
                partner_id,
                uid,
                uid,
                now,
                now,
            )
        )
    execute_values(
        cr,
        """INSERT INTO res_partner (
               id, name, complete_name, ref, phone, phone_sanitized, email, email_normalized,
               commercial_partner_id, create_uid, write_uid, create_date, write_date, lang, type, active,
               is_company, partner_share, autopost_bills, customer_rank, supplier_rank, color,
               is_salon_client, salon_personal_data_consent
           ) SELECT v.*, 'en_US', 'contact', TRUE, FALSE, TRUE, 'ask', 1, 0, 0, TRUE, TRUE
               FROM (VALUES %s) AS v""",
        rows,
        page_size=5000,
    )
    cr.execute(
        SQL(
            """INSERT INTO beauty_consent (partner_id, purpose, channel, date, active_consent, source,
                                           create_uid, write_uid, create_date, write_date)
               SELECT id, 'personal_data', 'paper', %(now)s, TRUE, 'signed form', %(uid)s, %(uid)s,
                      %(now)s, %(now)s
                 FROM res_partner WHERE id = ANY(%(ids)s)""",
            now=now,
            uid=uid,
            ids=ids,
        )
    )


def mark_late_cancellations(env):
    """Cancelled visits are late when cancelled within the branch's window, as ``action_cancel`` says."""
    env.cr.execute(
        """UPDATE beauty_visit v
              SET late_cancel =
                  v.date_start - v.cancel_date < make_interval(hours => c.salon_late_cancel_hours)
             FROM res_company c
            WHERE c.id = v.company_id AND v.state = 'cancelled'"""
    )


def insert_invoices(env, salon):
    """A posted customer invoice (header only) per done visit, for the amount of its services."""
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", salon.company.id)], limit=1
    )
    env.cr.execute(
        SQL(
            """INSERT INTO account_move (
                   name, journal_id, company_id, currency_id, partner_id, commercial_partner_id,
                   move_type, state, auto_post, payment_state, date, invoice_date, invoice_origin,
                   amount_untaxed, amount_total, amount_untaxed_signed, amount_total_signed,
                   amount_total_in_currency_signed, amount_residual, amount_residual_signed,
                   create_uid, write_uid, create_date, write_date
               )
               SELECT 'INV/' || v.name, %(journal)s, v.company_id, %(currency)s, v.partner_id, v.partner_id,
                      'out_invoice', 'posted', 'no', 'paid', v.date_stop::date, v.date_stop::date, v.name,
                      t.amount, t.amount, t.amount, t.amount, t.amount, 0, 0,
                      v.create_uid, v.write_uid, v.write_date, v.write_date
                 FROM beauty_visit v
                 JOIN LATERAL (
                      SELECT SUM(pt.list_price) AS amount
                        FROM beauty_visit_line l
                        JOIN product_product pp ON pp.id = l.service_id
                        JOIN product_template pt ON pt.id = pp.product_tmpl_id
                       WHERE l.visit_id = v.id
                 ) t ON TRUE
                WHERE v.state = 'done' AND v.name LIKE %(prefix)s""",
            journal=journal.id,
            currency=salon.company.currency_id.id,
            prefix="GEN/%",
        )
    )
    return env.cr.rowcount


def ensure_dataset(registry, gen, args):
    """Generate the data set once (committed); return its description (anchor and sizes)."""
    with environment(registry) as env:
        Param = env["ir.config_parameter"].sudo()  # sudo: a technical parameter of the bench database
        stored = Param.get_param(DATASET_PARAM)
        wanted = {"clients": args.clients, "visits": args.visits, "masters": args.masters}
        if stored:
            dataset = json.loads(stored)
            if {key: dataset[key] for key in wanted} != wanted:
                raise SystemExit(
                    f"{args.db} holds another data set ({stored}): rebuild it with BENCH_REBUILD=1"
                )
            return dataset
        started = time.perf_counter()
        # The history ends a week before today: no thank-you or no-show follow-up is due in the runs.
        tz = pytz.timezone(gen.TZ)
        anchor = datetime.now(tz).date() - timedelta(days=7)
        log(f"generating {args.clients} clients")
        insert_clients(env, gen, args.clients)
        log(f"generating {args.visits} visits of {args.masters} masters before {anchor}")
        salon = gen.generate(
            env,
            args.visits,
            masters=args.masters,
            future_days=0,
            clients=args.clients,
            anchor=anchor,
            progress=lambda done, total: log(f"  {done}/{total} visits"),
        )
        mark_late_cancellations(env)
        log("generating the invoices of the done visits")
        invoices = insert_invoices(env, salon)
        for table in ("res_partner", "beauty_consent", "account_move", "beauty_visit"):
            env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
        dataset = dict(wanted, anchor=anchor.isoformat(), invoices=invoices)
        Param.set_param(DATASET_PARAM, json.dumps(dataset))
        log(f"data set generated in {time.perf_counter() - started:.0f}s: {dataset}")
        return dataset


def load_salon(registry, gen, args, dataset):
    """The generated salon's records (``data/salon_generator.py`` finds them again by XML id)."""
    with environment(registry) as env:
        anchor = fields.Date.to_date(dataset["anchor"])
        return gen.ensure_salon(env, masters=args.masters, clients=args.clients, anchor=anchor)


# ---------------------------------------------------------------------- the runs' own visits
def delete_run_visits(registry):
    """Remove the visits a run booked, with their messages (SQL: thousands of them)."""
    with environment(registry) as env:
        env.cr.execute(SQL("SELECT id FROM beauty_visit WHERE name LIKE %s", f"{RUN_PREFIX}%"))
        visit_ids = [row[0] for row in env.cr.fetchall()]
        if not visit_ids:
            return
        log(f"deleting {len(visit_ids)} visits booked by an earlier run")
        messages = SQL(
            "SELECT id FROM mail_message WHERE model = 'beauty.visit' AND res_id = ANY(%s)", visit_ids
        )
        env.cr.execute(SQL("DELETE FROM sms_sms WHERE mail_message_id IN (%s)", messages))
        env.cr.execute(SQL("DELETE FROM mail_message WHERE id IN (%s)", messages))
        env.cr.execute(
            SQL("DELETE FROM mail_followers WHERE res_model = 'beauty.visit' AND res_id = ANY(%s)", visit_ids)
        )
        env.cr.execute(SQL("DELETE FROM beauty_visit WHERE id = ANY(%s)", visit_ids))


def insert_run_visits(env, gen, salon, visits, now):
    """Bulk-insert planned visits as booked well before ``now`` (no confirmation catch-up is due)."""
    booked = now - timedelta(days=2)
    for visit in visits:
        visit.name = f"{RUN_PREFIX}{visit.name}"
        visit.create_date = min(visit.create_date, booked)
        if visit.cancel_date:
            visit.cancel_date = min(visit.cancel_date, booked + timedelta(days=1))
        visit.write_date = visit.cancel_date or visit.create_date
    gen.insert_visits(env, salon, visits)


def book_reminder_day(registry, gen, salon, due, now):
    """``due`` confirmed visits starting between 2.5 and 24 hours from ``now``, every master busy."""
    with environment(registry) as env:
        bound = salon.bind(env)
        masters = gen.DayPlanner(bound).masters
        services = [gen.SERVICE_BY_CODE[code] for code in REMINDER_SERVICES]
        slot = timedelta(hours=services[0].duration)
        first = now + REMINDER_LEAD
        first += timedelta(minutes=-first.minute % 15, seconds=-first.second, microseconds=-first.microsecond)
        rounds = -(-due // len(masters))
        if first + rounds * slot > now + timedelta(hours=24):
            raise SystemExit(f"{due} reminder visits need more than {len(masters)} masters")
        clients = random.Random(f"{gen.SEED}:reminders").sample(bound.clients.ids, due)
        visits = []
        for number in range(due):
            master = masters[number % len(masters)]
            service = services[number % len(services)]
            start = first + (number // len(masters)) * slot
            product_id = bound.services[service.code].id
            visit = gen.PlannedVisit([gen.PlannedLine(service, product_id, master, start, [])])
            visit.name, visit.partner_id = f"R/{number + 1:05d}", clients[number]
            visit.state, visit.source = "confirmed", "phone"
            visit.create_date = now - timedelta(days=3)
            visits.append(visit)
        insert_run_visits(env, gen, bound, visits, now)
        return first, first + rounds * slot


def book_online_week(registry, gen, salon, now):
    """The online page's days, partly booked as the generator plans the near future."""
    with environment(registry) as env:
        today = datetime.now(pytz.timezone(gen.TZ)).date()
        # Planned from today: the fill decreases with the distance, as bookings do.
        planner = gen.DayPlanner(dataclasses.replace(salon.bind(env), anchor=today))
        days = [today + timedelta(days=offset) for offset in ONLINE_DAYS]
        visits = [visit for day in days for visit in planner.plan(day)]
        insert_run_visits(env, gen, salon.bind(env), visits, now)
        for table in ("beauty_visit", "beauty_visit_line", "beauty_busy_slot"):
            env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
        return days, len(visits)


# ---------------------------------------------------------------------- client figures
def bench_refresh(registry):
    with environment(registry) as env:
        started = time.perf_counter()
        env["res.partner"].browse()._salon_refresh_stats()
        elapsed = time.perf_counter() - started
        env.cr.commit()
        clients, visited, overdue, visits = env.execute_query(
            SQL(
                """SELECT count(*), count(*) FILTER (WHERE salon_visit_count > 0),
                          count(*) FILTER (WHERE salon_overdue_from < %s), sum(salon_visit_count)
                     FROM res_partner WHERE is_salon_client""",
                fields.Date.context_today(env["res.partner"]),
            )
        )[0]
    log(f"refreshed {clients} clients ({visited} with done visits, {visits} in all, {overdue} overdue)")
    bench("client_stats_refresh_s", elapsed, "s")


def bench_single_visit(registry, gen, runs):
    """Arrived visits (recent done ones, set back to arrived) marked done one by one, each committed."""
    with environment(registry) as env:
        rows = env.execute_query(
            SQL(
                """SELECT DISTINCT ON (partner_id) id, partner_id, date_start FROM beauty_visit
                    WHERE state = 'done' AND name LIKE %(generated)s
                      AND date_start > (SELECT max(date_start) - interval '3 days' FROM beauty_visit
                                         WHERE state = 'done' AND name LIKE %(generated)s)
                    ORDER BY partner_id, date_start DESC""",
                generated=f"{gen.NAME_PREFIX}%",
            )
        )
        visit_ids = [row[0] for row in sorted(rows, key=lambda row: row[2], reverse=True)][: runs + WARM_UP]
        last_message = env.execute_query(SQL("SELECT COALESCE(max(id), 0) FROM mail_message"))[0][0]
        env.cr.execute(SQL("UPDATE beauty_visit SET state = 'arrived' WHERE id = ANY(%s)", visit_ids))
        env.cr.execute(
            SQL("UPDATE beauty_visit_line SET state = 'arrived' WHERE visit_id = ANY(%s)", visit_ids)
        )
    # The client's own update inside "done" is timed apart: the rest is the state change, its chatter
    # tracking and the commit (a WAL flush, the disk's latency).
    partner_class = registry["res.partner"]
    refresh = partner_class._salon_refresh_stats
    updates = []

    def timed_refresh(partners):
        started = time.perf_counter()
        result = refresh(partners)
        updates.append(time.perf_counter() - started)
        return result

    durations = []
    partner_class._salon_refresh_stats = timed_refresh
    try:
        for index, visit_id in enumerate(visit_ids):
            with environment(registry) as env:
                visit = env["beauty.visit"].browse(visit_id)
                started = time.perf_counter()
                visit.action_done()
                env.cr.commit()
                if index >= WARM_UP:
                    durations.append(time.perf_counter() - started)
                else:
                    updates.clear()
    finally:
        partner_class._salon_refresh_stats = refresh
    with environment(registry) as env:
        # The state changes' tracking messages: the history stays as generated.
        env.cr.execute(
            SQL(
                "DELETE FROM mail_message WHERE id > %s AND model = 'beauty.visit' AND res_id = ANY(%s)",
                last_message,
                visit_ids,
            )
        )
    bench("client_stats_single_update_ms", median_ms(updates), "ms")
    bench("client_stats_single_update_p95_ms", p95_ms(updates), "ms")
    bench("client_stats_single_visit_ms", median_ms(durations), "ms")
    bench("client_stats_single_visit_p95_ms", p95_ms(durations), "ms")


# ---------------------------------------------------------------------- reminders
def record_sent_winbacks(registry):
    """The win-back messages a salon running the action all along has sent: one per overdue client."""
    with environment(registry) as env:
        env.cr.execute(
            SQL(
                """INSERT INTO beauty_message_log (partner_id, purpose, key, channels, date,
                                                   create_uid, create_date, write_uid, write_date)
                   SELECT id, 'winback', to_char(salon_last_visit, 'YYYY-MM-DD'), 'email', %(now)s,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM res_partner
                    WHERE is_salon_client AND active AND salon_overdue_from < %(today)s
                   ON CONFLICT (partner_id, purpose, key) DO NOTHING""",
                now=fields.Datetime.now(),
                uid=env.uid,
                today=fields.Date.context_today(env["res.partner"]),
            )
        )
        return env.cr.rowcount


def run_message_cron(registry):
    """One run of the messages' scheduled action, committed: (seconds, log rows by purpose, queued)."""
    with environment(registry) as env:
        before = env.execute_query(
            SQL(
                """SELECT (SELECT COALESCE(max(id), 0) FROM beauty_message_log),
                          (SELECT COALESCE(max(id), 0) FROM mail_mail),
                          (SELECT COALESCE(max(id), 0) FROM sms_sms)"""
            )
        )[0]
        started = time.perf_counter()
        env["beauty.message.rule"]._cron_send_due()
        env.cr.commit()
        elapsed = time.perf_counter() - started
        created = dict(
            env.execute_query(
                SQL("SELECT purpose, count(*) FROM beauty_message_log WHERE id > %s GROUP BY 1", before[0])
            )
        )
        mails, sms = env.execute_query(
            SQL(
                """SELECT (SELECT count(*) FROM mail_mail WHERE id > %s),
                          (SELECT count(*) FROM sms_sms WHERE id > %s)""",
                before[1],
                before[2],
            )
        )[0]
    return elapsed, created, mails, sms


def bench_winback_pass(registry, gen):
    """The win-back rule at noon (Moscow) on the data set where every lapse already had its message."""
    with environment(registry) as env:
        rule = env.ref("beauty_salon.beauty_message_rule_winback")
        tz = pytz.timezone(gen.TZ)
        noon = tz.localize(
            datetime.combine(datetime.now(tz).date(), datetime.min.time()) + timedelta(hours=12)
        )
        started = time.perf_counter()
        sent = rule._send_due(noon.astimezone(pytz.utc).replace(tzinfo=None))
        env.cr.commit()
        elapsed = time.perf_counter() - started
    bench("winback_pass_s", elapsed, "s")
    bench("winback_pass_created", sent, "messages")


def bench_reminders(registry, gen, salon, due):
    now = fields.Datetime.now()
    first, last = book_reminder_day(registry, gen, salon, due, now)
    recorded = record_sent_winbacks(registry)
    log(f"{due} visits due for the 24-hour reminder ({first} to {last} UTC); {recorded} win-backs recorded")
    from odoo.addons.beauty_salon.models.beauty_message_rule import QUIET_FROM, QUIET_UNTIL

    if QUIET_UNTIL <= datetime.now(pytz.timezone(gen.TZ)).time() < QUIET_FROM:
        log("daytime in Moscow: the action also re-checks the birthday and win-back messages")
    elapsed, created, mails, sms = run_message_cron(registry)
    log(f"first run: log rows {created}, {mails} e-mails and {sms} SMS queued")
    bench("reminder_run_s", elapsed, "s")
    bench("reminder_run_created", sum(created.values()), "messages")
    bench("reminder_due", due, "visits")
    elapsed, created, mails, sms = run_message_cron(registry)
    log(f"second run: log rows {created}, {mails} e-mails and {sms} SMS queued")
    bench("reminder_second_run_s", elapsed, "s")
    bench("reminder_second_run_created", sum(created.values()), "messages")
    bench_winback_pass(registry, gen)


# ---------------------------------------------------------------------- online booking over HTTP
def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db, port):
    """A local Odoo server (threaded, no cron threads) answering on 127.0.0.1:``port``."""
    command = [
        os.path.join(ROOT, "tools", "odoo.sh"),
        "-d",
        db,
        f"--http-port={port}",
        "--http-interface=127.0.0.1",
        "--workers=0",
        "--max-cron-threads=0",
        "--log-level=warn",
    ]
    server = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the Odoo server stopped at start (exit code {server.returncode})")
            try:
                if requests.get(f"http://127.0.0.1:{port}/web/health", timeout=10).status_code == 200:
                    return server
            except requests.RequestException:
                pass  # not listening yet, or still loading the registry
            time.sleep(0.5)
        raise SystemExit("the Odoo server did not answer within 180 s")
    except BaseException:
        stop_server(server)
        raise


def stop_server(server):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def bench_online(registry, gen, salon, db, count):
    now = fields.Datetime.now()
    days, booked = book_online_week(registry, gen, salon, now)
    log(f"online page: {booked} visits booked from {days[0]} to {days[-1]}; {count} slot requests")
    services = [salon.services[service.code].id for service in gen.SERVICES]
    port = free_port()
    server = start_server(db, port)
    durations, offered = [], []
    try:
        with requests.Session() as session:
            for index in range(count + WARM_UP):
                params = {
                    "company_id": salon.company.id,
                    "service_ids": services[index % len(services)],
                    "day": days[index % len(days)].isoformat(),
                }
                started = time.perf_counter()
                response = session.get(f"http://127.0.0.1:{port}/salon/booking", params=params, timeout=60)
                elapsed = time.perf_counter() - started
                response.raise_for_status()
                if index >= WARM_UP:
                    durations.append(elapsed)
                    offered.append(response.text.count("o_salon_time"))
    finally:
        stop_server(server)
    bench("online_slots_p50_ms", median_ms(durations), "ms")
    bench("online_slots_p95_ms", p95_ms(durations), "ms")
    bench("online_slots_options_avg", round(statistics.mean(offered)), "options")


# ---------------------------------------------------------------------- main
def main(argv):
    args = parse_args(argv)
    prepare_database(args.db)
    odoo.tools.config.parse_config(
        [f"--addons-path={args.addons_path or default_addons_path()}", "-d", args.db, "--log-level=warn"]
    )
    registry = Registry(args.db)
    gen = load_generator()
    delete_run_visits(registry)
    dataset = ensure_dataset(registry, gen, args)
    salon = load_salon(registry, gen, args, dataset)
    bench("clients_dataset_clients", dataset["clients"], "clients")
    bench("clients_dataset_visits", dataset["visits"], "visits")
    try:
        if "refresh" in args.only:
            log("client figures: refresh of every client")
            bench_refresh(registry)
        if "single" in args.only:
            log(f"client figures: {args.single_runs} visits marked done")
            bench_single_visit(registry, gen, args.single_runs)
        if "reminders" in args.only:
            log("reminders")
            bench_reminders(registry, gen, salon, args.due)
        if "online" in args.only:
            bench_online(registry, gen, salon, args.db, args.requests)
    finally:
        delete_run_visits(registry)
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
