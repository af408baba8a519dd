"""Data scale: do pages and the API stay fast with ten times the programme?

Loads the real programme into two fresh databases and grows the second to 300 measures
and 300 motions (10x). Then it times the public pages and API lists uncached, in rounds
that alternate between the two databases, page by page, so that a change in the load of
this shared machine hits both sizes alike. Prints per page the fastest and the median
time at both sizes and their ratios; the goal is a ratio under 2 for every page and API
list. The verdict uses the fastest request: it is the same work each time, and the
fastest is the one least disturbed by other work (as timeit reports it). The CSV
downloads are the whole list by design (one file for a spreadsheet), so their time grows
with the rows; they are printed apart, for the record.

    .venv/bin/python bench/scale.py [--rounds 5] [--repeat 5]

Uses BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/) with its
own databases, passend_bench_scale_1x and passend_bench_scale_10x, which it recreates.
"""
import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/").rsplit("/", 1)[0]
DATABASES = {"1x": "passend_bench_scale_1x", "10x": "passend_bench_scale_10x"}

# Every public page that lists measures or motions, a detail page, and the API's lists.
# Measure 7 is the one with the most motions (four) in the real programme.
PAGES = ["/", "/doelen/", "/doelen/1/", "/samenhang/", "/maatregelen/", "/maatregelen/?q=onderwijs",
         "/maatregelen/?status=in_uitvoering&doel=1", "/maatregelen/8a/", "/betrokkenen/", "/betrokkenen/ouders/",
         "/moties/", "/moties/?maatregel=7", "/toezeggingen/", "/wijzigingen/",
         "/api/v1/maatregelen", "/api/v1/moties"]
DOWNLOADS = ["/api/v1/maatregelen?format=csv", "/api/v1/moties?format=csv"]


def _recreate_databases() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for database in DATABASES.values():
            connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {database}")


def _setup_django() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="passend.settings.base",
        DATABASE_URL=f"{SERVER}/{DATABASES['1x']}",
        CELERY_BROKER_URL="",
        DJANGO_ALLOWED_HOSTS="testserver,localhost",
    )
    import django

    django.setup()
    from django.conf import settings

    # Uncached: this measures the work per request, not the cache.
    settings.CACHES["default"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


def _use(size: str) -> None:
    """Point the default connection at the database of this size (reconnects on next use)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = DATABASES[size]


def _grow_to(count: int) -> None:
    from measures.models import Measure, MeasureItem, MeasureStakeholder
    from motions.models import Motion
    from programme.models import Goal, StakeholderGroup

    programme = Measure.objects.first().programme
    goals = list(Goal.objects.all())
    # Every new measure names four groups, parents (ouders) among them: PAGES shows their page.
    others = StakeholderGroup.objects.exclude(slug="ouders").order_by("slug")
    groups = [StakeholderGroup.objects.get(slug="ouders"), *others[:3]]
    measures = list(Measure.objects.filter(parent__isnull=True))
    for number in range(26, 26 + count - Measure.objects.count()):
        measure = Measure.objects.create(
            programme=programme,
            code=str(number),
            title=f"Maatregel voor schaaltest {number}",
            status="in_uitvoering",
            introduction="Onderwijs en ondersteuning. " * 40,
        )
        MeasureItem.objects.bulk_create(
            MeasureItem(measure=measure, kind=kind, position=position, text=f"Stap {position} over passend onderwijs.")
            for kind in ["dilemma", "step", "next_step", "school_action"]
            for position in range(1, 6)
        )
        MeasureStakeholder.objects.bulk_create(
            MeasureStakeholder(measure=measure, group=group, position=index) for index, group in enumerate(groups)
        )
        goals[number % len(goals)].measures.add(measure)
        measures.append(measure)
    for number in range(1000, 1000 + count - Motion.objects.count()):
        motion = Motion.objects.create(
            programme=programme,
            kamerstuk=f"99999-{number}",
            title=f"Schaalmotie {number}",
            explanation="Deze motie is gekoppeld aan een maatregel.",
            status="in_uitvoering",
        )
        motion.measures.add(measures[number % len(measures)])


def _time_pages(rounds: int, repeat: int) -> dict[tuple[str, str], list[float]]:
    """Request times per (size, page): per round and page, ``repeat`` requests at 1x and
    then at 10x, after one untimed request each."""
    from django.test import Client

    client = Client()
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for page in PAGES + DOWNLOADS:
            for size in DATABASES:
                _use(size)
                assert client.get(page).status_code == 200, (size, page)
                for _ in range(repeat):
                    started = time.perf_counter()
                    client.get(page)
                    samples.setdefault((size, page), []).append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds alternating the two sizes")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page, size and round")
    args = parser.parse_args()
    _recreate_databases()
    _setup_django()
    from django.core.management import call_command
    from django.db import connection

    from measures.models import Measure
    from motions.models import Motion

    sizes = {}
    for size in DATABASES:
        _use(size)
        call_command("migrate", verbosity=0)
        call_command("load_programme", verbosity=0, stdout=io.StringIO())
        if size == "10x":
            _grow_to(300)
            # What autovacuum does after a bulk change: without it the planner works from
            # the statistics of the small programme and scans tables of dead row versions.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        sizes[size] = (Measure.objects.count(), Motion.objects.count())
    load_before = os.getloadavg()[0]
    samples = _time_pages(args.rounds, args.repeat)

    def fastest(size, page):
        return min(samples[(size, page)])

    def median(size, page):
        return statistics.median(samples[(size, page)])

    count = args.rounds * args.repeat
    print(
        f"load average {load_before:.1f} → {os.getloadavg()[0]:.1f}; {count} uncached requests per page and size"
        f" in {args.rounds} alternating rounds; fastest / median"
    )
    print(
        f"{'page':<42} {sizes['1x'][0]:>3} maatr./{sizes['1x'][1]:>3} moties   "
        f"{sizes['10x'][0]:>3} maatr./{sizes['10x'][1]:>3} moties   ratio (fastest)  ratio (median)"
    )
    for page in PAGES + DOWNLOADS:
        if page == DOWNLOADS[0]:
            print("downloads of a whole list (grow with the rows by design):")
        print(
            f"{page:<42} {fastest('1x', page) * 1000:>6.1f} / {median('1x', page) * 1000:>5.1f} ms"
            f" {fastest('10x', page) * 1000:>9.1f} / {median('10x', page) * 1000:>5.1f} ms"
            f" {fastest('10x', page) / fastest('1x', page):>12.2f}"
            f" {median('10x', page) / median('1x', page):>15.2f}"
        )
    worst = max(fastest("10x", page) / fastest("1x", page) for page in PAGES)
    print(f"worst ratio of the pages and API lists (fastest of {count}) {worst:.2f} (goal: < 2)")


if __name__ == "__main__":
    main()
