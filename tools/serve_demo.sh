#!/usr/bin/env bash
# The README's demo command: set-up, then create (or reuse) the demo database with all four addons and
# their demo data (Russian, RUB), and serve it on http://localhost:8069.
#   DEMO_DB (default salon_demo), HTTP_PORT (default 8069)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
PYTHON=${PYTHON:-python3}
DEMO_DB=${DEMO_DB:-salon_demo}
HTTP_PORT=${HTTP_PORT:-8069}
ADDONS=beauty_salon,beauty_salon_payroll,beauty_salon_loyalty,beauty_salon_stock

bash tools/setup.sh
"$PYTHON" tools/create_db.py "$DEMO_DB" --lang ru_RU --country RU --addons-path "$(tools/addons_path.sh)"
# -i installs what is missing; on a reused database it also upgrades nothing else.
tools/odoo.sh -d "$DEMO_DB" -i "$ADDONS" --stop-after-init --log-level=warn
cat <<MSG

  Demo salon: http://localhost:$HTTP_PORT/odoo   login: admin   password: admin
  (database $DEMO_DB; stop with Ctrl+C)

MSG
exec tools/odoo.sh -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-port="$HTTP_PORT" --log-level=info
