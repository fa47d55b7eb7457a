#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Create an Odoo database the way the database manager does: base installed, a country, a language.

Usage: ``create_db.py DB [--lang ru_RU] [--country RU] [--without-demo] [--addons-path PATH]``.
Does nothing when the database already exists.
"""

import argparse
import sys

import odoo
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
    print(f"database {args.db} created ({args.lang}, {args.country})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
