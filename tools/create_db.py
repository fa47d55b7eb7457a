#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Create an Odoo database the way the database manager does: base installed, a country, a language.

Usage: ``create_db.py DB --addons-path PATH [--lang ru_RU] [--country RU] [--without-demo]``.
Does nothing when the database already exists.

Odoo 18 has no Russian chart of accounts: ``account`` falls back to its generic chart, whose fiscal country
(the US) would turn the company currency into USD. So the database also gets ``account`` installed at once,
without accounting demo entries, and the company currency is set back to the country's currency (RUB)
while no journal item exists yet (the fiscal country stays the chart's, so that its taxes stay valid).
"""

import argparse
import subprocess
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service import db as db_service


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("--lang", default="ru_RU")
    parser.add_argument("--country", default="RU")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--without-demo", action="store_true")
    parser.add_argument("--addons-path", required=True)
    args = parser.parse_args(argv)
    odoo.tools.config.parse_config([f"--addons-path={args.addons_path}", "--log-level=warn"])
    if db_service.exp_db_exist(args.db):
        print(f"database {args.db} exists: reusing it")
        return 0
    db_service.exp_create_database(
        args.db,
        not args.without_demo,
        args.lang,
        user_password=args.password,
        login=args.login,
        country_code=args.country,
    )
    subprocess.run(
        [sys.executable, "-m", "odoo", f"--addons-path={args.addons_path}", "-d", args.db, "-i", "account"]
        + ["--without-demo=account", "--stop-after-init", "--log-level=warn"],
        check=True,
    )
    # A new registry: this process still holds the one created before account was installed.
    with Registry.new(args.db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        country = env["res.country"].search([("code", "=", args.country)], limit=1)
        company = env.ref("base.main_company")
        # Only the currency: the generic chart's taxes belong to its own fiscal country.
        company.write({"currency_id": country.currency_id.id})
        currency = company.currency_id.name
    print(f"database {args.db} created ({args.lang}, {args.country}, {currency})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
