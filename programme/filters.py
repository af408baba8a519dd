"""Filter parts every domain app's API uses."""
from django import forms
from django.core.exceptions import ValidationError
from django_filters import filters
from drf_spectacular.utils import extend_schema_field

from .codes import parse_measure_code


class MeasureCodeField(forms.CharField):
    """A measure code in any written form ("8A", "M8a"), cleaned to its normal form ("8a")."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return str(parse_measure_code(value))
        except ValidationError as error:
            # Message and parameters apart: whoever shows the error formats it once, so
            # a "%" in the value is shown, never taken as a placeholder.
            raise forms.ValidationError(error.message, code="invalid", params=error.params) from error


@extend_schema_field({"type": "string", "example": "8a"})
class MeasureCodeFilter(filters.CharFilter):
    field_class = MeasureCodeField
