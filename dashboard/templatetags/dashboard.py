"""{% load dashboard %}: small presentation helpers of the public dashboard."""
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from legislation.models import ExpectedLaw
from measures.models import Measure
from motions.models import Commitment, Motion
from motions.tweedekamer import OFFICIAL_TEXT_URL
from programme.models import Goal, StakeholderGroup

register = template.Library()

# The open-data API serves every list as CSV with the same filter parameters as the pages.
API_ROOT = "/api/v1/"


# Each public page's address, by model: the URL name and the field that identifies it.
_PUBLIC_PAGES = {
    Measure: ("measures:measure_detail", "code"),
    Motion: ("motions:motion_detail", "kamerstuk"),
    Commitment: ("motions:commitment_detail", "slug"),
    ExpectedLaw: ("legislation:law_detail", "slug"),
    Goal: ("measures:goal_detail", "number"),
    StakeholderGroup: ("measures:stakeholder_detail", "slug"),
}


@lru_cache(maxsize=4096)
def _address(script_prefix: str, url_name: str, field: str, value) -> str:
    # reverse() takes tens of microseconds and a list page links every row; an address
    # depends only on these arguments (the script prefix is one of reverse's inputs).
    return reverse(url_name, kwargs={field: value})


def public_url(obj) -> str:
    """The public page of a Measure, Motion, Commitment, ExpectedLaw, Goal or group."""
    try:
        url_name, field = _PUBLIC_PAGES[type(obj)]
    except KeyError:
        raise TypeError(f"No public page for {type(obj).__name__}") from None
    return _address(get_script_prefix(), url_name, field, getattr(obj, field))


register.filter("public_url", public_url)


@register.filter
def motion_text_url(motion: Motion) -> str:
    """Where the motion's text is published: the address the Tweede Kamer's open data
    gave, else the one that follows from its number. Kamerstukken are published on
    officielebekendmakingen.nl as kst-<dossier>-<ondernummer>: an address derived from the
    number alone that never moves. The Tweede Kamer's own pages use internal document ids
    (?id=2023Z…&did=2023D…) that cannot be derived from the number."""
    return motion.official_url or OFFICIAL_TEXT_URL.format(kamerstuk=motion.kamerstuk)


@register.simple_tag
def status_badge(record) -> str:
    """The status of a measure, motion or commitment (or a record of one) as text in a
    coloured label; the colour is never the only signal. A tag, not an include: lists
    show one per row, and an include costs several times as much."""
    if isinstance(record, Measure) and record.parent_id and record.status == "onbekend":
        # A sub-measure without a status of its own (8a, 16b) is part of its measure.
        parent = record.parent
        return format_html(
            '<span class="status status--{} status--part">{}</span>', parent.status,
            _("Onderdeel van maatregel %(code)s: %(status)s")
            % {"code": parent.code, "status": parent.get_status_display().lower()},
        )
    return format_html('<span class="status status--{}">{}</span>', record.status, record.get_status_display())


@register.simple_tag
def csv_url(resource: str, filters: dict | None = None) -> str:
    """The CSV download of an API list, carrying the filters the page shows."""
    return f"{API_ROOT}{resource}?{urlencode({'format': 'csv', **(filters or {})})}"


@register.filter
def subject_label(obj) -> str:
    """How a change's subject is named in lists and feeds."""
    if isinstance(obj, Measure):
        return f"{obj.label}: {obj.title}"
    if isinstance(obj, Motion):
        return f"Motie {obj.kamerstuk}: {obj.title}"
    return obj.title


_LINKED = '<td class="matrix__cell"><span aria-hidden="true">✓</span><span class="visually-hidden">ja</span></td>'
_NOT_LINKED = '<td class="matrix__cell"><span class="visually-hidden">nee</span></td>'


@register.simple_tag
def matrix_cells(cells: list[bool]) -> str:
    """A row's cells of the goal–measure matrix: a tick (read out as "ja") or "nee".
    Seven cells a row, fixed HTML: written here rather than by a template loop."""
    return mark_safe("".join(_LINKED if linked else _NOT_LINKED for linked in cells))
