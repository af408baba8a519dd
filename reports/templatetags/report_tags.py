"""{% load report_tags %}: presentation helpers for the report templates."""
import re

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


# The source's own cross reference to its status table ("is te vinden op pagina 8 en 9"):
# copied page numbers would be wrong in any other layout.
_PAGE_REFERENCE = re.compile(r"op pagina \d+(?: en \d+)?")


@register.filter
def page_reference(html: SafeString, target: str) -> SafeString:
    """Point the text's "op pagina N" at ``target``: in print the number is the page the
    layout puts it on (target-counter in report.css), on the web it is a link."""
    link = f'op pagina <a class="page-ref" href="#{escape(target)}"></a>'
    return mark_safe(_PAGE_REFERENCE.sub(link, str(html)))


@register.filter
def section_reference(html: SafeString, target: str) -> SafeString:
    """The web version has no pages: "op pagina N" becomes a link to the section."""
    link = f'in het hoofdstuk <a href="#{escape(target)}">Maatregelen</a>'
    return mark_safe(_PAGE_REFERENCE.sub(link, str(html)))


def _link_note(link: dict) -> str:
    title, url = escape(link["title"]), escape(link["url"])
    address = "" if link["title"] == link["url"] else f'<br><span class="url">{url}</span>'
    return f'<span class="footnote"><a href="{url}">{title}</a>{address}</span>'


def _place_after(html: SafeString, notes: list[tuple[str, str]]) -> SafeString:
    """Insert each (words, footnote HTML) right after its words, looked for in order; a
    note whose words are not found is left out."""
    text, position = str(html), 0
    for words, note in notes:
        found = text.find(escape(words), position) if words else -1
        if found < 0:
            continue
        end = found + len(escape(words))
        text = text[:end] + note + text[end:]
        position = end + len(note)
    return mark_safe(text)


@register.filter
def link_footnotes(html: SafeString, links: list[dict]) -> SafeString:
    """Cite each link that names the words it follows (``after``) in a footnote there, as
    the source does ("… gepresenteerd.¹"). The words are looked for in order; a link
    whose words are not found stays in the list of links below the text."""
    return _place_after(html, [(link.get("after") or "", _link_note(link)) for link in links])


@register.filter
def links_without_footnote(links: list[dict], html: SafeString) -> list[dict]:
    """The links that ``link_footnotes`` could not place in ``html``."""
    text = str(html)
    return [link for link in links if not (link.get("after") and escape(link["after"]) in text)]


@register.filter
def text_footnotes(html: SafeString, notes: list[dict]) -> SafeString:
    """Place footnotes of plain text after the words each follows, as ``link_footnotes``
    does for links."""
    return _place_after(
        html, [(note["after"], f'<span class="footnote">{escape(note["text"])}</span>') for note in notes or []]
    )
