"""Benchmark: throughput and latency of the public dashboard under gunicorn on PostgreSQL.

    .venv/bin/python bench/dashboard.py [--duration 10] [--rounds 3] [--connections 16 64] [--workers 5]

Loads the programme into a database of its own (dropped and created again), collects the
static files, and serves the app with gunicorn and the production settings (Redis as the
cache). It measures three public targets: the overview (/), a measure page
(/maatregelen/8a/) and an API list (/api/v1/maatregelen, JSON). Each is measured next to
a static file of exactly the same size (a byte-for-byte copy of its response body, .html
for the pages and .json for the API, so the content type matches) served by the same
stack (whitenoise in the same gunicorn).

For every connection count (--connections, default 16 and 64; wrk with --threads 2, so
every count must be at least the number of threads) and every target, page and file are
measured alternately in --rounds rounds and the round with the median throughput is
reported, so that a burst of other work on the machine does not decide the ratio. One
table gives per connection count and target: the size, requests per second of page and
file, the ratio page/static, the 50th/95th percentile latency of both and the number of
failed requests (connect/read/write errors, timeouts and non-2xx/3xx answers, summed over
all rounds of page and file). The goal is a ratio of at least 0.5 and no errors.

It then measures the three targets once more, at the first connection count only, with
the page cache switched off (PUBLIC_CACHE_SECONDS=0), so every request renders, for
comparison (the setting switches off the API's response cache as well).

The anonymous API throttle (API_ANON_THROTTLE_RATE, 600/hour by default) is raised in the
benchmark's gunicorn only, since all of wrk's requests come from one address.

The load average is printed before and after. Exit status 1 if any ratio is below 0.5 or
any request failed. With the defaults a run takes about eight minutes; a quick check that
everything works (not a measurement):

    .venv/bin/python bench/dashboard.py --duration 2 --warmup 1 --rounds 1

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
# Name: (path, extension of the static copy). The extension gives the copy the content
# type of the original (whitenoise derives it from the file name).
TARGETS = {
    "overzicht": ("/", "html"),
    "maatregel 8a": ("/maatregelen/8a/", "html"),
    "API maatregelen": ("/api/v1/maatregelen", "json"),
}
GOAL_RATIO = 0.5
# All of wrk's requests come from 127.0.0.1, one anonymous client to DRF, which the
# default rate (600/hour) would answer with 429 within a second. Raised far above any
# throughput here so that nothing is throttled; the throttle itself still runs on every
# API request (it reads and writes its history in Redis), so its cost is measured. A
# window of one second keeps that history (one timestamp per request in the window) short.
API_THROTTLE_RATE = "1000000/second"

# wrk reports the 50th, 75th, 90th and 99th percentile; the 95th needs this script.
# summary.errors.status counts answers other than 2xx/3xx (a 429 among them).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), errors))
end
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/passend_bench_dashboard"))
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14", help="cache for the benchmark")
    parser.add_argument("--settings", default="passend.settings.production")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--connections", type=int, nargs="+", default=[16, 64],
                        help="concurrent wrk connections, one measurement per value; the first is "
                        "also used for the uncached comparison")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    # wrk refuses fewer connections than threads (each thread needs one).
    if min(args.connections) < args.threads:
        parser.error(f"--connections must each be at least --threads ({args.threads})")
    return args


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


def redis_cli(url: str, *args: str) -> str:
    return subprocess.run(["redis-cli", "-u", url, *args], check=True, capture_output=True, text=True).stdout


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


def fetch(url: str) -> tuple[bytes, str]:
    """The body and the media type (without parameters) of a 200 response, not redirected."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200 and response.url == url, (url, response.status, response.url)
        return response.read(), response.headers.get_content_type()


