#!/usr/bin/env bash
# Lint without a database: ruff (format + check), pylint-odoo, and the OCA module and .po checks.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
ADDONS=(beauty_salon beauty_salon_payroll beauty_salon_loyalty beauty_salon_stock)
echo "[lint] ruff"
"$PYTHON" -m ruff format --check --diff .
"$PYTHON" -m ruff check .
echo "[lint] pylint-odoo"
# The ORM builds fields at run time and psycopg2.errors is a C extension: pylint cannot see their
# members, so no-member and no-name-in-module report only false positives on Odoo code.
"$PYTHON" -m pylint --rcfile=.pylintrc --disable=no-member,no-name-in-module "${ADDONS[@]}"
echo "[lint] oca-checks-odoo-module"
oca-checks-odoo-module "${ADDONS[@]}"
echo "[lint] oca-checks-po"
oca-checks-po "${ADDONS[@]/%//i18n/ru.po}"
echo "[lint] ok"
