"""The site search: how long a query, a sync without changes and a full rebuild take on
the database of DATABASE_URL (with the programme loaded), CPU and wall time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/passend .venv/bin/python bench/search.py
    DATABASE_URL=sqlite:///db.sqlite3 .venv/bin/python bench/search.py
"""
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search.selectors import search_results  # noqa: E402
from search.services import search_index_rebuild, search_index_sync  # noqa: E402

QUERIES = ["thuiszitters", "thuisz", "samenwerkingsverbanden", "ouders leerlingen", '"digitale school"',
           "samenwerkingsvrband", "xylofoonorkest"]
ROUNDS = 20


def timed(function, rounds: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of one call."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    print(f"{connection.vendor}, load average {os.getloadavg()[0]:.1f}")
    print(f"{'what':32} {'wall ms':>9} {'cpu ms':>9}")
    search_index_rebuild()
    for query in QUERIES:
        wall, cpu = timed(lambda query=query: search_results(query=query), ROUNDS)
        print(f"{'zoeken: ' + query:32} {wall:9.1f} {cpu:9.1f}")
    wall, cpu = timed(search_index_sync, ROUNDS)
    print(f"{'sync, nothing changed':32} {wall:9.1f} {cpu:9.1f}")
    wall, cpu = timed(search_index_rebuild, 3)
    print(f"{'rebuild (every page)':32} {wall:9.1f} {cpu:9.1f}")


if __name__ == "__main__":
    main()
