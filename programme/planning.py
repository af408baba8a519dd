"""Turn planning as written ("Q1/Q2 2025", "1 januari 2026", "nog nader te bepalen")
into a date range, so that milestones can be sorted, compared and marked overdue.

The text stays the authority; the range is derived from it and empty when the text
gives no date.
"""
import calendar
import datetime
import re

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH_NAMES = "|".join(MONTHS)

DateRange = tuple[datetime.date, datetime.date]


def _month_range(year: int, first: int, last: int) -> DateRange:
    return (
        datetime.date(year, first, 1),
        datetime.date(year, last, calendar.monthrange(year, last)[1]),
    )


def parse_planning(text: str | None) -> DateRange | None:
    """Return (first day, last day) of the period ``text`` names, or None."""
    if not text:
        return None
    value = " ".join(text.lower().replace("–", "-").split())
    # Slides abbreviate years: "augustus ’24".
    value = re.sub(r"[’'‘](\d{2})\b", r"20\1", value)

    # "01-08-2024"
    match = re.search(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b", value)
    if match:
        day = datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return day, day

    # "1 januari 2026", "per 1 augustus 2025"
    match = re.search(rf"\b(\d{{1,2}}) ({_MONTH_NAMES}) (\d{{4}})\b", value)
    if match:
        day = datetime.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
        return day, day

    # "Q1/Q2 2025", "Q2-Q3 2025", "Q1 2026", "eind Q4 2025"
    match = re.search(r"\bq([1-4])(?:\s*[/-]\s*q([1-4]))?\s+(\d{4})\b", value)
    if match:
        first = int(match.group(1))
        last = int(match.group(2) or first)
        return _month_range(int(match.group(3)), 3 * first - 2, 3 * max(first, last))

    # "augustus 2024", "voorjaar 2025", "najaar 2025", "zomer 2024"
    match = re.search(rf"\b({_MONTH_NAMES}) (\d{{4}})\b", value)
    if match:
        month = MONTHS[match.group(1)]
        return _month_range(int(match.group(2)), month, month)
    seasons = {"voorjaar": (3, 5), "zomer": (6, 8), "najaar": (9, 11)}
    match = re.search(r"\b(voorjaar|zomer|najaar) (?:van )?(\d{4})\b", value)
    if match:
        first, last = seasons[match.group(1)]
        return _month_range(int(match.group(2)), first, last)

    # A bare year: "2026", "schooljaar" is not parsed (it spans two years).
    match = re.fullmatch(r"(?:in |medio |eind )?(\d{4})", value)
    if match:
        return _month_range(int(match.group(1)), 1, 12)
    return None


# Phrases in running text that name a period parse_planning understands, most specific first.
_PHRASES = [
    rf"\b\d{{1,2}} (?:{_MONTH_NAMES}) \d{{4}}\b",
    r"\bq[1-4](?:\s*[/-]\s*q[1-4])? \d{4}\b",
    rf"\b(?:(?:eind|begin|medio) )?(?:{_MONTH_NAMES}) \d{{4}}\b",
    r"\b(?:voor (?:de|het) )?(?:voorjaar|zomer|najaar) (?:van )?\d{4}\b",
]


def planning_in_text(text: str | None) -> tuple[str, DateRange] | None:
    """The first period a sentence names ("voor de zomer van 2025"), as (its wording, its
    range), or None: a next step's target, kept in its own words."""
    if not text:
        return None
    lowered = text.lower()
    for pattern in _PHRASES:
        match = re.search(pattern, lowered)
        if match:
            wording = text[match.start():match.end()]
            period = parse_planning(wording)
            if period is not None:
                return wording, period
    return None
