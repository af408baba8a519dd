"""manage.py load_programme: load the programme's content from fixtures/ (idempotent)."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from content.loader import FixtureError, programme_differences, programme_load


class Command(BaseCommand):
    help = (
        "Laadt doelen, maatregelen, betrokkenen, moties, toezeggingen en wetgeving uit de "
        "YAML-bestanden in fixtures/. Veilig om opnieuw te draaien: bewerkingen van "
        "medewerkers blijven staan, tenzij --overwrite-edits is opgegeven."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures", type=Path, default=settings.PROGRAMME_FIXTURES_DIR,
            help="Map met de YAML-bestanden (standaard: PASSEND_FIXTURES_DIR).",
        )
        parser.add_argument(
            "--overwrite-edits", action="store_true",
            help="Vervang ook records die medewerkers na het laden hebben bewerkt.",
        )
        parser.add_argument(
            "--check", action="store_true",
            help="Niets laden; meld alleen waar de database van de bestanden afwijkt.",
        )

    def handle(self, *args, fixtures: Path, overwrite_edits: bool, check: bool, **options):
        try:
            if check:
                differences = programme_differences(fixtures_dir=fixtures)
                for line in differences:
                    self.stdout.write(line)
                if differences:
                    raise CommandError(f"{len(differences)} verschil(len) tussen database en bestanden.")
                self.stdout.write(self.style.SUCCESS("Database en bestanden komen overeen."))
                return
            report = programme_load(fixtures_dir=fixtures, overwrite_edits=overwrite_edits)
        except FixtureError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())
