"""Measure codes: "8" is a measure, "8a" one of its sub-measures.

The report orders them naturally (1, 2, …, 8, 8a, 8b, …, 9, …), which a plain string
sort gets wrong ("10" < "8"), so codes are split into a number and a letter.
"""
import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_CODE_RE = re.compile(r"^\s*(?:[Mm](?:aatregel)?\s*\.?\s*)?(\d{1,3})\s*([a-zA-Z]?)\s*$")


class MeasureCode(NamedTuple):
    number: int
    suffix: str

    def __str__(self) -> str:
        return f"{self.number}{self.suffix}"

    @property
    def parent(self) -> "MeasureCode | None":
        return MeasureCode(self.number, "") if self.suffix else None


def parse_measure_code(value: str) -> MeasureCode:
    """Parse "8a", "M8a", "maatregel 8a" into ``MeasureCode(8, "a")``."""
    match = _CODE_RE.match(str(value))
    if not match or int(match.group(1)) == 0:
        raise ValidationError(
            _("“%(value)s” is geen geldige maatregelcode; verwacht bijvoorbeeld 8 of 8a."),
            code="invalid_measure_code",
            params={"value": value},
        )
    return MeasureCode(int(match.group(1)), match.group(2).lower())


def measure_code_sort_key(code: str) -> tuple[int, str]:
    """Sort codes as the report does: 8, 8a, 8b, 9, 10."""
    return tuple(parse_measure_code(code))