def wrk(url: str, connections: int, args: argparse.Namespace, script: Path) -> dict:
    base = ["wrk", "-t", str(args.threads), "-c", str(connections), "--timeout", "10s", "-s", str(script)]
    subprocess.run([*base, "-d", f"{args.warmup}s", url], check=True, stdout=subprocess.DEVNULL)
    output = subprocess.run([*base, "-d", f"{args.duration}s", url], check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, errors = (int(value) for value in line.split()[1:])
    return {"rps": requests / (duration / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "errors": errors}


def load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def median(runs: list[dict]) -> dict:
    """The run with the median throughput (its latencies belong to it)."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def static_name(name: str) -> str:
    return f"bench-{name.replace(' ', '-').lower()}.{TARGETS[name][1]}"


HEADER = (f"{'verb.':>5}  {'doel':<39} {'grootte':>9} {'pagina':>9} {'statisch':>9} {'verh.':>6}"
          f" {'pag. p50':>9} {'pag. p95':>9} {'stat. p50':>9} {'stat. p95':>9} {'fouten':>7}")


def row(connections: int, name: str, size: int, page: dict, static: dict, ratio: float, errors: int) -> str:
    target = f"{name} ({TARGETS[name][0]})"
    return (f"{connections:>5}  {target:<39} {size:>7} B {page['rps']:>9.0f} {static['rps']:>9.0f} {ratio:>6.2f}"
            f" {page['p50']:>6.1f} ms {page['p95']:>6.1f} ms {static['p50']:>6.1f} ms {static['p95']:>6.1f} ms"
            f" {errors:>7}")


def stack_env(*, settings: str, database_url: str, redis: str, static_root: Path, log_level: str,
              throttle_rate: str) -> dict:
    """The environment of the production stack under benchmark (gunicorn, manage.py)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "CACHE_URL": redis,
        "CELERY_BROKER_URL": redis,
        "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_LOG_LEVEL": log_level,
        "API_ANON_THROTTLE_RATE": throttle_rate,
    }


def main() -> int:
    args = arguments()
    if not shutil.which("wrk"):
        sys.exit("wrk is niet geïnstalleerd: apt-get install wrk")
    static_root = Path(tempfile.mkdtemp(prefix="passend-bench-static-"))
    # One client address for every request: see API_THROTTLE_RATE.
    env = stack_env(settings=args.settings, database_url=args.database_url, redis=args.redis,
                    static_root=static_root, log_level="WARNING", throttle_rate=API_THROTTLE_RATE)
    script = static_root / "bench.lua"
    try:
        print(f"Database {urlsplit(args.database_url).path.lstrip('/')} opnieuw aanmaken en vullen …")
        recreate_database(args.database_url)
        manage(env, "migrate", "--no-input")
        manage(env, "load_programme")
        manage(env, "collectstatic", "--no-input")
        redis_cli(args.redis, "flushdb")

        # A static copy of each response body, so that the file has exactly its size.
        with Gunicorn(env, args.port, args.workers) as server:
            fetched = {name: fetch(server.url + path) for name, (path, _) in TARGETS.items()}
        bodies = {name: body for name, (body, _) in fetched.items()}
        for name, body in bodies.items():
            (static_root / static_name(name)).write_bytes(body)
        script.write_text(WRK_SCRIPT)

        print(f"Belasting van de machine (load average 1/5/15 min): {load()}")
        print(f"gunicorn met {args.workers} workers, wrk met {args.threads} threads en "
              f"{' en '.join(str(count) for count in args.connections)} verbindingen, "
              f"{args.rounds} rondes van {args.duration} s per meting ({args.warmup} s opwarmen)\n")
        runs: dict[tuple[int, str, str], list[dict]] = {}
        with Gunicorn(env, args.port, args.workers) as server:
            urls = {}
            for name, (path, _) in TARGETS.items():
                static_path = f"/static/{static_name(name)}"
                body, media_type = fetch(server.url + static_path)
                assert body == bodies[name], static_path
                assert media_type == fetched[name][1], (static_path, media_type, fetched[name][1])
                urls[name] = {"page": server.url + path, "static": server.url + static_path}
            for connections in args.connections:
                for _ in range(args.rounds):
                    for name in TARGETS:
                        for kind in ("page", "static"):
                            runs.setdefault((connections, name, kind), []).append(
                                wrk(urls[name][kind], connections, args, script))
        # Without the page cache every page request renders (and queries PostgreSQL).
        redis_cli(args.redis, "flushdb")
        first = args.connections[0]
        with Gunicorn({**env, "PUBLIC_CACHE_SECONDS": "0"}, args.port, args.workers) as server:
            uncached = {name: wrk(server.url + path, first, args, script) for name, (path, _) in TARGETS.items()}

        print(f"Belasting na afloop: {load()}\n")
        failed = False
        print("Gecachet, mediane ronde (req/s; verh. = pagina/statisch; fouten over alle rondes)")
        print(HEADER)
        for connections in args.connections:
            for name in TARGETS:
                page_runs, static_runs = runs[(connections, name, "page")], runs[(connections, name, "static")]
                page, static = median(page_runs), median(static_runs)
                ratio = page["rps"] / static["rps"]
                errors = sum(run["errors"] for run in page_runs + static_runs)
                print(row(connections, name, len(bodies[name]), page, static, ratio, errors))
                failed |= ratio < GOAL_RATIO or errors > 0
        print(f"Doel: verhouding ≥ {GOAL_RATIO} en geen fouten: {'NIET gehaald' if failed else 'gehaald'}\n")

        print(f"Zonder paginacache (PUBLIC_CACHE_SECONDS=0), {first} verbindingen, ter vergelijking")
        for name, (path, _) in TARGETS.items():
            result = uncached[name]
            target = f"{name} ({path})"
            print(f"  {target:<39} {result['rps']:>9.0f} req/s   p50 {result['p50']:>7.1f} ms"
                  f"   p95 {result['p95']:>7.1f} ms   fouten {result['errors']}")
            failed |= result["errors"] > 0
        return 1 if failed else 0
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
