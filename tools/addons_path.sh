#!/usr/bin/env bash
# Print the addons path: Odoo's own addons folders, then this repository.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
"$PYTHON" - "$here" <<'PY'
import os
import sys

import odoo

source_root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
paths = [p for p in (os.path.join(source_root, "addons"), os.path.join(source_root, "odoo", "addons")) if os.path.isdir(p)]
print(",".join(paths + [sys.argv[1]]))
PY
