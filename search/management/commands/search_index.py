from django.core.management.base import BaseCommand

from search.services import search_index_rebuild, search_index_sync


class Command(BaseCommand):
    help = "Brengt de zoekindex in lijn met de gepubliceerde inhoud (--rebuild: opnieuw opbouwen)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="De index leegmaken en opnieuw opbouwen.")

    def handle(self, *args, rebuild: bool = False, **options):
        report = search_index_rebuild() if rebuild else search_index_sync()
        self.stdout.write(
            f"Zoekindex: {report.added} toegevoegd, {report.changed} bijgewerkt, {report.removed} verwijderd."
        )
