#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make loadtest` (not in CI): many clients book on the public pages of a multi-worker Odoo at once.

Builds (or reuses) its own database, starts Odoo with ``--workers`` on loopback on a free port, and lets
``--clients`` concurrent clients, for ``--seconds``, ask for the free times of a random master and day
and book one of them, each attempt with a phone of its own (and its own address through
``X-Forwarded-For``, so that the per-client rate limit stays out of the way). Afterwards it checks that
no two active bookings of a master overlap (SQL), that no request got a 5xx and the server log has no
error, and that every accepted booking is in the database exactly once (connection errors and read
timeouts, which an overloaded host causes, are counted and printed, not failed). Prints ``BENCH`` lines:
latency percentiles of the slot and booking requests, and the counts.

    python3 tools/loadtest.py [--db salon_loadtest] [--clients 50] [--seconds 60] [--workers 4] [--masters 5]
"""

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIME_RE = re.compile(r'o_salon_time"\s+href="[^"]*start=([0-9T:-]+)"')
CSRF_RE = re.compile(r'csrf_token(?:" value=|: )"([^"]+)"')
SETUP = """
from odoo import Command
company = env.company
company.write({"country_id": env.ref("base.ru").id, "salon_online_booking": True,
               "salon_online_confirm": "auto"})
company.partner_id.tz = "Europe/Moscow"
calendar = env["resource.calendar"].search([("name", "=", "Loadtest 09-21")], limit=1)
if not calendar:
    calendar = env["resource.calendar"].create({
        "name": "Loadtest 09-21", "tz": "Europe/Moscow", "company_id": company.id,
        "attendance_ids": [Command.clear()] + [
            Command.create({"name": str(day), "dayofweek": str(day), "hour_from": 9, "hour_to": 21,
                            "day_period": "morning"}) for day in range(7)]})
masters = env["hr.employee"].search([("name", "=like", "Loadtest master %")], order="name")
for index in range(len(masters), MASTERS):
    masters |= env["hr.employee"].create({"name": f"Loadtest master {index + 1}", "is_salon_master": True,
                                          "resource_calendar_id": calendar.id, "company_id": company.id})
masters = masters[:MASTERS]
service = env["product.product"].search([("name", "=", "Loadtest manicure")], limit=1)
if not service:
    service = env["product.product"].create({"name": "Loadtest manicure", "type": "service",
        "is_salon_service": True, "salon_duration": 0.5, "list_price": 2000.0})
