"""manage.py import_programme --input backup.json: restore a backup into an empty database."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.backup import BackupError, programme_import


class Command(BaseCommand):
    help = "Zet een back-up van export_programme terug in een lege database."

    def add_arguments(self, parser):
        parser.add_argument("--input", type=Path, required=True, help="Het back-upbestand.")

    def handle(self, *args, input: Path, **options):
        try:
            count = programme_import(text=input.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"Bestand niet gevonden: {input}") from None
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{count} records teruggezet.")
