"""For tests that start the app, or a server of their own, in other processes.

Every server a test starts is its own: gunicorn binds a port the kernel chooses, and a
fault test that stops PostgreSQL stops a private one in a temporary folder, never the
machine's shared server.
"""
from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def server_environment(**overrides: str) -> dict:
    """The environment for a server process that uses this test run's database and broker."""
    database = connection.settings_dict
    # The browser tests allow async-unsafe ORM use in this process; servers must not.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="passend.settings.test",
        DATABASE_URL=f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        CELERY_BROKER_URL=settings.CELERY_BROKER_URL,
        CELERY_TASK_DEFAULT_QUEUE=settings.CELERY_TASK_DEFAULT_QUEUE,
        CELERY_TASK_ALWAYS_EAGER="false",
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    env.update(overrides)
    return env


def wait_until(condition, *, timeout: float, interval: float = 0.2, message: str) -> None:
    """Poll ``condition`` (sleeping between polls) until it is true; fail after ``timeout``
    seconds. The timeout only ends a wait that would otherwise hang: tests assert on
    conditions, never on how long they took."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(interval)


@contextlib.contextmanager
def gunicorn(env: dict, log: Path, workers: int = 3):
    """gunicorn serving the app on a port the kernel picks (no window in which another
    process can take a port chosen in advance); its output goes to ``log``, so a full
    pipe can never block it. Yields the base URL."""
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "passend.wsgi", "--bind", "127.0.0.1:0", "--workers", str(workers),
             "--timeout", "60"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        url = ""

        def listening() -> bool:
            nonlocal url
            if process.poll() is not None:
                raise AssertionError(f"gunicorn stopped at start-up:\n{log.read_text()[-3000:]}")
            match = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", log.read_text())
            if match and _answers(f"{match.group(1)}/health/live"):
                url = match.group(1)
            return bool(url)

        wait_until(listening, timeout=90, message=f"gunicorn did not start:\n{log.read_text()[-3000:]}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


class PrivatePostgreSQL:
    """A PostgreSQL server of one test's own: a new cluster (initdb) in a temporary
    folder, reachable only through a Unix socket in that folder, so it needs no port
    and cannot collide with the machine's server. PostgreSQL refuses to run as root;
    as root the cluster belongs to the ``postgres`` user."""

    def __init__(self) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = binaries[-1] if binaries else shutil.which("initdb")
        if initdb is None:
            raise RuntimeError("initdb not found: install PostgreSQL's server package")
        self.bin = Path(initdb).parent
        # Not under pytest's tmp_path: the postgres user cannot enter root's 0700 folders.
        self.folder = Path(tempfile.mkdtemp(prefix="passend-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self.as_owner, *command], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}\n{log[-2000:]}")

    def init(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync",
                  "-E", "UTF8", "--locale", "C.UTF-8")

    def start(self) -> None:
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def environment(self, database: str) -> dict:
        """Settings for a process that uses this server: libpq reads the socket folder
        from PGHOST when the URL names no host."""
        return {"DATABASE_URL": f"postgres://postgres@/{database}", "PGHOST": str(self.folder)}

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def private_postgresql():
    server = PrivatePostgreSQL()
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()
