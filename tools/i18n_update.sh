#!/usr/bin/env bash
# Refresh each addon's i18n/<addon>.pot from a database without demo data, and merge it into i18n/ru.po
# (new terms arrive untranslated; the translation test then names them until they are translated).
#   I18N_DB (default salon_i18n): created with all four addons if missing, upgraded otherwise.
#   Arguments: the addons to refresh (default: all four).
set -euo pipefail
cd "$(dirname "$0")/.."
I18N_DB=${I18N_DB:-salon_i18n}
ALL=(beauty_salon beauty_salon_payroll beauty_salon_loyalty beauty_salon_stock)
addons=("$@")
[ ${#addons[@]} -gt 0 ] || addons=("${ALL[@]}")
modules=$(IFS=,; echo "${ALL[*]}")
if psql -X -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$I18N_DB'" | grep -q 1; then
    tools/odoo.sh -d "$I18N_DB" -u "$modules" --stop-after-init --log-level=warn
else
    tools/odoo.sh -d "$I18N_DB" -i "$modules" --without-demo=all --stop-after-init --log-level=warn
fi
for addon in "${addons[@]}"; do
    pot="$addon/i18n/$addon.pot"
    po="$addon/i18n/ru.po"
    tools/odoo.sh -d "$I18N_DB" --i18n-export="$pot" --modules="$addon" --stop-after-init --log-level=warn
    if [ -f "$po" ]; then
        msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
        msgattrib --no-obsolete --output-file="$po" "$po"
    else
        msginit --no-translator --locale=ru_RU.UTF-8 --input="$pot" --output-file="$po"
    fi
    echo "[i18n] $po: $(msgattrib --untranslated "$po" | grep -c '^msgid ' || true) untranslated entries (incl. header)"
done
# The OCA check wants Odoo's own .po layout.
oca-checks-po --fix "${addons[@]/%//i18n/ru.po}" >/dev/null || true
