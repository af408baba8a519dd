"""{% load dashboard %}: small presentation helpers of the public dashboard."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from legislation.models import ExpectedLaw
from measures.models import Goal, Measure, StakeholderGroup
from motions.models import Commitment, Motion

register = template.Library()

# The open-data API serves every list as CSV with the same filter parameters as the pages.
API_ROOT = "/api/v1/"


def public_url(obj) -> str:
    """The public page of a Measure, Motion, Commitment, ExpectedLaw, Goal or group."""
    if isinstance(obj, Measure):
        return reverse("measures:measure_detail", kwargs={"code": obj.code})
    if isinstance(obj, Motion):
        return reverse("motions:motion_detail", kwargs={"kamerstuk": obj.kamerstuk})
    if isinstance(obj, Commitment):
        return reverse("motions:commitment_detail", kwargs={"slug": obj.slug})
    if isinstance(obj, ExpectedLaw):
        return reverse("legislation:law_detail", kwargs={"slug": obj.slug})
    if isinstance(obj, Goal):
        return reverse("measures:goal_detail", kwargs={"number": obj.number})
    if isinstance(obj, StakeholderGroup):
        return reverse("measures:stakeholder_detail", kwargs={"slug": obj.slug})
    raise TypeError(f"No public page for {type(obj).__name__}")


register.filter("public_url", public_url)


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
