"""Fixtures for the acceptance suite (zenpy, OpenAPI, browser).

Every test runs against a real `casebook serve` process, once with the embedded SQLite
store and once with PostgreSQL (a fresh database per run, created on the server named by
CASEBOOK_TEST_POSTGRES_URL; scripts/test always provides one).

Environment:
  CASEBOOK_BIN                 the casebook executable (default: .build/release/casebook)
  CASEBOOK_TEST_POSTGRES_URL   postgres://user@host:port/db of a server where this suite
                               may create and drop databases; unset -> postgres runs skip
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Tuple

import pytest
import requests
from requests.adapters import HTTPAdapter
from zenpy import Zenpy

REPO_ROOT = Path(__file__).resolve().parents[2]

ADMIN_EMAIL = "admin@acceptance.example"
ADMIN_NAME = "Acceptance Admin"

# zenpy only talks to https://{subdomain}.{domain}/api/v2/...; the transport adapter below
# maps that origin to the local server.
ZENPY_SUBDOMAIN = "casebook"
ZENPY_PUBLIC_ORIGIN = "https://casebook.zendesk.com"

STARTUP_TIMEOUT_S = 30
SHUTDOWN_TIMEOUT_S = 10
CLI_TIMEOUT_S = 120
LOG_TAIL_LINES = 150


# --------------------------------------------------------------------------- helpers


def _casebook_bin() -> str:
    path = os.environ.get("CASEBOOK_BIN") or str(REPO_ROOT / ".build" / "release" / "casebook")
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"casebook executable not found at {path!r}: build it with "
            "`swift build -c release` or point CASEBOOK_BIN at it",
            pytrace=False,
        )
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError as e:
        return f"<cannot read {path}: {e}>"
    kept = text.splitlines()[-lines:]
    return "\n".join(kept) if kept else "<empty>"


def _psql_binary() -> str:
    found = shutil.which("psql")
    if found:
        return found
    # Debian keeps the versioned binaries off PATH; take the newest.
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/psql"),
        key=lambda p: int(re.search(r"/postgresql/(\d+)", p).group(1)),
    )
    if not candidates:
        pytest.fail("psql not found (PATH or /usr/lib/postgresql/*/bin)", pytrace=False)
    return candidates[-1]


def _psql(admin_url: str, sql: str) -> None:
    result = subprocess.run(
        [_psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin_url, "-c", sql],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise RuntimeError(f"psql {sql!r} failed ({result.returncode}): {result.stderr.strip()}")


def _with_database(url: str, dbname: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + dbname))


@dataclasses.dataclass
class CasebookServer:
    backend: str  # "sqlite" or "postgres"
    base_url: str  # http://127.0.0.1:PORT
    email: str
    token: str
    data_dir: Path
    log_path: Path
    process: subprocess.Popen

    @property
    def auth(self) -> Tuple[str, str]:
        """HTTP Basic credentials for API-token auth, as Zendesk expects them."""
        return (f"{self.email}/token", self.token)

    def log_tail(self) -> str:
        return _tail(self.log_path)


# --------------------------------------------------------------------------- server


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def casebook(request) -> CasebookServer:
    """A running `casebook serve` with one admin (API token), per storage backend."""
    with _running_server(request, request.param) as server:
        yield server


@pytest.fixture(scope="session")
def casebook_demo(request) -> CasebookServer:
    """A second server, SQLite only, started with `serve --demo` (the demo stories loaded).

    Its admin is the suite's usual one (created before the demo data, so the demo's own
    admin is just another user). Used for the screenshots in test_browser.py.
    """
    with _running_server(request, "sqlite", serve_args=["--demo"], label="sqlite-demo") as server:
        yield server


@contextlib.contextmanager
def _running_server(request, backend: str, serve_args: Sequence[str] = (),
                    label: Optional[str] = None, extra_env: Optional[dict] = None) -> Iterator[CasebookServer]:
    """Creates the admin, starts `casebook serve` and yields it; stops it (SIGTERM -> exit 0)
    and removes its database afterwards."""
    label = label or backend
    binary = _casebook_bin()

    env = dict(os.environ)
    # A DATABASE_URL left in a developer's shell must not turn the sqlite run into postgres.
    env.pop("DATABASE_URL", None)
    env.update(extra_env or {})
    admin_url = os.environ.get("CASEBOOK_TEST_POSTGRES_URL")
    dbname: Optional[str] = None
    if backend == "postgres":
        if not admin_url:
            pytest.skip("CASEBOOK_TEST_POSTGRES_URL is not set (scripts/test sets it)")
        # A fresh database per run, so runs never see each other's data.
        dbname = "casebook_acc_" + secrets.token_hex(6)
        _psql(admin_url, f'CREATE DATABASE "{dbname}"')
        env["DATABASE_URL"] = _with_database(admin_url, dbname)

    data_dir = Path(tempfile.mkdtemp(prefix=f"casebook-acc-{label}-"))
    log_path = data_dir / "casebook.log"
    process: Optional[subprocess.Popen] = None
    try:
        # The CLI creates the schema if needed and prints the new user's API token.
        created = subprocess.run(
            [binary, "user", "create", "--email", ADMIN_EMAIL, "--name", ADMIN_NAME,
             "--role", "admin", "--data-dir", str(data_dir)],
            env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S,
        )
        match = re.search(r"API token:\s*(\S+)", created.stdout)
        if created.returncode != 0 or not match:
            pytest.fail(
                f"`casebook user create` exited {created.returncode} without an "
                f"'API token: ...' line on stdout\n--- stdout\n{created.stdout}\n"
                f"--- stderr\n{created.stderr}",
                pytrace=False,
            )
        token = match.group(1)

        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [binary, "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--data-dir", str(data_dir), *serve_args],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                # Own process group: a Ctrl-C meant for pytest must not reach the server
                # before the teardown below sends it SIGTERM.
                start_new_session=True,
            )
        _wait_healthy(process, base_url, log_path)

        server = CasebookServer(backend, base_url, ADMIN_EMAIL, token, data_dir, log_path, process)
        yield server

        # Graceful shutdown is part of the contract: SIGTERM -> exit 0 within 10 s.
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=SHUTDOWN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail(
                f"casebook serve ({label}) did not exit within {SHUTDOWN_TIMEOUT_S} s "
                f"of SIGTERM\n--- server log (tail)\n{_tail(log_path)}",
                pytrace=False,
            )
        if code != 0:
            pytest.fail(
                f"casebook serve ({label}) exited with {code} after SIGTERM, expected 0\n"
                f"--- server log (tail)\n{_tail(log_path)}",
                pytrace=False,
            )
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if dbname and admin_url:
            try:
                _psql(admin_url, f'DROP DATABASE IF EXISTS "{dbname}"')
            except Exception as e:  # best effort: the cluster is usually throwaway
                print(f"warning: could not drop {dbname}: {e}")
        if request.session.testsfailed:
            print(f"casebook ({label}) data and log kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


def _wait_healthy(process: subprocess.Popen, base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    last_error = "no attempt"
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            pytest.fail(
                f"casebook serve exited with {code} during startup\n"
                f"--- server log (tail)\n{_tail(log_path)}",
                pytrace=False,
            )
        try:
            r = requests.get(base_url + "/healthz", timeout=2)
            if r.status_code == 200 and r.json().get("status") == "ok":
                return
            last_error = f"HTTP {r.status_code}: {r.text[:200]}"
        except (requests.RequestException, ValueError) as e:
            last_error = repr(e)
        time.sleep(0.1)
    pytest.fail(
        f"casebook serve not healthy after {STARTUP_TIMEOUT_S} s ({last_error})\n"
        f"--- server log (tail)\n{_tail(log_path)}",
        pytrace=False,
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the tail of the server log to every failing test's report."""
    outcome = yield
    report = outcome.get_result()
    # Fixtures may look at item.rep_setup / rep_call / rep_teardown in their teardown
    # (test_browser.py saves a screenshot of every browser of a failed test).
    setattr(item, "rep_" + report.when, report)
    if report.failed:
        for name, server in getattr(item, "funcargs", {}).items():
            if isinstance(server, CasebookServer):
                report.sections.append(
                    (f"casebook server log ({name}: {server.backend}, tail)", server.log_tail()))


