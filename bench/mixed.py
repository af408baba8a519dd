"""Benchmark: readers under load while staff publish, behind one address over its API budget.

    .venv/bin/python bench/mixed.py [--runs 3] [--duration 20] [--connections 64] [--workers 3]

The production stack (gunicorn with 3 workers, PostgreSQL, Redis as cache and broker) in a
database of its own (dropped and created again, programme loaded). Per run:

- readers: wrk -t2 -c64 for --duration seconds over `/`, `/maatregelen/`,
  `/maatregelen/8a/` and `/api/v1/maatregelen` in turn;
- a publish every second through the staff API with a token (concept PUT, aanbieden,
  publiceren of measure 8a with a new summary), after which the public page is read
  once: a read that does not show the new summary is a stale read;
- a client over its API budget: before the first run the anonymous budget of 127.0.0.1
  (API_ANON_THROTTLE_RATE, set to 100/hour here) is used up, and during each run one
  client keeps asking the API for addresses nobody asked before, which it is refused
  (429). wrk's readers come from that same address, as readers behind one NAT or a
  proxy left at API_NUM_PROXIES=0 do: they must not be refused.

Reported per run and as the median run (by p99): reader requests per second, p50 and p99
latency, reader errors (socket errors, timeouts and answers other than 2xx/3xx), the
publishes, their p50 duration and stale reads after them, and the refusals of the client
over budget. Goal: 0 reader errors, 0 stale reads, p99 under 100 ms. Exit status 1 when
missed. Needs wrk (apt-get install wrk). About two minutes with the defaults.
"""
import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The stack's set-up is the dashboard benchmark's (loaded by path: a module named
# "dashboard" would be the Django app's).
_spec = importlib.util.spec_from_file_location("bench_dashboard", ROOT / "bench" / "dashboard.py")
stack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack)

READER_PATHS = ["/", "/maatregelen/", "/maatregelen/8a/", "/api/v1/maatregelen"]
BUDGET = "100/hour"
GOAL_P99_MS = 100

WRK_SCRIPT = """
local paths = {PATHS}
local next_path = 0
request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout,
    latency.max))
end
""".replace("PATHS", ", ".join(f'"{path}"' for path in READER_PATHS))

STAFF_TOKEN = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
user, _ = get_user_model().objects.get_or_create(username="bench-eindredacteur")
user.groups.add(Group.objects.get(name="eindredacteur"))
print(Token.objects.get_or_create(user=user)[0].key)
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/passend_bench_mixed"))
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/13", help="cache and broker for the benchmark")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=20, help="seconds per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8798)
    return parser.parse_args()


def call(url: str, *, method: str = "GET", token: str | None = None, body: dict | None = None) -> tuple[int, dict]:
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


class Publisher(threading.Thread):
    """Publishes a new summary of measure 8a every second and reads the page after each."""

    def __init__(self, base: str, token: str, run: int):
        super().__init__(daemon=True)
        self.base, self.token, self.run_number = base, token, run
        self.stop = threading.Event()
        self.durations: list[float] = []
        self.failures = self.stale = 0

    def publish(self, number: int) -> None:
        concept = f"{self.base}/api/v1/maatregelen/8a/concept"
        marker = f"Benchmarkronde {self.run_number}-{number}."
        started = time.monotonic()
        status, state = call(concept, token=self.token)
        document = {**state["gepubliceerd"], "summary": marker}
        status, state = call(concept, method="PUT", token=self.token, body={"versie": state["versie"],
                                                                            "inhoud": document})
        if status == 200:
            status, state = call(concept + "/aanbieden", method="POST", token=self.token,
                                 body={"versie": state["versie"]})
        if status == 200:
            status, state = call(concept + "/publiceren", method="POST", token=self.token,
                                 body={"versie": state["versie"]})
        if status != 200:
            self.failures += 1
            return
        self.durations.append(time.monotonic() - started)
        with urllib.request.urlopen(f"{self.base}/maatregelen/8a/", timeout=30) as page:
            self.stale += marker not in page.read().decode()

    def run(self) -> None:
        number = 0
        while not self.stop.is_set():
            started = time.monotonic()
            number += 1
            self.publish(number)
            self.stop.wait(max(0.0, 1 - (time.monotonic() - started)))


class OverBudget(threading.Thread):
    """One anonymous client over its budget, asking for addresses nobody asked before."""

    def __init__(self, base: str, run: int):
        super().__init__(daemon=True)
        self.base, self.run_number = base, run
        self.stop = threading.Event()
        self.statuses: dict[int, int] = {}

    def run(self) -> None:
        number = 0
        while not self.stop.wait(0.05):
            number += 1
            status, _ = call(f"{self.base}/api/v1/moties?pagina=1&ronde={self.run_number}-{number}")
            self.statuses[status] = self.statuses.get(status, 0) + 1


