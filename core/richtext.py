"""The small rich-text format of narrative fields, and its safe rendering to HTML.

Staff type plain text in a textarea; the report needs no more than this:

* paragraphs, separated by a blank line;
* bulleted lists: lines starting with "- ";
* **bold**;
* links: [text](https://…) (only http, https and mailto addresses).

Text is stored as typed. Rendering escapes everything first and only then builds the
few allowed elements, and nh3 cleans the result once more with an allow-list, so no
script, style or event handler can get through, whatever was stored.
"""
import re

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "ul", "li", "strong", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_BOLD = re.compile(r"\*\*(.+?)\*\*")
# The text is already escaped here, so the address cannot contain quotes or brackets.
_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|mailto:)[^\s)]+)\)")
_BULLET = re.compile(r"^\s*[-•–—]\s+")


def _inline(text: str) -> str:
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _LINK.sub(r'<a href="\2">\1</a>', text)


def _block(lines: list[str]) -> str:
    """One blank-line separated block: consecutive text lines form one paragraph,
    consecutive "- " lines one list."""
    html: list[str] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            html.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if bullets:
            html.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in bullets) + "</ul>")
            bullets.clear()

    for line in lines:
        if _BULLET.match(line):
            if paragraph:
                flush()
            bullets.append(_BULLET.sub("", line))
        else:
            if bullets:
                flush()
            paragraph.append(line)
    flush()
    return "".join(html)


def render_rich_text(text: str | None) -> SafeString:
    """Render stored narrative text to sanitised HTML."""
    if not text:
        return mark_safe("")
    escaped = escape(str(text).replace("\r\n", "\n"))
    blocks = [block.split("\n") for block in re.split(r"\n\s*\n", escaped.strip())]
    html = "".join(
        _block([line.strip() for line in block if line.strip()]) for block in blocks
    )
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)


def render_rich_inline(text: str | None) -> SafeString:
    """Render one list item or table cell: bold and links, no paragraphs."""
    if not text:
        return mark_safe("")
    html = _inline(escape(" ".join(str(text).split())))
    return mark_safe(
        nh3.clean(html, tags={"strong", "a"}, attributes=ALLOWED_ATTRIBUTES,
                  url_schemes=ALLOWED_URL_SCHEMES, link_rel="noopener noreferrer")
    )
