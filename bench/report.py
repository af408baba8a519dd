"""Benchmark: render the voortgangsrapportage to PDF, as the Celery task does.

    DATABASE_URL=postgres://… .venv/bin/python bench/report.py [--edition vgr-2025] [--scales 1 4]

Needs the programme loaded (manage.py load_programme). Every scenario runs in a fresh
process, so its peak memory (ru_maxrss) is its own. Per scenario it prints the time for
the data (the snapshot from the database), the templates and WeasyPrint (layout and PDF),
the pages, and the peak resident memory; a second run of the same scenario under
tracemalloc gives the peak of Python's own allocations. "Scale 4" multiplies the
measures' content (introductions, summaries, every list) by four.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10
TARGET_MB = 500


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")
    import django

    django.setup()


def scale_measures(snapshot: dict, factor: int) -> dict:
    """The snapshot with every measure's narrative content repeated ``factor`` times."""
    for measure in snapshot["measures"]:
        for field in ("introduction", "summary"):
            if measure[field]:
                measure[field] = "\n\n".join([measure[field]] * factor)
        for field in ("dilemmas", "steps", "next_steps", "school_actions", "links"):
            measure[field] = measure[field] * factor
    return snapshot


def run_scenario(edition_key: str, factor: int, trace: bool) -> dict:
    _setup_django()
    import weasyprint  # noqa: F401  (imported before the baseline, as in a worker)

    from programme.models import ReportEdition
    from reports.rendering import report_pdf
    from reports.snapshot import report_snapshot_build

    baseline = resource.getrusage(resource.RUSAGE_SELF)
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key=edition_key))
    data_seconds = time.perf_counter() - started
    snapshot = scale_measures(json.loads(json.dumps(snapshot)), factor)
    rendered = report_pdf(snapshot)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "factor": factor,
        "data_seconds": data_seconds,
        "template_seconds": rendered.template_seconds,
        "weasyprint_seconds": rendered.weasyprint_seconds,
        "total_seconds": data_seconds + rendered.template_seconds + rendered.weasyprint_seconds,
        "pages": rendered.page_count,
        "pdf_bytes": len(rendered.pdf),
        # CPU time of the render: on a busy machine closer than wall time to what a quiet
        # one would take (the render is single-threaded).
        "cpu_seconds": (usage.ru_utime + usage.ru_stime) - (baseline.ru_utime + baseline.ru_stime),
        "baseline_mb": baseline.ru_maxrss / 1024,
        "peak_rss_mb": usage.ru_maxrss / 1024,
    }
    if trace:
        result["python_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result


def _child(edition_key: str, factor: int, trace: bool) -> dict:
    command = [sys.executable, __file__, "--child", "--edition", edition_key, "--scales", str(factor)]
    if trace:
        command.append("--trace")
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="vgr-2025")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(run_scenario(args.edition, args.scales[0], args.trace)))
        return

    print(f"Rapportage {args.edition}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"{'scale':>5} {'pages':>5} {'data s':>7} {'tmpl s':>7} {'weasy s':>8} {'total s':>8} "
          f"{'cpu s':>6} {'s/page':>7} {'RSS MB':>7} {'+RSS MB':>8} {'py MB':>6}")
    results = []
    for factor in args.scales:
        result = _child(args.edition, factor, trace=False)
        result["python_peak_mb"] = _child(args.edition, factor, trace=True)["python_peak_mb"]
        results.append(result)
        print(f"{factor:>5} {result['pages']:>5} {result['data_seconds']:>7.2f} {result['template_seconds']:>7.2f} "
              f"{result['weasyprint_seconds']:>8.2f} {result['total_seconds']:>8.2f} {result['cpu_seconds']:>6.2f} "
              f"{result['total_seconds'] / result['pages']:>7.3f} {result['peak_rss_mb']:>7.0f} "
              f"{result['peak_rss_mb'] - result['baseline_mb']:>8.0f} {result['python_peak_mb']:>6.0f}")

    first = results[0]
    within = first["total_seconds"] < TARGET_SECONDS and first["peak_rss_mb"] < TARGET_MB
    print(f"Scale {first['factor']}: {first['total_seconds']:.1f} s ({first['cpu_seconds']:.1f} s CPU), "
          f"{first['peak_rss_mb']:.0f} MB peak "
          f"(target < {TARGET_SECONDS} s, < {TARGET_MB} MB): {'within' if within else 'OVER'} target")
    for result in results[1:]:
        time_ratio = result["cpu_seconds"] / first["cpu_seconds"]
        content_ratio = result["factor"] / first["factor"]
        print(f"Scale {result['factor']}: CPU time ×{time_ratio:.2f} for content ×{content_ratio:.0f} "
              f"and pages ×{result['pages'] / first['pages']:.2f}: "
              f"{'at most linear' if time_ratio <= content_ratio else 'WORSE than linear'}")


if __name__ == "__main__":
    main()