def use_up_budget(base: str) -> int:
    """Ask uncached API addresses until the budget of 127.0.0.1 is gone; returns how many."""
    for number in range(1, 10_000):
        status, _ = call(f"{base}/api/v1/moties?pagina=1&opgebruikt={number}")
        if status == 429:
            return number
    raise RuntimeError("the API never refused: is the throttle on?")


def readers(base: str, args: argparse.Namespace, script: Path) -> dict:
    output = subprocess.run(
        ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s", "--timeout", "10s",
         "-s", str(script), base + "/"], check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p99, connect, read, write, status, timeout, slowest = (
        int(value) for value in line.split()[1:])
    return {"rps": requests / (duration / 1e6), "requests": requests, "p50": p50 / 1000, "p99": p99 / 1000,
            "max": slowest / 1000, "errors": connect + read + write + status + timeout,
            "detail": f"connect {connect}, read {read}, write {write}, status {status}, timeout {timeout}"}


def main() -> int:
    args = arguments()
    if not shutil.which("wrk"):
        sys.exit("wrk is niet geïnstalleerd: apt-get install wrk")
    static_root = Path(tempfile.mkdtemp(prefix="passend-bench-mixed-"))
    env = stack.stack_env(settings="passend.settings.production", database_url=args.database_url, redis=args.redis,
                          static_root=static_root, log_level="ERROR", throttle_rate=BUDGET)
    script = static_root / "mixed.lua"
    script.write_text(WRK_SCRIPT)
    try:
        print(f"Database {urlsplit(args.database_url).path.lstrip('/')} opnieuw aanmaken en vullen …")
        stack.recreate_database(args.database_url)
        stack.manage(env, "migrate", "--no-input")
        stack.manage(env, "load_programme")
        stack.manage(env, "collectstatic", "--no-input")
        stack.redis_cli(args.redis, "flushdb")
        token = subprocess.run([stack.PYTHON, "manage.py", "shell", "-c", STAFF_TOKEN], cwd=ROOT, env=env,
                               check=True, capture_output=True, text=True).stdout.split()[-1]

        results = []
        with stack.Gunicorn(env, args.port, args.workers) as server:
            for path in READER_PATHS:
                stack.fetch(server.url + path)
            used = use_up_budget(server.url)
            print(f"Budget van 127.0.0.1 ({BUDGET}) op na {used} aanvragen; wrk leest vanaf hetzelfde adres.")
            print(f"Belasting van de machine (load average 1/5/15 min): {stack.load()}")
            print(f"gunicorn {args.workers} workers; wrk -t{args.threads} -c{args.connections} -d{args.duration}s "
                  f"over {', '.join(READER_PATHS)}; elke seconde een publicatie\n")
            for run in range(1, args.runs + 1):
                publisher, over_budget = Publisher(server.url, token, run), OverBudget(server.url, run)
                publisher.start()
                over_budget.start()
                result = readers(server.url, args, script)
                publisher.stop.set()
                over_budget.stop.set()
                publisher.join()
                over_budget.join()
                result.update(publishes=len(publisher.durations), publish_failures=publisher.failures,
                              publish_p50=statistics.median(publisher.durations) * 1000 if publisher.durations else 0,
                              stale=publisher.stale, over_budget=dict(sorted(over_budget.statuses.items())))
                results.append(result)
                print(f"Run {run}: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms,"
                      f" max {result['max']:.0f} ms, lezersfouten {result['errors']} ({result['detail']}); "
                      f"{result['publishes']} publicaties (p50 {result['publish_p50']:.0f} ms, mislukt "
                      f"{result['publish_failures']}, verouderd gelezen {result['stale']}); client over budget: "
                      f"{result['over_budget']}")
        print(f"\nBelasting na afloop: {stack.load()}")
        middle = sorted(results, key=lambda result: result["p99"])[len(results) // 2]
        print(f"Mediane run (naar p99): {middle['rps']:.0f} req/s, p50 {middle['p50']:.1f} ms, "
              f"p99 {middle['p99']:.1f} ms, lezersfouten {middle['errors']}")
        failed = (any(result["errors"] or result["stale"] or result["publish_failures"] for result in results)
                  or middle["p99"] >= GOAL_P99_MS)
        print(f"Doel: 0 lezersfouten, 0 verouderd gelezen, p99 < {GOAL_P99_MS} ms: "
              f"{'NIET gehaald' if failed else 'gehaald'}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
