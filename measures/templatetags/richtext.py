"""{% load richtext %}: {{ text|rich }} for narrative fields, {{ text|rich_inline }} for
list items and table cells. See measures/richtext.py for the format."""
from django import template

from core.richtext import render_rich_inline, render_rich_text

register = template.Library()

register.filter("rich", render_rich_text)
register.filter("rich_inline", render_rich_inline)
