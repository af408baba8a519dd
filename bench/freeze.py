"""Benchmark: adopting an edition freezes the programme's whole public state.

    .venv/bin/python bench/freeze.py [--rounds 20]

Recreates its own database (``passend_bench_freeze`` on the server of BENCH_DATABASE_URL,
default postgres://postgres@127.0.0.1:5432), loads the programme, opens the next edition
and times ``edition_freeze`` (the snapshot of every goal, measure, motion and law, its
checksum and the write) in rounds, each rolled back. Prints fastest, median and slowest,
and the queries and size of one frozen state. Target: well under a second.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    server = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
    os.environ.update(DATABASE_URL=f"{server}/passend_bench_freeze", DJANGO_SETTINGS_MODULE="passend.settings.base")
    sys.path.insert(0, str(ROOT))
    import django
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS passend_bench_freeze")
        admin.execute("CREATE DATABASE passend_bench_freeze")
    django.setup()
    import datetime
    import io
    import json

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from reports.editions import edition_freeze, edition_start

    call_command("migrate", verbosity=0)
    call_command("load_programme", stdout=io.StringIO())
    edition = edition_start(key="vgr-2026", reference_date=datetime.date(2026, 2, 1))
    timings = []
    for _ in range(args.rounds):
        with transaction.atomic():
            started = time.perf_counter()
            edition_freeze(edition=edition)
            timings.append(time.perf_counter() - started)
            transaction.set_rollback(True)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        edition_freeze(edition=edition)
        transaction.set_rollback(True)
    size = len(json.dumps(edition.frozen_state, ensure_ascii=False).encode())
    print(f"freeze of the whole programme, {args.rounds} rounds: fastest {min(timings) * 1000:.0f} ms, "
          f"median {statistics.median(timings) * 1000:.0f} ms, slowest {max(timings) * 1000:.0f} ms; "
          f"{len(queries)} queries, frozen state {size / 1024:.0f} kB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
