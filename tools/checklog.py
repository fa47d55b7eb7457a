#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fail when an Odoo log holds a WARNING, ERROR or CRITICAL line.

Usage: ``checklog.py LOGFILE [LOGFILE ...]`` (``-`` reads standard input).
Exit 0 when the logs are clean, 1 when a line is not on the allow-list below.
"""

import re
import sys

# An Odoo log line: "2026-11-24 05:06:55,123 4242 WARNING dbname odoo.addons.x: message".
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) (?P<db>\S+) (?P<logger>[\w.]+): (?P<message>.*)$"
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}

# Core noise unrelated to our addons: (logger regex, message regex, why it is allowed).
ALLOWED = [
    # pytest-odoo imports odoo.tests before it turns test mode on, so Odoo logs this once per run.
    (
        r"odoo\.tests\.common",
        r"^Importing test framework, avoid importing from business modules",
        "pytest-odoo",
    ),
    # Odoo warns when no mail server is configured and a test or cron renders a mail; our tests
    # never rely on delivery.
    (r"odoo\.addons\.base\.models\.ir_mail_server", r"^(Unable to connect|Mail delivery failed)", "no SMTP"),
    # The headless browser of HttpCase tours prints its own console noise about the closed network.
    (r"odoo\.tests\.common", r"^Chrome (headless )?(stderr|process)", "chromium start-up noise"),
]


def is_allowed(logger, message):
    return any(re.match(lg, logger) and re.search(msg, message) for lg, msg, _why in ALLOWED)


def find_problems(lines):
    """Return the offending log lines (each with its continuation lines, such as a traceback)."""
    problems, current = [], None
    for raw in lines:
        line = raw.rstrip("\n")
        match = LOG_LINE.match(line)
        if not match:
            if current is not None and len(current) < 40:
                current.append(line)
            continue
        current = None
        if match["level"] in BAD_LEVELS and not is_allowed(match["logger"], match["message"]):
            current = [line]
            problems.append(current)
    return ["\n".join(block) for block in problems]


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    problems = []
    for path in argv:
        if path == "-":
            problems += find_problems(sys.stdin)
        else:
            with open(path, encoding="utf-8", errors="replace") as handle:
                problems += find_problems(handle)
    for block in problems:
        print(block, file=sys.stderr)
    if problems:
        print(
            f"checklog: {len(problems)} WARNING/ERROR/CRITICAL line(s) in {' '.join(argv)}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
