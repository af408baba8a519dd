"""OptionListSelect writes the same <select> as Django's own Select widget."""
import pytest
from django import forms
from django.test.html import parse_html

from core.widgets import OptionListSelect

CHOICES = [("", "Alle maatregelen"), ("8", "8. Digitale school"), ("8a", "8a. <Verzuim> & “thuiszitters”")]


def form_class(widget):
    class FilterForm(forms.Form):
        maatregel = forms.ChoiceField(label="Maatregel", choices=CHOICES, required=False, widget=widget)

    return FilterForm


@pytest.mark.parametrize("data", [{}, {"maatregel": "8a"}, {"maatregel": "bestaat-niet"}, {"maatregel": ""}])
def test_renders_what_django_renders(data):
    ours = form_class(OptionListSelect)(data)
    django = form_class(forms.Select)(data)
    ours.is_valid(), django.is_valid()
    assert parse_html(str(ours["maatregel"])) == parse_html(str(django["maatregel"]))


def test_escapes_labels_and_marks_the_choice():
    html = str(form_class(OptionListSelect)({"maatregel": "8a"})["maatregel"])
    assert '<option value="8a" selected>8a. &lt;Verzuim&gt; &amp; “thuiszitters”</option>' in html
    assert html.count("selected") == 1
