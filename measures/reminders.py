"""Reminding redacteuren, before a peildatum, of measures they have not yet updated."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from .staff_selectors import previous_edition, stale_measures, upcoming_edition


def stale_measure_reminders_send(*, today: datetime.date | None = None) -> int:
    """Mail each redacteur the list of their measures still to update, on the days
    settings.PASSEND_REMINDER_DAYS before the upcoming edition's peildatum.

    Returns the number of mails sent; zero on other days or without an upcoming edition.
    """
    today = today or timezone.localdate()
    edition = upcoming_edition(today=today)
    if edition is None or (edition.reference_date - today).days not in settings.PASSEND_REMINDER_DAYS:
        return 0
    sent = 0
    editors = get_user_model().objects.filter(is_active=True, assigned_measures__isnull=False).distinct()
    for editor in editors:
        measures = list(stale_measures(editor=editor))
        if not measures or not editor.email:
            continue
        context = {"editor": editor, "measures": measures, "edition": edition,
                   "previous_edition": previous_edition(), "days_left": (edition.reference_date - today).days}
        send_mail(
            subject=f"Nog bij te werken vóór de peildatum van {edition.reference_date:%d-%m-%Y}",
            message=render_to_string("staff/email/reminder.txt", context),
            from_email=None,
            recipient_list=[editor.email],
        )
        sent += 1
    return sent
