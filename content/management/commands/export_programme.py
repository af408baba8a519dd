"""manage.py export_programme --output backup.json: a complete backup (see content/backup.py)."""
import os
from pathlib import Path

from django.core.management.base import BaseCommand

from content.backup import programme_export

WARNING = (
    "Let op: dit bestand bevat de wachtwoord-hashes van alle accounts. Bewaar het zo veilig als een "
    "wachtwoord (alleen leesbaar voor u: modus 0600). API-tokens zitten er niet in: maak ze na het "
    "terugzetten opnieuw aan in de admin."
)


class Command(BaseCommand):
    help = ("Schrijft het hele programma (inhoud, historie, concepten, rapportages met hun PDF's, accounts met "
            "wachtwoord-hashes) naar één JSON-bestand, alleen leesbaar voor de eigenaar.")

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, required=True, help="Het bestand om naar te schrijven.")

    def handle(self, *args, output: Path, **options):
        text = programme_export()
        # Created with mode 0600, and an existing file narrowed to it, before anything is in it.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        self.stdout.write(f"Back-up geschreven naar {output} ({len(text.encode()) // 1024} kB).")
        self.stdout.write(self.style.WARNING(WARNING))
