"""Benchmark: the cost of finishing the report's structure tree (reports/pdf_tags.py).

    DATABASE_URL=postgres://… .venv/bin/python bench/pdf_tags.py [--edition vgr-2025] [--runs 5]

Needs the programme loaded (manage.py load_programme). Renders the edition once as
report_pdf does, then times ``finish_tags`` alone on that PDF, ``--runs`` times, and
prints CPU and wall time per run and the median; the header scopes step that follows it
is timed the same way for comparison.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(runs: int, function) -> list[tuple[float, float]]:
    times = []
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        function()
        times.append((time.process_time() - cpu, time.perf_counter() - wall))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edition", default="vgr-2025")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")
    import django

    django.setup()
    from weasyprint import CSS, HTML

    from programme.models import ReportEdition
    from reports import rendering
    from reports.pdf_tags import finish_tags
    from reports.snapshot import report_snapshot_build

    snapshot = report_snapshot_build(edition=ReportEdition.objects.get(key=args.edition))
    document = HTML(
        string=rendering.report_html(snapshot, medium="print"), base_url=str(rendering.PRINT_CSS.parent),
        url_fetcher=rendering._refuse_fetch,
    ).render(stylesheets=[CSS(filename=str(rendering.PRINT_CSS))], pdf_variant="pdf/ua-1", pdf_tags=True)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)

    print(f"Rapportage {args.edition}, {len(document.pages)} pages, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}")
    for name, function in (("finish_tags", lambda: finish_tags(pdf, document)),
                           ("header scopes", lambda: rendering._header_scopes(pdf))):
        times = _timed(args.runs, function)
        runs = "  ".join(f"{cpu:.3f}/{wall:.3f}" for cpu, wall in times)
        print(f"{name:>13}: CPU/wall s per run {runs}; median CPU {statistics.median(c for c, _ in times):.3f} s")


if __name__ == "__main__":
    main()
