"""{% load staff_forms %}: small helpers for the workspace's form templates."""
from django import template
from django.utils.formats import number_format

from workspace.forms import field_id

register = template.Library()


@register.filter
def error_for(errors: dict, key: str) -> str:
    """The message of one field in the form's errors ("" when it has none)."""
    return errors.get(str(key), "") if errors else ""


@register.filter
def count_nl(number: int, forms: str) -> str:
    """"1 concept", "2 concepten", "10.000 tekens": a number with Dutch thousands
    separators and the singular or plural form ("concept,concepten")."""
    singular, plural = forms.split(",")
    return f"{number_format(number, force_grouping=True)} {singular if number == 1 else plural}"


@register.filter
def lookup(mapping: dict, key: str) -> str:
    """A label from a mapping of labels ({{ sub_labels|lookup:"date" }})."""
    return mapping.get(str(key), key) if mapping else key


register.filter("field_id", field_id)
