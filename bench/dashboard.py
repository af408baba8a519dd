"""Benchmark: throughput and latency of the public dashboard under gunicorn on PostgreSQL.

    .venv/bin/python bench/dashboard.py [--duration 10] [--rounds 3] [--connections 16] [--workers 5]

Loads the programme into a database of its own (dropped and created again), collects the
static files, and serves the app with gunicorn and the production settings (Redis as the
cache). With wrk and 16 concurrent connections it measures the overview and a measure
page, each next to a static file of exactly the same size (a copy of that page) served by
the same stack (whitenoise in the same gunicorn), and prints requests per second, the
50th/95th/99th percentile latency and the ratio page/static. The goal is a ratio of at
least 0.5. Page and file are measured alternately in several rounds and the median round
is reported, so that a burst of other work on the machine does not decide the ratio. It
then measures the same pages with the page cache switched off (PUBLIC_CACHE_SECONDS=0),
so every request renders, for comparison.

Needs PostgreSQL and Redis (DATABASE_URL's server, --redis) and wrk (apt-get install wrk).
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = {"overzicht": "/", "maatregel 8a": "/maatregelen/8a/"}
GOAL_RATIO = 0.5

# wrk reports the 50th, 75th, 90th and 99th percentile; the 95th needs this script.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), errors))
end
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/passend_bench_dashboard"))
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14", help="cache for the benchmark")
    parser.add_argument("--settings", default="passend.settings.production")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    parser.add_argument("--port", type=int, default=8799)
    return parser.parse_args()


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


class Gunicorn:
    def __init__(self, env: dict, port: int, workers: int):
        self.env, self.port, self.workers = env, port, workers
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Gunicorn":
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "passend.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(self.workers), "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/over/", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, (url, response.status)
        return response.read()


def wrk(url: str, args: argparse.Namespace, script: Path) -> dict:
    base = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "--timeout", "10s", "-s", str(script)]
    subprocess.run([*base, "-d", f"{args.warmup}s", url], check=True, stdout=subprocess.DEVNULL)
    output = subprocess.run([*base, "-d", f"{args.duration}s", url], check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, p99, errors = (int(value) for value in line.split()[1:])
    return {
        "rps": requests / (duration / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": errors,
    }


def load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def median(runs: list[dict]) -> dict:
    """The run with the median throughput (its latencies belong to it)."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def row(label: str, size: int, result: dict) -> str:
    return (f"  {label:<40} {size:>6} B {result['rps']:>9.0f} req/s   p50 {result['p50']:>6.1f} ms"
            f"   p95 {result['p95']:>6.1f} ms   p99 {result['p99']:>6.1f} ms   fouten {result['errors']}")


def main() -> int:
    args = arguments()
    if not shutil.which("wrk"):
        sys.exit("wrk is niet geïnstalleerd: apt-get install wrk")
    static_root = Path(tempfile.mkdtemp(prefix="passend-bench-static-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "DATABASE_URL": args.database_url,
        "CACHE_URL": args.redis,
        "CELERY_BROKER_URL": args.redis,
        "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    script = static_root / "bench.lua"
    try:
        print(f"Database {urlsplit(args.database_url).path.lstrip('/')} opnieuw aanmaken en vullen …")
        recreate_database(args.database_url)
        manage(env, "migrate", "--no-input")
        manage(env, "load_programme")
        manage(env, "collectstatic", "--no-input")
        subprocess.run(["redis-cli", "-u", args.redis, "flushdb"], check=True, stdout=subprocess.DEVNULL)

        # A static copy of each page, so that the file has exactly the page's size.
        with Gunicorn(env, args.port, args.workers) as server:
            bodies = {name: fetch(server.url + path) for name, path in PAGES.items()}
        for name, body in bodies.items():
            (static_root / f"bench-{name.replace(' ', '-')}.html").write_bytes(body)
        script.write_text(WRK_SCRIPT)

        print(f"Belasting van de machine (load average 1/5/15 min): {load()}")
        print(f"gunicorn met {args.workers} workers, wrk met {args.connections} verbindingen, "
              f"{args.rounds} rondes van {args.duration} s per meting ({args.warmup} s opwarmen)\n")
        runs: dict[tuple[str, str], list[dict]] = {}
        with Gunicorn(env, args.port, args.workers) as server:
            targets = []
            for name, path in PAGES.items():
                static_path = f"/static/bench-{name.replace(' ', '-')}.html"
                assert fetch(server.url + static_path) == bodies[name]
                targets += [((name, "page"), server.url + path), ((name, "static"), server.url + static_path)]
            for _ in range(args.rounds):
                for target, url in targets:
                    runs.setdefault(target, []).append(wrk(url, args, script))
        results = {target: median(measured) for target, measured in runs.items()}
        # Without the page cache every request renders (and queries PostgreSQL).
        subprocess.run(["redis-cli", "-u", args.redis, "flushdb"], check=True, stdout=subprocess.DEVNULL)
        with Gunicorn({**env, "PUBLIC_CACHE_SECONDS": "0"}, args.port, args.workers) as server:
            uncached = {name: wrk(server.url + path, args, script) for name, path in PAGES.items()}

        print(f"Belasting na afloop: {load()}\n")
        failed = False
        for name in PAGES:
            page, static = results[(name, "page")], results[(name, "static")]
            ratio = page["rps"] / static["rps"]
            size = len(bodies[name])
            print(f"{name} ({PAGES[name]})")
            print(row("pagina (gecachet)", size, page))
            print(row("statisch bestand, even groot", size, static))
            print(row("pagina zonder cache (ter vergelijking)", size, uncached[name]))
            verdict = "gehaald" if ratio >= GOAL_RATIO else "NIET gehaald"
            print(f"  verhouding pagina/statisch: {ratio:.2f} (doel ≥ {GOAL_RATIO}: {verdict})\n")
            failed |= ratio < GOAL_RATIO or page["errors"] > 0 or static["errors"] > 0
        return 1 if failed else 0
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