service.product_tmpl_id.salon_master_ids = [Command.set(masters.ids)]
env.cr.commit()
print("LOADTEST", company.id, service.id, ",".join(str(i) for i in masters.ids))
"""


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def prepare(db, masters):
    exists = subprocess.run(
        ["psql", "-d", "postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname = {_quote(db)}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    addons = subprocess.run(
        ["tools/addons_path.sh"], check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if not exists:
        print(f"[loadtest] creating {db}", file=sys.stderr)
        run([sys.executable, "tools/create_db.py", db, "--without-demo", "--addons-path", addons])
        run(["tools/odoo.sh", "-d", db, "-i", "beauty_salon", "--without-demo=all", "--stop-after-init"])
    out = run(
        ["tools/odoo.sh", "shell", "-d", db, "--log-level=warn", "--no-http"],
        input=SETUP.replace("MASTERS", str(masters)),
        capture_output=True,
        text=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("LOADTEST"))
    _tag, company, service, master_ids = line.split()
    return int(company), int(service), [int(i) for i in master_ids.split(",")]


def _quote(text):
    if not re.fullmatch(r"[A-Za-z0-9_]+", text):
        raise SystemExit("database names are letters, digits and underscores")
    return f"'{text}'"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(db, query):
    return subprocess.run(
        ["psql", "-d", db, "-tAc", query], capture_output=True, text=True, check=True
    ).stdout


class Client(threading.Thread):
    def __init__(self, number, base, company, service, masters, days, stop_at, results):
        super().__init__(daemon=True)
        self.number, self.base, self.company, self.service = number, base, company, service
        self.masters, self.days, self.stop_at, self.results = masters, days, stop_at, results
        self.session = requests.Session()
        self.rng = random.Random(number)

    def timed(self, kind, method, url, **kwargs):
        started = time.perf_counter()
        try:
            response = self.session.request(method, url, timeout=60, **kwargs)
        except requests.RequestException as error:
            self.results["errors"].append(f"{kind}: {error}")
            return None
        self.results[kind].append((time.perf_counter() - started) * 1000)
        self.results["statuses"].append(response.status_code)
        return response

    def run(self):
        attempt = 0
        csrf = None
        while time.time() < self.stop_at:
            attempt += 1
            master = self.rng.choice(self.masters)
            day = self.rng.choice(self.days)
            params = {
                "company_id": self.company,
                "service_ids": self.service,
                "master_id": master,
                "day": day,
            }
            page = self.timed("slots", "GET", f"{self.base}/salon/booking", params=params)
            if page is None or page.status_code != 200:
                continue
            starts = TIME_RE.findall(page.text)
            if not starts:
                continue
            start = self.rng.choice(starts[:8])
            query = {
                "company_id": self.company,
                "service_ids": self.service,
                "master_id": master,
                "start": start,
            }
            if not csrf:
                try:
                    confirm = self.session.get(f"{self.base}/salon/booking/confirm", params=query, timeout=60)
                except requests.RequestException as error:
                    self.results["errors"].append(f"confirm page: {error}")
                    continue
                match = CSRF_RE.search(confirm.text)
                if not match:
                    continue
                csrf = match.group(1)
            phone = f"+7916{self.number:03d}{attempt:04d}"
            ip = f"10.{self.number}.{attempt // 250 % 250}.{attempt % 250 + 1}"
            response = self.timed(
                "book",
                "POST",
                f"{self.base}/salon/booking/book",
                data=dict(
                    query, csrf_token=csrf, name=f"Load Client {self.number}", phone=phone, consent="on"
                ),
                headers={"X-Forwarded-For": ip, "X-Forwarded-Host": "127.0.0.1"},
            )
            if response is None:
                continue
            if response.status_code == 200 and "o_salon_booked" in response.text:
                self.results["accepted"].append((phone, start, master))
            elif response.status_code == 409:
                self.results["taken"] += 1
            else:
                self.results["refused"].append(response.status_code)


def warm_up(base, company, service, masters, day, workers):
    """Untimed: every worker loads the registry and renders the page once before the clients start."""
    params = {"company_id": company, "service_ids": service, "master_id": masters[0], "day": day}

    def fetch():
        for _attempt in range(3):
            requests.get(f"{base}/salon/booking", params=params, timeout=300)

    threads = [threading.Thread(target=fetch) for _i in range(workers * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=os.environ.get("LOADTEST_DB", "salon_loadtest"))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("LOADTEST_CLIENTS", "50")))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOADTEST_SECONDS", "60")))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--masters", type=int, default=5)
    parser.add_argument("--days", type=int, default=14, help="book over this many days from tomorrow")
    args = parser.parse_args(argv)

    company, service, masters = prepare(args.db, args.masters)
    # A fresh run: earlier load-test bookings are removed so that the checks see this run only.
    psql(args.db, "DELETE FROM beauty_visit WHERE source = 'online'")
    psql(args.db, "DELETE FROM beauty_booking_attempt")
    port = free_port()
    handle, log = tempfile.mkstemp(prefix="loadtest_", suffix=".log")
    os.close(handle)
    # The server's own console output (not its log), e.g. the websocket process it spawns.
    console = open(f"{log}.console", "w", encoding="utf-8")  # noqa: SIM115 - open while the server runs
    server = subprocess.Popen(
        [
            "tools/odoo.sh",
            "-d",
            args.db,
            f"--db-filter=^{args.db}$",
            f"--workers={args.workers}",
            "--max-cron-threads=0",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            "--proxy-mode",
            f"--logfile={log}",
            "--log-level=warn",
            "--limit-time-real=300",
            "--limit-time-cpu=120",
        ],
        cwd=ROOT,
        stdout=console,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if requests.get(f"{base}/web/login", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("[loadtest] the server did not start; see " + log)
            time.sleep(1)
        today = datetime.now().date()
        days = [(today + timedelta(days=offset)).isoformat() for offset in range(1, args.days + 1)]
        warm_up(base, company, service, masters, days[0], args.workers)
        results = {
            "slots": [],
            "book": [],
            "statuses": [],
            "errors": [],
            "accepted": [],
            "refused": [],
            "taken": 0,
        }
        stop_at = time.time() + args.seconds
        print(f"[loadtest] {args.clients} clients for {args.seconds} s on {base}", file=sys.stderr)
        clients = [
            Client(number, base, company, service, masters, days, stop_at, results)
            for number in range(1, args.clients + 1)
        ]
        for client in clients:
            client.start()
        for client in clients:
            client.join()
    finally:
        server.terminate()
        server.wait(timeout=60)
        console.close()

    overlaps = int(
        psql(
            args.db,
            """SELECT COUNT(*) FROM beauty_visit_line a JOIN beauty_visit_line b
                 ON a.master_id = b.master_id AND a.id < b.id
                AND tsrange(a.date_start, a.date_stop, '[)') && tsrange(b.date_start, b.date_stop, '[)')
               JOIN beauty_visit va ON va.id = a.visit_id JOIN beauty_visit vb ON vb.id = b.visit_id
              WHERE va.state NOT IN ('cancelled', 'no_show') AND vb.state NOT IN ('cancelled', 'no_show')""",
        ).strip()
    )
    stored = {}
    for row in psql(
        args.db,
        """SELECT p.phone_sanitized, COUNT(*) FROM beauty_visit v JOIN res_partner p ON p.id = v.partner_id
            WHERE v.source = 'online' GROUP BY p.phone_sanitized""",
    ).split():
        phone, count = row.split("|")
        stored[phone] = int(count)
    accepted = results["accepted"]
    missing = [phone for phone, _start, _master in accepted if stored.get(phone) != 1]
    unexpected = len(stored) - len({phone for phone, _start, _master in accepted})
    server_errors = sum(1 for status in results["statuses"] if status >= 500)
    with open(log, encoding="utf-8", errors="replace") as handle:
        logged = [
            line
            for line in handle
            if any(mark in line for mark in (" WARNING ", " ERROR ", " CRITICAL ", "Traceback"))
        ]
    # A worker gives up reading a request its client was too slow to send (an overloaded host): transport,
    # reported apart from the application's errors.
    timeouts = [line for line in logged if " werkzeug: " in line and "Request timed out" in line]
    log_errors = [line for line in logged if line not in timeouts]

    bench = [
        ("loadtest_slots_p50_ms", statistics.median(results["slots"]) if results["slots"] else 0.0, "ms"),
        ("loadtest_slots_p95_ms", percentile(results["slots"], 0.95), "ms"),
        ("loadtest_book_p50_ms", statistics.median(results["book"]) if results["book"] else 0.0, "ms"),
        ("loadtest_book_p95_ms", percentile(results["book"], 0.95), "ms"),
        ("loadtest_requests_per_s", (len(results["slots"]) + len(results["book"])) / args.seconds, "req/s"),
        ("loadtest_slot_requests", len(results["slots"]), "count"),
        ("loadtest_book_requests", len(results["book"]), "count"),
        ("loadtest_bookings_accepted", len(accepted), "count"),
        ("loadtest_bookings_taken_409", results["taken"], "count"),
        ("loadtest_bookings_refused_other", len(results["refused"]), "count"),
        ("loadtest_connection_errors", len(results["errors"]), "count"),
        ("loadtest_request_read_timeouts", len(timeouts), "count"),
        ("loadtest_server_errors", server_errors, "count"),
        ("loadtest_log_errors", len(log_errors), "count"),
        ("loadtest_overlapping_visits", overlaps, "count"),
        ("loadtest_accepted_not_stored_once", len(missing), "count"),
        ("loadtest_stored_not_accepted", unexpected, "count"),
    ]
    for name, value, unit in bench:
        print(f"BENCH {name} {value} {unit}" if unit == "count" else f"BENCH {name} {value:.1f} {unit}")
    failures = [name for name, value, unit in bench[12:] if value]
    if results["refused"]:
        print(f"[loadtest] refused with: {sorted(set(results['refused']))}", file=sys.stderr)
    if results["errors"] or timeouts:
        print("[loadtest] connection errors / read timeouts (the host is short of CPU):", file=sys.stderr)
        print("\n".join(sorted(set(results["errors"]))[:5]), file=sys.stderr)
    if log_errors:
        print("".join(log_errors[:20]), file=sys.stderr)
    if failures or not accepted:
        print(
            f"[loadtest] FAILED: {', '.join(failures) or 'no booking accepted'} (log: {log})", file=sys.stderr
        )
        return 1
    os.unlink(log)
    os.unlink(f"{log}.console")
    print("[loadtest] passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
