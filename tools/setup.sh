#!/usr/bin/env bash
# Idempotent set-up for the beauty-salon addons: PostgreSQL, Odoo 18.0, Python tools, Chromium.
#
# Environment:
#   ODOO_SOURCE   a local Odoo 18.0 source folder or archive (.tar.gz/.zip), or a URL of an archive.
#                 Default: Odoo's official 18.0 nightly source archive.
#   PYTHON        the Python to install into (default: python3).
#   SALON_CACHE   where an extracted Odoo source is kept (default: ~/.cache/beauty_salon).
#   SKIP_BROWSER  set to 1 to skip installing Chromium (browser tours are then not runnable).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
SALON_CACHE=${SALON_CACHE:-$HOME/.cache/beauty_salon}
ODOO_SOURCE=${ODOO_SOURCE:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else return 1; fi; }

apt_updated=
apt_install() {
    have apt-get || return 1
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq || return 1; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------------
pg_ready() { psql -X -d postgres -Atc 'SELECT 1' >/dev/null 2>&1; }
setup_postgres() {
    if pg_ready; then say "PostgreSQL answers ($(psql -X -d postgres -Atc 'SHOW server_version'))"; return; fi
    say "no PostgreSQL answers with the current settings (PG* variables or the local socket)"
    if ! have pg_ctlcluster && ! have postgres; then
        apt_install postgresql postgresql-client || die "PostgreSQL is not reachable and could not be installed; set PGHOST/PGUSER/PGPASSWORD"
    fi
    if have pg_ctlcluster; then
        local ver; ver=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
        [ -n "$ver" ] || die "PostgreSQL is installed but no cluster exists"
        as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
        local user; user=$(id -un)
        for _ in $(seq 1 30); do as_root su postgres -c "psql -Atc 'SELECT 1'" >/dev/null 2>&1 && break; sleep 1; done
        as_root su postgres -c "psql -Atc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"" | grep -q 1 \
            || as_root su postgres -c "createuser --superuser '$user'"
        as_root su postgres -c "psql -Atc \"SELECT 1 FROM pg_database WHERE datname = '$user'\"" | grep -q 1 \
            || as_root su postgres -c "createdb -O '$user' '$user'"
    fi
    pg_ready || die "PostgreSQL still does not answer; set PGHOST/PGUSER/PGPASSWORD for a reachable server"
    say "PostgreSQL started"
}

# --- Odoo 18.0 ----------------------------------------------------------------------------
odoo_version() { "$PYTHON" -c 'import odoo.release as r; print("%s.%s" % r.version_info[:2])' 2>/dev/null || true; }

odoo_source_dir() {
    # Prints a folder that holds odoo/ and addons/, extracting ODOO_SOURCE if it is an archive.
    local src=$ODOO_SOURCE
    if [ -d "$src" ]; then (cd "$src" && pwd); return; fi
    mkdir -p "$SALON_CACHE"
    local archive=$src
    case "$src" in
        http://*|https://*)
            archive="$SALON_CACHE/$(basename "${src%%\?*}")"
            if [ ! -f "$archive" ]; then
                say "downloading $src"
                curl -fsSL --retry 2 -o "$archive.part" "$src" && mv "$archive.part" "$archive" \
                    || die "cannot download $src; set ODOO_SOURCE to a local Odoo 18.0 source folder or archive"
            fi ;;
    esac
    [ -f "$archive" ] || die "ODOO_SOURCE=$src is neither a folder nor an archive"
    local dest; dest="$SALON_CACHE/odoo-18.0-$(sha1sum "$archive" | cut -c1-12)"
    if [ ! -d "$dest/odoo" ]; then
        say "extracting $archive"
        rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
        case "$archive" in
            *.zip) "$PYTHON" -m zipfile -e "$archive" "$dest.tmp" ;;
            *) tar -xf "$archive" -C "$dest.tmp" ;;
        esac
        local root; root=$(dirname "$(find "$dest.tmp" -maxdepth 3 -name odoo-bin -print -quit)")
        [ -f "$root/odoo/release.py" ] || die "$archive does not contain an Odoo source tree"
        mv "$root" "$dest" && rm -rf "$dest.tmp"
    fi
    printf '%s\n' "$dest"
}

setup_odoo() {
    local v; v=$(odoo_version)
    if [ "$v" = "18.0" ]; then say "Odoo 18.0 is importable by $PYTHON"; return; fi
    [ -z "$v" ] || die "$PYTHON imports Odoo $v; this project needs 18.0 (use another PYTHON or a virtualenv)"
    local dir; dir=$(odoo_source_dir)
    # Read release.py on its own: importing the odoo package needs its requirements first.
    "$PYTHON" -c "import runpy, sys; r = runpy.run_path('$dir/odoo/release.py'); sys.exit(r['version_info'][:2] != (18, 0))" \
        || die "$dir is not Odoo 18.0"
    # Odoo's own system libraries for the packages that compile (python-ldap, psycopg2).
    if have apt-get && ! { [ -f /usr/include/ldap.h ] && [ -f /usr/include/sasl/sasl.h ] && have pg_config; }; then
        apt_install libldap2-dev libsasl2-dev libpq-dev || say "could not install build headers; pip may fail"
    fi
    say "installing Odoo's pinned requirements"
    # cbor2==5.4.2 no longer builds on Python 3.11: take a newer one.
    sed -E 's/^cbor2==5\.4\.2.*$/cbor2>=5.6.2/' "$dir/requirements.txt" > "$SALON_CACHE/odoo-requirements.txt"
    "$PYTHON" -m pip install -q -r "$SALON_CACHE/odoo-requirements.txt"
    # A .pth entry puts the source on the path (run it as `python -m odoo`; the console script is not needed).
    local site; site=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    printf '%s\n' "$dir" > "$site/odoo-18.0-source.pth"
    [ "$(odoo_version)" = "18.0" ] || die "Odoo is still not importable after installing $dir"
    say "Odoo 18.0 installed from $dir"
}

# --- The project's own Python packages and the browser --------------------------------------
setup_project() {
    local stamp="$SALON_CACHE/requirements.$(cat "$here/requirements.txt" "$here/requirements-dev.txt" | sha1sum | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
        say "installing requirements.txt and requirements-dev.txt"
        "$PYTHON" -m pip install -q -r "$here/requirements.txt" -r "$here/requirements-dev.txt"
        mkdir -p "$SALON_CACHE" && touch "$stamp"
    fi
    if [ "${SKIP_BROWSER:-0}" != 1 ] && ! have chromium && ! have chromium-browser && ! have google-chrome; then
        say "installing Debian's chromium for the browser tours"
        apt_install chromium || say "could not install chromium; browser tours will fail"
    fi
    if ! have msgfmt; then apt_install gettext || true; fi
}

mkdir -p "$SALON_CACHE"
setup_postgres
setup_odoo
setup_project
say "ready: $("$PYTHON" --version), Odoo $(odoo_version), $(psql -X -d postgres -Atc 'SHOW server_version')"
