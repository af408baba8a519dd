"""Open the next report edition: ``manage.py start_edition --key vgr-2026 --reference-date 2026-02-01``."""
import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from reports.editions import edition_start


class Command(BaseCommand):
    help = "Open de volgende editie van de voortgangsrapportage (in voorbereiding, nog niet openbaar)."

    def add_arguments(self, parser):
        parser.add_argument("--key", required=True, help="Sleutel van de nieuwe editie, bijvoorbeeld vgr-2026.")
        parser.add_argument("--reference-date", required=True, help="Peildatum, JJJJ-MM-DD.")
        parser.add_argument("--title", default="", help="Titel; standaard ‘Vijfde voortgangsrapportage …’ enz.")

    def handle(self, *args, key: str, reference_date: str, title: str, **options):
        try:
            date = datetime.date.fromisoformat(reference_date)
        except ValueError:
            raise CommandError(f"Geen geldige peildatum: {reference_date!r}. Gebruik JJJJ-MM-DD.") from None
        try:
            edition = edition_start(key=key, reference_date=date, title=title)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{edition.title} ({edition.key}) is geopend, peildatum {date:%d-%m-%Y}.")
