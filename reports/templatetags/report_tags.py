"""{% load report_tags %}: presentation helpers for the report templates."""
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def with_footnote(html: SafeString, text: str) -> SafeString:
    """Attach a print footnote to the end of the last paragraph of rendered text.

    WeasyPrint places the call where the element stands, so the note has to sit inside
    the paragraph it belongs to, not after it.
    """
    if not text:
        return html
    note = f'<span class="footnote">{escape(text)}</span>'
    head, separator, tail = str(html).rpartition("</p>")
    if not separator:
        return mark_safe(f"{html}<p>{note}</p>")
    return mark_safe(f"{head}{note}</p>{tail}")
