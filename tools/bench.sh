#!/usr/bin/env bash
# `make bench`: build the generated benchmark database once, then print `BENCH <name> <value> <unit>` lines.
# Not part of CI. The data set is made by data/salon_generator.py, the measurements by tools/bench.py.
#
#   BENCH_DB=salon_bench   the database (default salon_bench); it is left in place afterwards
#   BENCH_REBUILD=1        drop it and build it again (install beauty_salon, generate the data set)
#   BENCH_NO_UPDATE=1      reuse it as it is, without updating beauty_salon to the current code first
# Other arguments go to tools/bench.py, e.g. `bash tools/bench.sh --workers 4 --tries 50`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
PYTHON=${PYTHON:-python3}
db=${BENCH_DB:-salon_bench}
start=$(date +%s)
stamp() { printf '[bench] %s (+%ss)\n' "$*" "$(($(date +%s) - start))" >&2; }

# psql -c does not substitute variables; read from stdin so the name is passed as :'db', not spliced in.
db_exists() {
    psql -d postgres -tAq -v db="$db" <<'SQL' | grep -qx 1
SELECT 1 FROM pg_database WHERE datname = :'db'
SQL
}
salon_installed() {
    psql -d "$db" -tAq <<'SQL' 2>/dev/null | grep -qx installed
SELECT state FROM ir_module_module WHERE name = 'beauty_salon'
SQL
}
odoo_quiet() { tools/odoo.sh -d "$db" --stop-after-init --log-level=warn "$@"; }

if [ "${BENCH_REBUILD:-0}" = 1 ] && db_exists; then
    stamp "dropping $db"
    dropdb "$db"
fi
if ! db_exists || ! salon_installed; then
    stamp "installing beauty_salon into $db"
    odoo_quiet -i beauty_salon --without-demo=all
elif [ "${BENCH_NO_UPDATE:-0}" != 1 ]; then
    stamp "updating beauty_salon in $db"
    odoo_quiet -u beauty_salon
fi
stamp "running tools/bench.py"
"$PYTHON" tools/bench.py run --db "$db" "$@"
# Each satellite addon measures itself in tools/bench_<addon>.py (its own database, built the same way).
for extra in tools/bench_*.py; do
    [ -e "$extra" ] || continue
    stamp "running $extra"
    "$PYTHON" "$extra"
done
stamp "finished"
