"""Presentation of key figures: a number in Dutch notation and a small bar chart (SVG)."""
from decimal import Decimal

from django import template

from measures.models import FigureUnit

register = template.Library()

# The chart's drawing units; the SVG scales to the width of the page.
CHART_WIDTH = 400
BAR_MAX = 250
ROW_HEIGHT = 44


@register.filter
def figure_number(value: Decimal | None) -> str:
    """945.00 → "945", 9.50 → "9,5" (Dutch decimal comma, no trailing zeros)."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


@register.filter
def figure_value(figure) -> str:
    """The figure with its unit, as a reader writes it: "945 leerlingen", "€ 66 miljoen", "15%"."""
    if figure.value is None:
        return figure.wording
    number = figure_number(figure.value)
    if figure.unit == FigureUnit.MILLION_EURO:
        return f"€ {number} miljoen"
    if figure.unit == FigureUnit.PERCENT:
        return f"{number}%"
    return f"{number} {figure.get_unit_display()}"


@register.inclusion_tag("measures/includes/figure_chart.html")
def figure_chart(series, chart_id: str):
    """Horizontal bars, one per figure with a number, scaled to the largest."""
    rows = series.chart_rows
    largest = max(row.figure.value for row in rows) or 1
    bars = []
    for index, row in enumerate(rows):
        length = round(float(row.figure.value / largest) * BAR_MAX, 1)
        top = index * ROW_HEIGHT
        bars.append({
            "label": row.figure.period,
            "value": figure_value(row.figure),
            "label_y": top + 14,
            "bar_y": top + 20,
            "length": max(length, 1),
            "value_x": max(length, 1) + 6,
            "value_y": top + 33,
        })
    return {"series": series, "bars": bars, "chart_id": chart_id, "width": CHART_WIDTH,
            "height": len(bars) * ROW_HEIGHT}