# --------------------------------------------------------------------------- zenpy


class LocalZendeskAdapter(HTTPAdapter):
    """Routes zenpy's https://casebook.zendesk.com/... requests to the local server.

    zenpy builds every URL as https://{subdomain}.{domain}/api/v2/... and its response
    handlers only deserialize a response whose `response.request.url` contains
    "{subdomain}.{domain}". So the request is rewritten to http://127.0.0.1:PORT/..., sent,
    and the response is handed back carrying the original (https) request and URL.
    URLs the server hands out itself (next_page, links.next) may use either origin.
    Every request is recorded in `calls` as (method, local_url) for the tests to inspect.
    """

    def __init__(self, public_origin: str, local_origin: str):
        super().__init__(max_retries=0)  # no silent retries: a flaky server must show
        self.public_origin = public_origin.rstrip("/")
        self.local_origin = local_origin.rstrip("/")
        self.calls: List[Tuple[str, str]] = []

    def send(self, request, **kwargs):
        original_url = request.url
        if original_url.startswith(self.public_origin + "/"):
            local = request.copy()
            local.url = self.local_origin + original_url[len(self.public_origin):]
        elif original_url.startswith(self.local_origin + "/"):
            local = request
        else:
            raise requests.ConnectionError(
                f"acceptance tests only talk to {self.local_origin}; refused {original_url}"
            )
        self.calls.append((request.method, local.url))
        response = super().send(local, **kwargs)
        response.request = request
        response.url = original_url
        return response


@pytest.fixture(scope="session")
def zenpy_adapter(casebook: CasebookServer) -> LocalZendeskAdapter:
    return LocalZendeskAdapter(ZENPY_PUBLIC_ORIGIN, casebook.base_url)


@pytest.fixture(scope="session")
def zenpy(casebook: CasebookServer, zenpy_adapter: LocalZendeskAdapter) -> Zenpy:
    """A stock zenpy client (API-token auth) whose traffic goes to the local server."""
    session = requests.Session()
    session.mount("https://", zenpy_adapter)
    session.mount(casebook.base_url + "/", zenpy_adapter)
    return Zenpy(
        subdomain=ZENPY_SUBDOMAIN,
        email=casebook.email,
        token=casebook.token,
        session=session,
        timeout=30,
        # zenpy caches tickets for 30 s and users indefinitely; the tests must see what
        # the server returns, not what zenpy remembers.
        disable_cache=True,
    )
