"""manage.py create_demo_accounts: one local account per staff role, for trying the app.

Refuses to run unless DEBUG is on, so that it can never create known passwords on a
production server.
"""
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from measures.models import Measure
from workspace.roles import ADMINISTRATOR, EDITOR, FINAL_EDITOR

ACCOUNTS = [
    ("redacteur", EDITOR, "Rosa", "Redacteur"),
    ("eindredacteur", FINAL_EDITOR, "Erik", "Eindredacteur"),
    ("beheerder", ADMINISTRATOR, "Bea", "Beheerder"),
]


class Command(BaseCommand):
    help = "Maakt lokale demo-accounts aan, één per rol (alleen met DEBUG aan)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo-accounts worden alleen aangemaakt met DJANGO_DEBUG=true, nooit in productie.")
        User = get_user_model()
        self.stdout.write("Demo-accounts (alleen voor lokaal gebruik):")
        for username, role, first_name, last_name in ACCOUNTS:
            password = f"demo-{secrets.token_urlsafe(9)}"
            user, _created = User.objects.get_or_create(
                username=username, defaults={"first_name": first_name, "last_name": last_name,
                                             "email": f"{username}@example.nl"})
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            if role == EDITOR:
                user.assigned_measures.set(Measure.objects.all())
            self.stdout.write(f"  {role:<14} gebruikersnaam: {username:<14} wachtwoord: {password}")
        self.stdout.write("Inloggen: http://127.0.0.1:8000/beheer/inloggen/")
