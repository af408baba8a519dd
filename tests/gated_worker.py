"""A real Celery worker process whose renders start and then wait for a gate file.

    python -m tests.gated_worker GATE_FILE worker [celery worker options]

A render sets its generation RUNNING and then waits until GATE_FILE exists, so a test
can act while a render is certainly in progress (kill the worker, say) without racing it.
"""
import os
import sys
import time
from pathlib import Path


def main() -> None:
    gate = Path(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.test")
    import django

    django.setup()
    from passend.celery import app
    from reports import services

    render = services.report_pdf

    def gated(snapshot):
        while not gate.exists():
            time.sleep(0.05)
        return render(snapshot)

    services.report_pdf = gated
    app.worker_main(sys.argv[2:])


if __name__ == "__main__":
    main()
