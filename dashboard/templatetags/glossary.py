"""{% load glossary %}: {% glossary_marks %}…{% endglossary_marks %} marks the first use of
each abbreviation in the enclosed HTML (dashboard/glossary.py)."""
from django import template
from django.utils.safestring import mark_safe

from dashboard.glossary import mark_first_uses

register = template.Library()


class GlossaryMarksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> str:
        html = self.nodelist.render(context)
        # The glossary itself explains every abbreviation in full.
        if context.get("section") == "glossary":
            return html
        return mark_safe(mark_first_uses(html))


@register.tag
def glossary_marks(parser, token):
    nodelist = parser.parse(("endglossary_marks",))
    parser.delete_first_token()
    return GlossaryMarksNode(nodelist)
