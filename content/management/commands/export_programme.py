"""manage.py export_programme --output backup.json: a complete backup (see content/backup.py)."""
from pathlib import Path

from django.core.management.base import BaseCommand

from content.backup import programme_export


class Command(BaseCommand):
    help = "Schrijft het hele programma (inhoud, historie, concepten, rapportages, accounts) naar één JSON-bestand."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True, help="Het bestand om naar te schrijven.")

    def handle(self, *args, output: Path, **options):
        text = programme_export()
        output.write_text(text, encoding="utf-8")
        self.stdout.write(f"Back-up geschreven naar {output} ({len(text.encode()) // 1024} kB).")
