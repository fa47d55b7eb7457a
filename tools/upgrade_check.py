#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade safety: ``-u`` of the four addons must neither lose nor change data.

Usage: ``upgrade_check.py DB`` on a database with the four addons installed and data of every kind.
CI runs it on the demo database, whose generators book, check out, write off, pay masters and sell
cards, certificates and packs; a used pack session is added here. It snapshots the row count and a
checksum of every key table (SQL), runs ``-u`` of the four addons, snapshots again and fails on any
difference, or when a key table is empty (nothing would have been checked).
"""

import argparse
import os
import subprocess
import sys

import psycopg2
from psycopg2 import sql

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = "beauty_salon,beauty_salon_payroll,beauty_salon_loyalty,beauty_salon_stock"
# Key tables and the rows of them that belong to the salon; bookkeeping columns an update may touch.
TABLES = {
    "beauty_visit": "TRUE",
    "beauty_visit_line": "TRUE",
    "beauty_busy_slot": "TRUE",
    "beauty_consent": "TRUE",
    "beauty_message_log": "TRUE",
    "res_partner": "is_salon_client",
    "crm_lead": "TRUE",
    "sale_order": "salon_visit_id IS NOT NULL",
    "sale_order_line": "TRUE",
    "account_move": "TRUE",
    "account_move_line": "TRUE",
    "account_payment": "TRUE",
    "loyalty_card": "TRUE",
    "loyalty_history": "TRUE",
    "beauty_visit_pack": "TRUE",
    "beauty_visit_pack_usage": "TRUE",
    "beauty_payroll_scheme": "TRUE",
    "beauty_payroll_sheet": "TRUE",
    "beauty_payroll_sheet_line": "TRUE",
    "beauty_cost_card": "TRUE",
    "beauty_cost_card_line": "TRUE",
    "beauty_visit_consumption": "TRUE",
    "stock_move": "TRUE",
    "stock_valuation_layer": "TRUE",
}
SKIPPED_COLUMNS = {"write_date", "write_uid"}
# What the demo data lacks, added before the first snapshot: a visit-pack session used.
TOP_UP = """
pack = env["beauty.visit.pack"].search([("state", "=", "active")], limit=1)
if pack and not env["beauty.visit.pack.usage"].search_count([]):
    env["beauty.visit.pack.usage"].create(
        {"pack_id": pack.id, "quantity": 1.0, "note": "Upgrade check: a session used before"}
    )
    env.cr.commit()
"""


def snapshot(cr):
    """``{table: (row count, md5 of the rows ordered by id)}`` without the columns an update may touch."""
    result = {}
    for table, where in TABLES.items():
        cr.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY column_name",
            [table],
        )
        columns = [name for (name,) in cr.fetchall() if name not in SKIPPED_COLUMNS]
        if not columns:
            result[table] = None
            continue
        query = sql.SQL(
            "SELECT COUNT(*), md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), ''))"
            " FROM (SELECT {} FROM {} WHERE {}) t"
        ).format(sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier(table), sql.SQL(where))
        cr.execute(query)
        result[table] = tuple(cr.fetchone())
    return result


def compare(before, after):
    """Human-readable differences between two snapshots (empty when nothing was lost or changed)."""
    problems = []
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table), after.get(table)
        if old is None or not old[0]:
            problems.append(f"{table}: no data before the update, nothing was checked")
        elif new is None:
            problems.append(f"{table}: the table is gone")
        elif old[0] != new[0]:
            problems.append(f"{table}: {old[0]} rows before, {new[0]} after")
        elif old[1] != new[1]:
            problems.append(f"{table}: the same {old[0]} rows, but their content changed")
    return problems


def take(db):
    with psycopg2.connect(dbname=db) as conn, conn.cursor() as cr:
        return snapshot(cr)


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db")
    parser.add_argument("--logfile", help="the update's log (default: printed)")
    args = parser.parse_args(argv)
    subprocess.run(
        ["tools/odoo.sh", "shell", "-d", args.db, "--no-http", "--log-level=warn"],
        cwd=ROOT,
        check=True,
        input=TOP_UP,
        text=True,
        stdout=subprocess.DEVNULL,
    )
    before = take(args.db)
    command = ["tools/odoo.sh", "-d", args.db, "-u", ADDONS, "--stop-after-init", "--log-level=warn"]
    if args.logfile:
        command.append(f"--logfile={args.logfile}")
    subprocess.run(command, cwd=ROOT, check=True)
    problems = compare(before, take(args.db))
    for problem in problems:
        print(f"[upgrade] {problem}", file=sys.stderr)
    if problems:
        return 1
    print(
        f"[upgrade] -u {ADDONS}: {len(before)} key tables unchanged"
        f" ({sum(count for count, _checksum in before.values())} rows)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
