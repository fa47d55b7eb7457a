# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of tools/checklog.py, the install and test log gate (no database needed)."""

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("checklog", ROOT / "tools" / "checklog.py")
checklog = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checklog)

CLEAN = [
    "2026-11-24 05:06:55,101 4242 INFO salon odoo.modules.loading: loading 1 modules...\n",
    "2026-11-24 05:06:56,202 4242 INFO salon odoo.modules.loading: Modules loaded.\n",
]
OUR_WARNING = (
    "2026-11-24 05:06:57,303 4242 WARNING salon odoo.addons.beauty_salon.models.beauty_visit: "
    "Field beauty.visit.note: unknown parameter 'tracking'\n"
)


def test_clean_log_passes(tmp_path):
    log = tmp_path / "install.log"
    log.write_text("".join(CLEAN))
    assert checklog.main([str(log)]) == 0


def test_warning_from_our_addon_fails(tmp_path, capsys):
    log = tmp_path / "install.log"
    log.write_text("".join([*CLEAN, OUR_WARNING]))
    assert checklog.main([str(log)]) == 1
    assert "unknown parameter 'tracking'" in capsys.readouterr().err


@pytest.mark.parametrize("level", ["ERROR", "CRITICAL"])
def test_error_with_traceback_is_reported_whole(level):
    lines = [
        f"2026-11-24 05:06:58,404 4242 {level} salon odoo.sql_db: bad query: SELECT nope\n",
        "Traceback (most recent call last):\n",
        '  File "x.py", line 1, in <module>\n',
        "psycopg2.errors.UndefinedColumn: column nope does not exist\n",
        CLEAN[0],
    ]
    problems = checklog.find_problems(lines)
    assert len(problems) == 1
    assert problems[0].splitlines()[-1] == "psycopg2.errors.UndefinedColumn: column nope does not exist"


def test_allow_list_is_explicit():
    allowed = (
        "2026-11-24 05:06:59,505 4242 ERROR ? odoo.tests.common: Importing test framework, "
        "avoid importing from business modules and when not running in test mode\n"
    )
    assert checklog.find_problems([allowed]) == []
    same_text_other_logger = allowed.replace("odoo.tests.common", "odoo.addons.beauty_salon.models.x")
    assert len(checklog.find_problems([same_text_other_logger])) == 1
    assert all(len(entry) == 3 and entry[2] for entry in checklog.ALLOWED), "every allowed pattern says why"
