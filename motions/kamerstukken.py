"""Kamerstuk numbers: "31497-373" is dossier 31497, document number 373.

Sources write the same number in several ways ("31 497, nr. 373", "31497-373.",
"Kamerstukken II 2022/23, 31497, nr. 373", "36410-021"); we store one normalised form,
which is also the motion's URL: ``/moties/31497-373/``. Some dossiers carry a
"toevoeging" (e.g. 36200-VIII for a budget chapter), kept as a suffix.
"""
import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_PATTERNS = [
    # "31497-373", "36200-VIII-93", "31497-373.", "kst-31497-373"
    re.compile(r"^(?:kst-)?(?P<dossier>\d{5})(?:-(?P<suffix>[A-Za-z]{1,6}|[IVXLC]+))?-(?P<number>\d{1,4})\.?$"),
    # "31 497, nr. 373", "Kamerstukken II 2022/23, 31497, nr. 373", "36 200 VIII, nr. 93"
    re.compile(
        r"^(?:Kamerstukken?\s+(?:II|I)\s+\d{4}/\d{2,4},\s*)?"
        r"(?P<dossier>\d{2}\s?\d{3})(?:\s+(?P<suffix>[A-Za-z]{1,6}|[IVXLC]+))?,?\s+nr\.?\s*(?P<number>\d{1,4})\.?$",
        re.IGNORECASE,
    ),
]


class KamerstukNumber(NamedTuple):
    dossier: str
    suffix: str
    number: int

    def __str__(self) -> str:
        parts = [self.dossier, self.suffix, str(self.number)]
        return "-".join(part for part in parts if part)


def parse_kamerstuk_number(value: str) -> KamerstukNumber:
    """Normalise any written form of a Kamerstuk number, or raise ValidationError."""
    text = " ".join(str(value).split())
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            number = int(match.group("number"))
            if number == 0:
                break
            return KamerstukNumber(
                dossier=match.group("dossier").replace(" ", ""),
                suffix=(match.group("suffix") or "").upper(),
                number=number,
            )
    raise ValidationError(
        _("“%(value)s” is geen geldig Kamerstuknummer; verwacht bijvoorbeeld 31497-373 of "
          "“31 497, nr. 373”."),
        code="invalid_kamerstuk_number",
        params={"value": value},
    )
