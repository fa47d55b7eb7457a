#!/usr/bin/env bash
# The README's test command: set-up, lint, then throw-away databases: the addons installed without demo data
# (beauty_salon alone, each satellite alone on top of it, then all four together with Russian loaded), the
# demo database built the way `make demo` builds it, every install log checked, and pytest run over every
# addon's tests/ and the top-level tests/ on the first database. Exits non-zero on any failure.
#
#   TEST_PATHS="beauty_salon/tests"  run only these test paths (default: every addon's tests and tests/)
#   SKIP_LINT=1 / SKIP_DEMO=1        skip lint / the demo database (local iteration only; CI never skips)
#   KEEP_DB=1                        keep the test database for inspection
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
PYTHON=${PYTHON:-python3}
SATELLITES=(beauty_salon_payroll beauty_salon_loyalty beauty_salon_stock)
start=$(date +%s)
stamp() { printf '[test] %s (+%ss)\n' "$*" "$(($(date +%s) - start))"; }

bash tools/setup.sh
if [ "${SKIP_LINT:-0}" != 1 ] || [ "${CI:-}" = true ]; then bash tools/lint.sh; fi
stamp "lint done"

db=salon_test_$$
logs=$(mktemp -d)
dbs=()
cleanup() {
    if [ "${KEEP_DB:-0}" != 1 ]; then
        for d in "${dbs[@]}"; do dropdb --if-exists "$d" >/dev/null 2>&1 || true; done
    else
        printf '[test] kept databases: %s\n' "${dbs[*]}"
    fi
    rm -rf "$logs"
}
trap cleanup EXIT

# install DB LOGNAME [odoo args...]: install into DB and fail on any WARNING/ERROR in the log.
install() {
    local target=$1 name=$2; shift 2
    if ! tools/odoo.sh -d "$target" --stop-after-init --log-level=info --logfile="$logs/$name.log" \
            --db-filter="^$target\$" "$@"; then
        tail -n 60 "$logs/$name.log" >&2
        echo "[test] installing $name failed" >&2
        return 1
    fi
    "$PYTHON" tools/checklog.py "$logs/$name.log"
    stamp "installed $name cleanly"
}

dbs+=("$db")
install "$db" beauty_salon -i beauty_salon --without-demo=all
for addon in "${SATELLITES[@]}"; do
    dbs+=("${db}_$addon")
    createdb -T "$db" "${db}_$addon"
    install "${db}_$addon" "$addon" -i "$addon"
    dropdb "${db}_$addon"
done
install "$db" all -i "$(IFS=,; echo "${SATELLITES[*]}")" --load-language=ru_RU

# The demo database, exactly as `make demo` creates it (Russian, RUB, demo data), then dropped.
if [ "${SKIP_DEMO:-0}" != 1 ] || [ "${CI:-}" = true ]; then
dbs+=("${db}_demo")
"$PYTHON" tools/create_db.py "${db}_demo" --lang ru_RU --country RU --addons-path "$(tools/addons_path.sh)" \
    2> "$logs/demo_create.log"
"$PYTHON" tools/checklog.py "$logs/demo_create.log"
install "${db}_demo" demo -i "beauty_salon,$(IFS=,; echo "${SATELLITES[*]}")"
# Upgrade safety: -u of the four addons on the demo data loses and changes nothing (tools/upgrade_check.py).
"$PYTHON" tools/upgrade_check.py "${db}_demo" --logfile "$logs/upgrade.log"
"$PYTHON" tools/checklog.py "$logs/upgrade.log"
stamp "updated the demo database without loss"
dropdb "${db}_demo"
fi

paths=${TEST_PATHS:-"beauty_salon/tests ${SATELLITES[*]/%//tests} tests"}
stamp "running pytest on $paths"
set +e
# shellcheck disable=SC2086
"$PYTHON" -m pytest -p no:cacheprovider --odoo-database="$db" --odoo-addons-path="$(tools/addons_path.sh)" \
    --odoo-http --odoo-log-level=warn --odoo-extra="logfile=$logs/tests.log" --odoo-extra="db-filter=^$db\$" \
    $paths
rc=$?
set -e
if ! "$PYTHON" tools/checklog.py "$logs/tests.log"; then
    [ "$rc" != 0 ] || rc=1
fi
stamp "tests finished (pytest exit $rc)"
exit "$rc"
