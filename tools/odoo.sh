#!/usr/bin/env bash
# Run Odoo 18.0 (as `python -m odoo`) with this repository and Odoo's own addons on the addons path.
# Usage: tools/odoo.sh [odoo arguments...]   e.g. tools/odoo.sh -d salon -i beauty_salon --stop-after-init
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
exec "$PYTHON" -m odoo --addons-path="$("$here/tools/addons_path.sh")" "$@"
