"""manage.py sync_tweede_kamer [KAMERSTUK …]: fill in the Tweede Kamer's facts about our motions."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from motions.kamerstukken import parse_kamerstuk_number
from motions.models import Motion
from motions.services import motion_sync_from_tweede_kamer, motions_sync_all
from motions.tweedekamer import DEFAULT_TIMEOUT_SECONDS, TweedeKamerClient


class Command(BaseCommand):
    help = (
        "Haalt uit de open data van de Tweede Kamer de indieners, de datum, het besluit van de Kamer en de "
        "datum ervan, de kabinetsappreciatie en de link naar de officiële tekst van de moties. De status en "
        "toelichting van OCW blijven ongewijzigd."
    )

    def add_arguments(self, parser):
        parser.add_argument("kamerstukken", nargs="*", help="Alleen deze moties, bijvoorbeeld 31497-373.")
        parser.add_argument("--base-url", help="Het adres van de OData-dienst (standaard uit de instellingen).")
        parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_SECONDS, help="Seconden per aanvraag.")

    def handle(self, *args, kamerstukken, base_url, timeout, **options):
        client = TweedeKamerClient(base_url=base_url, timeout=timeout)
        if kamerstukken:
            results = []
            for value in kamerstukken:
                try:
                    motion = Motion.objects.get(kamerstuk=str(parse_kamerstuk_number(value)))
                except (ValidationError, Motion.DoesNotExist) as error:
                    raise CommandError(f"Geen motie {value} in de database ({error}).") from error
                results.append(motion_sync_from_tweede_kamer(motion=motion, client=client))
        else:
            results = motions_sync_all(client=client)
        for result in results:
            (self.stdout if result.ok else self.stderr).write(result.message)
        failed = [result for result in results if not result.ok]
        changed = sum(result.changed for result in results)
        self.stdout.write(f"{len(results)} moties bekeken, {changed} bijgewerkt, {len(failed)} niet gelukt.")
        if failed:
            raise CommandError(f"{len(failed)} moties konden niet worden bijgewerkt.")
