"""Data scale: do pages and the API stay fast with ten times the programme?

Loads the real programme into a fresh database, times the public pages and API lists
uncached, then adds synthetic measures and motions up to 300 of each (10x) and times
them again. Prints per page the fastest and the median time at both sizes and their
ratios; the goal is a ratio under 2 for every page and API list. The verdict uses the
fastest request: it is the same work each time, and on a shared machine the fastest is
the one least disturbed by other work (as timeit reports it); the medians are printed
beside it. The CSV downloads are the whole list by
design (one file for a spreadsheet), so their time grows with the rows; they are printed
apart, for the record.

    .venv/bin/python bench/scale.py [--repeat 15]

Uses BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/) with its
own database, passend_bench_scale, which it recreates.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/").rsplit("/", 1)[0]
DATABASE = "passend_bench_scale"

# Every public page that lists measures or motions, a detail page, and the API's lists.
# Measure 7 is the one with the most motions (four) in the real programme.
PAGES = ["/", "/doelen/", "/doelen/1/", "/samenhang/", "/maatregelen/", "/maatregelen/?q=onderwijs",
         "/maatregelen/?status=in_uitvoering&doel=1", "/maatregelen/8a/", "/betrokkenen/", "/betrokkenen/ouders/",
         "/moties/", "/moties/?maatregel=7", "/toezeggingen/", "/wijzigingen/",
         "/api/v1/maatregelen", "/api/v1/moties"]
DOWNLOADS = ["/api/v1/maatregelen?format=csv", "/api/v1/moties?format=csv"]


def _recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def _setup_django() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="passend.settings.base",
        DATABASE_URL=f"{SERVER}/{DATABASE}",
        CELERY_BROKER_URL="",
        DJANGO_ALLOWED_HOSTS="testserver,localhost",
    )
    import django

    django.setup()
    from django.conf import settings

    # Uncached: this measures the work per request, not the cache.
    settings.CACHES["default"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


def _grow_to(count: int) -> None:
    from measures.models import Goal, Measure, MeasureItem, MeasureStakeholder, StakeholderGroup
    from motions.models import Motion

    programme = Measure.objects.first().programme
    goals = list(Goal.objects.all())
    # Every new measure names four groups, parents (ouders) among them: PAGES shows their page.
    others = StakeholderGroup.objects.exclude(slug="ouders").order_by("slug")
    groups = [StakeholderGroup.objects.get(slug="ouders"), *others[:3]]
    measures = list(Measure.objects.filter(parent__isnull=True))
    for number in range(26, 26 + count - Measure.objects.count()):
        measure = Measure.objects.create(programme=programme, code=str(number), title=f"Maatregel voor schaaltest {number}",
                                         status="in_uitvoering", introduction="Onderwijs en ondersteuning. " * 40)
        MeasureItem.objects.bulk_create(
            MeasureItem(measure=measure, kind=kind, position=position, text=f"Stap {position} over passend onderwijs.")
            for kind in ["dilemma", "step", "next_step", "school_action"] for position in range(1, 6))
        MeasureStakeholder.objects.bulk_create(
            MeasureStakeholder(measure=measure, group=group, position=index) for index, group in enumerate(groups))
        goals[number % len(goals)].measures.add(measure)
        measures.append(measure)
    for number in range(1000, 1000 + count - Motion.objects.count()):
        motion = Motion.objects.create(programme=programme, kamerstuk=f"99999-{number}", title=f"Schaalmotie {number}",
                                       explanation="Deze motie is gekoppeld aan een maatregel.", status="in_uitvoering")
        motion.measures.add(measures[number % len(measures)])


def _time_pages(repeat: int) -> dict[str, tuple[float, float]]:
    """Per page the (fastest, median) time of ``repeat`` requests."""
    from django.test import Client

    client = Client()
    timings = {}
    for page in PAGES + DOWNLOADS:
        assert client.get(page).status_code == 200, page
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(page)
            samples.append(time.perf_counter() - started)
        timings[page] = (min(samples), statistics.median(samples))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    _recreate_database()
    _setup_django()
    from django.core.management import call_command
    from django.db import connection

    from measures.models import Measure
    from motions.models import Motion

    call_command("migrate", verbosity=0)
    call_command("load_programme", verbosity=0, stdout=open(os.devnull, "w"))
    small = _time_pages(args.repeat)
    sizes_small = (Measure.objects.count(), Motion.objects.count())
    _grow_to(300)
    # What autovacuum does after a bulk change: without it the planner works from the
    # statistics of the small programme and scans tables full of dead row versions.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    large = _time_pages(args.repeat)
    sizes_large = (Measure.objects.count(), Motion.objects.count())

    print(f"load average {os.getloadavg()[0]:.1f}; {args.repeat} uncached requests per page, fastest and median")
    print(f"{'page':<42} {sizes_small[0]:>3} maatr./{sizes_small[1]:>3} moties   "
          f"{sizes_large[0]:>3} maatr./{sizes_large[1]:>3} moties   ratio (fastest)  ratio (median)")
    for page in PAGES + DOWNLOADS:
        if page == DOWNLOADS[0]:
            print("downloads of a whole list (grow with the rows by design):")
        (small_min, small_median), (large_min, large_median) = small[page], large[page]
        print(f"{page:<42} {small_min * 1000:>6.1f} / {small_median * 1000:>5.1f} ms"
              f" {large_min * 1000:>9.1f} / {large_median * 1000:>5.1f} ms"
              f" {large_min / small_min:>12.2f} {large_median / small_median:>15.2f}")
    worst = max(large[page][0] / small[page][0] for page in PAGES)
    print(f"worst ratio of the pages and API lists (fastest of {args.repeat}) {worst:.2f} (goal: < 2)")


if __name__ == "__main__":
    main()
