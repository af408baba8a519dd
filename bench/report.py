"""Benchmark: render the voortgangsrapportage to PDF, as the Celery task does.

    DATABASE_URL=postgres://… .venv/bin/python bench/report.py [--edition vgr-2025] [--scales 1 4]

Needs the programme loaded (manage.py load_programme). Every scenario runs in a fresh
process, so its peak memory (ru_maxrss) is its own. In that process the job runs twice,
as in a Celery worker that lives on: "cold" is the first job after the process started
and prepared the renderer (as a worker process does), "warm" the next one. Per job it
prints the time for the data (the snapshot from the database), the templates and
WeasyPrint (layout and PDF), the pages, the CPU time and the peak resident memory so far;
a second run of the same scenario under tracemalloc gives the peak of Python's own
allocations per job. "Scale 4" multiplies the measures' content (introductions,
summaries, every list) by four.
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
# The goal: the 2025 report in under 4 s of CPU in a warm worker process.
TARGET_WARM_CPU_SECONDS = 4


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


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _job(edition_key: str, factor: int, trace: bool) -> dict:
    """One job as the Celery task runs it: the snapshot, then the PDF."""
    from programme.models import ReportEdition
    from reports.rendering import report_pdf
    from reports.snapshot import report_snapshot_build

    if trace:
        tracemalloc.reset_peak()
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key=edition_key))
    data_seconds = time.perf_counter() - started
    snapshot = scale_measures(json.loads(json.dumps(snapshot)), factor)
    rendered = report_pdf(snapshot)
    result = {
        "data_seconds": data_seconds,
        "template_seconds": rendered.template_seconds,
        "weasyprint_seconds": rendered.weasyprint_seconds,
        "total_seconds": time.perf_counter() - started,
        "pages": rendered.page_count,
        "pdf_bytes": len(rendered.pdf),
        # CPU time of the job: on a busy machine closer than wall time to what a quiet
        # one would take (the render is single-threaded).
        "cpu_seconds": _cpu_seconds() - cpu_started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if trace:
        result["python_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return result


def run_scenario(edition_key: str, factor: int, trace: bool) -> dict:
    _setup_django()
    from reports.rendering import report_renderer_prepare

    cpu_started = _cpu_seconds()
    # What a Celery worker process does when it starts, before its first job (tasks.py).
    report_renderer_prepare()
    prepare_cpu_seconds = _cpu_seconds() - cpu_started
    baseline_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if trace:
        tracemalloc.start()
    jobs = {run: _job(edition_key, factor, trace) for run in ("cold", "warm")}
    if trace:
        tracemalloc.stop()
    return {"factor": factor, "prepare_cpu_seconds": prepare_cpu_seconds, "baseline_mb": baseline_mb, **jobs}


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
    print(f"{'scale':>5} {'job':>4} {'pages':>5} {'data s':>7} {'tmpl s':>7} {'weasy s':>8} {'total s':>8} "
          f"{'cpu s':>6} {'s/page':>7} {'RSS MB':>7} {'+RSS MB':>8} {'py MB':>6}")
    results = []
    for factor in args.scales:
        result = _child(args.edition, factor, trace=False)
        traced = _child(args.edition, factor, trace=True)
        results.append(result)
        for run in ("cold", "warm"):
            job = result[run]
            print(f"{factor:>5} {run:>4} {job['pages']:>5} {job['data_seconds']:>7.2f} {job['template_seconds']:>7.2f} "
                  f"{job['weasyprint_seconds']:>8.2f} {job['total_seconds']:>8.2f} {job['cpu_seconds']:>6.2f} "
                  f"{job['total_seconds'] / job['pages']:>7.3f} {job['peak_rss_mb']:>7.0f} "
                  f"{job['peak_rss_mb'] - result['baseline_mb']:>8.0f} {traced[run]['python_peak_mb']:>6.0f}")
    print(f"Before the first job the process spent {results[0]['prepare_cpu_seconds']:.2f} s CPU "
          f"preparing ({results[0]['baseline_mb']:.0f} MB)")

    first = results[0]
    cold, warm = first["cold"], first["warm"]
    within = cold["total_seconds"] < TARGET_SECONDS and warm["peak_rss_mb"] < TARGET_MB
    print(f"Scale {first['factor']}: cold {cold['total_seconds']:.1f} s ({cold['cpu_seconds']:.1f} s CPU), "
          f"{warm['peak_rss_mb']:.0f} MB peak (target < {TARGET_SECONDS} s, < {TARGET_MB} MB): "
          f"{'within' if within else 'OVER'} target")
    print(f"Scale {first['factor']}: warm {warm['total_seconds']:.1f} s, {warm['cpu_seconds']:.2f} s CPU "
          f"(target < {TARGET_WARM_CPU_SECONDS} s CPU): "
          f"{'within' if warm['cpu_seconds'] < TARGET_WARM_CPU_SECONDS else 'OVER'} target")
    for result in results[1:]:
        content_ratio = result["factor"] / first["factor"]
        for run in ("cold", "warm"):
            time_ratio = result[run]["cpu_seconds"] / first[run]["cpu_seconds"]
            print(f"Scale {result['factor']} {run}: CPU time ×{time_ratio:.2f} for content ×{content_ratio:.0f} "
                  f"and pages ×{result[run]['pages'] / first[run]['pages']:.2f}: "
                  f"{'at most linear' if time_ratio <= content_ratio else 'WORSE than linear'}")

if __name__ == "__main__":
    main()
