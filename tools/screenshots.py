#!/usr/bin/env python3
# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Screenshots of the journal board and the owner's dashboard with demo data (the README's images).

Usage::

    python3 tools/screenshots.py [--db salon_screens] [--port 8071] [--out docs] [--rebuild]

Builds the database the way ``make demo`` does (Russian, RUB, the four addons with their demo data)
unless it exists, serves it with Odoo on a local port, logs in as admin/admin in headless Chromium
(Debian's ``chromium``, driven through the DevTools protocol with ``websocket-client``) and saves
``board.png`` and ``dashboard.png`` in ``--out``. Any JavaScript error on the pages fails the run.
"""

import argparse
import base64
import contextlib
import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = "beauty_salon,beauty_salon_payroll,beauty_salon_loyalty,beauty_salon_stock"
WINDOW = (1600, 1000)
PAGES = (
    # (file, path, CSS selector that must be present, element whose whole height is shown, or None)
    ("board.png", "/odoo/salon-board", ".o_beauty_board_booking", None),
    ("dashboard.png", "/odoo/salon-dashboard", ".o_beauty_dashboard_kpi", ".o_beauty_dashboard"),
)
SETTLE_SECONDS = 1.0


def log(message):
    print(f"[screenshots] {message}", file=sys.stderr, flush=True)


def run(*command):
    subprocess.run(command, cwd=ROOT, check=True)


def addons_path():
    script = os.path.join(ROOT, "tools", "addons_path.sh")
    return subprocess.run(["bash", script], check=True, capture_output=True, text=True).stdout.strip()


def database_exists(db):
    result = subprocess.run(
        ["psql", "-d", "postgres", "-tAq", "-v", f"db={db}"],
        input="SELECT 1 FROM pg_database WHERE datname = :'db'",
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() == "1"


def build_database(db, rebuild):
    if rebuild and database_exists(db):
        log(f"dropping {db}")
        run("dropdb", db)
    if database_exists(db):
        log(f"reusing {db}")
        return
    log(f"creating {db} with demo data")
    run(
        sys.executable,
        "tools/create_db.py",
        db,
        "--lang",
        "ru_RU",
        "--country",
        "RU",
        "--addons-path",
        addons_path(),
    )
    run("bash", "tools/odoo.sh", "-d", db, "-i", ADDONS, "--stop-after-init", "--log-level=warn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@contextlib.contextmanager
def odoo_server(db, port):
    command = ["bash", "tools/odoo.sh", "-d", db, f"--http-port={port}", f"--db-filter=^{db}$"]
    command += ["--log-level=warn", "--max-cron-threads=0", "--without-demo=all"]
    server = subprocess.Popen(command, cwd=ROOT)
    try:
        wait_for(f"http://127.0.0.1:{port}/web/health")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def login(base_url, db):
    """The session id of admin/admin, through Odoo's JSON-RPC login route."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = {"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "admin"}}
    request = urllib.request.Request(
        f"{base_url}/web/session/authenticate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(request, timeout=60) as response:
        answer = json.loads(response.read())
    if answer.get("error"):
        raise RuntimeError(f"login failed: {answer['error']}")
    return next(cookie.value for cookie in jar if cookie.name == "session_id")


class Chromium:
    """A headless Chromium page driven through the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="salon-screens-")
        self.port = free_port()
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            raise RuntimeError("no chromium found (apt-get install chromium)")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={WINDOW[0]},{WINDOW[1]}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        targets = json.loads(wait_for(f"http://127.0.0.1:{self.port}/json/list", timeout=30))
        page = next(target for target in targets if target["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.errors = []
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable")
        self.resize(WINDOW[1])

    def resize(self, height):
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=WINDOW[0],
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == "Runtime.exceptionThrown":
                self.errors.append(message["params"]["exceptionDetails"].get("text", "exception"))
            elif message.get("method") == "Runtime.consoleAPICalled" and message["params"]["type"] == "error":
                self.errors.append(" ".join(str(arg.get("value", "")) for arg in message["params"]["args"]))
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for_selector(self, selector, timeout=60):
        deadline = time.monotonic() + timeout
        query = f"document.querySelectorAll({json.dumps(selector)}).length"
        while time.monotonic() < deadline:
            if self.evaluate(query) and not self.evaluate("document.querySelector('.fa-spin') !== null"):
                return
            time.sleep(0.3)
        raise TimeoutError(f"{selector} did not appear within {timeout}s")

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as image:
            image.write(base64.b64decode(data))

    def close(self):
        with contextlib.suppress(Exception):
            self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="salon_screens")
    parser.add_argument("--port", type=int, default=0, help="HTTP port of Odoo (default: a free one)")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs"))
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the database first")
    args = parser.parse_args(argv)
    build_database(args.db, args.rebuild)
    os.makedirs(args.out, exist_ok=True)
    with odoo_server(args.db, args.port or free_port()) as base_url:
        session_id = login(base_url, args.db)
        browser = Chromium()
        try:
            browser.call("Network.setCookie", name="session_id", value=session_id, url=base_url)
            for name, path, selector, scrolled in PAGES:
                browser.resize(WINDOW[1])
                browser.call("Page.navigate", url=base_url + path)
                browser.wait_for_selector(selector)
                if scrolled:
                    # Grow the window so that the scrolled element is shown whole.
                    element = f"document.querySelector({json.dumps(scrolled)})"
                    extra = browser.evaluate(f"{element}.scrollHeight - {element}.clientHeight")
                    browser.resize(WINDOW[1] + max(extra or 0, 0))
                time.sleep(SETTLE_SECONDS)
                target = os.path.join(args.out, name)
                browser.screenshot(target)
                log(f"saved {os.path.relpath(target, ROOT)}")
            if browser.errors:
                raise RuntimeError(f"JavaScript errors: {browser.errors}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
