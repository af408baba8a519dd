"""Atom feeds of published changes: the whole programme, per goal and per measure.

Entries come from the domain history (statuses as recorded, the planning of laws as
sources stated it), so a reader learns of a new status without checking back.
"""
import datetime

from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from measures import selectors as measure_selectors
from measures.models import Measure
from programme.codes import parse_measure_code
from programme.models import Goal

from . import selectors
from .templatetags.dashboard import public_url, subject_label

FEED_LENGTH = 50


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    language = "nl"

    def title(self, obj=None) -> str:
        return _("Wijzigingen in de Verbeteraanpak Passend Onderwijs")

    def subtitle(self, obj=None) -> str:
        return _("Gepubliceerde statussen van maatregelen en moties en de planning van wetgeving.")

    def link(self, obj=None) -> str:
        return reverse("dashboard:change_list")

    def items(self, obj=None) -> list[selectors.Change]:
        return selectors.change_list(limit=FEED_LENGTH)

    def item_title(self, change: selectors.Change) -> str:
        subject = subject_label(change.subject)
        if change.kind == "planning":
            milestone = change.milestone
            phase = milestone.get_phase_display() + (f" ({milestone.label})" if milestone.label else "")
            return _("%(subject)s – %(phase)s: gepland %(planned)s") % {
                "subject": subject, "phase": phase, "planned": change.current or _("geen datum"),
            }
        if change.kind == "text":
            changed = [text.label for text in change.texts] + [items.label for items in change.lists]
            return _("%(subject)s – bijgewerkt: %(parts)s") % {"subject": subject, "parts": ", ".join(changed).lower()}
        return _("%(subject)s – status: %(status)s") % {"subject": subject, "status": change.current}

    def item_description(self, change: selectors.Change) -> str:
        parts = []
        for items in change.lists or []:
            parts += [_("%(list)s, nieuw: %(item)s") % {"list": items.label, "item": item} for item in items.added]
            parts += [_("%(list)s, niet meer genoemd: %(item)s") % {"list": items.label, "item": item}
                      for item in items.removed]
        if change.previous and change.is_change:
            parts.append(_("Eerder: %(previous)s.") % {"previous": change.previous})
        elif change.previous:
            parts.append(_("Ongewijzigd."))
        if change.when:
            parts.append(_("Moment: %(when)s.") % {"when": change.when})
        if change.source_title:
            parts.append(_("Bron: %(source)s.") % {"source": change.source_title})
        if change.explanation:
            parts.append(change.explanation)
        return " ".join(parts)

    def item_link(self, change: selectors.Change) -> str:
        if change.kind == "text":
            # The measure's page shows the text as published now.
            return public_url(change.subject)
        anchor = "planning" if change.kind == "planning" else "geschiedenis"
        return f"{public_url(change.subject)}#{anchor}-{change.record.pk}"

    def item_guid(self, change: selectors.Change) -> str:
        return f"passend:{change.anchor}"

    item_guid_is_permalink = False

    def item_updateddate(self, change: selectors.Change) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(change.date, datetime.time()))

    def item_pubdate(self, change: selectors.Change) -> datetime.datetime:
        return self.item_updateddate(change)


class GoalChangesFeed(ChangesFeed):
    def get_object(self, request, number: int) -> Goal:
        try:
            return measure_selectors.goal_detail(number=number)
        except Goal.DoesNotExist:
            raise Http404 from None

    def title(self, obj=None) -> str:
        return _("Wijzigingen bij doel %(number)s: %(title)s") % {"number": obj.number, "title": obj.title}

    def link(self, obj=None) -> str:
        return public_url(obj)

    def items(self, obj=None) -> list[selectors.Change]:
        return selectors.change_list(goal=obj.number, limit=FEED_LENGTH)


class MeasureChangesFeed(ChangesFeed):
    def get_object(self, request, code: str) -> Measure:
        try:
            return measure_selectors.measure_get(code=str(parse_measure_code(code)))
        except (Measure.DoesNotExist, ValidationError):
            raise Http404 from None

    def title(self, obj=None) -> str:
        return _("Wijzigingen bij %(measure)s") % {"measure": subject_label(obj)}

    def link(self, obj=None) -> str:
        return public_url(obj)

    def items(self, obj=None) -> list[selectors.Change]:
        return selectors.change_list(measure=obj.code, limit=FEED_LENGTH)
