"""The accessibility statement follows the government's model."""
import pytest

pytestmark = pytest.mark.django_db


def test_the_statement_has_the_models_parts(client):
    html = client.get("/toegankelijkheid/").content.decode()
    # The compliance status in the model's words, and its date.
    assert "De status van deze website is: <strong>C – eerste maatregelen genomen</strong>." in html
    assert "Deze verklaring is opgesteld op 6 december 2026." in html
    for heading in ["Nalevingsstatus", "Bekende problemen", "Loopt u tegen een probleem aan?"]:
        assert f"<h2>{heading}</h2>" in html
    assert 'href="https://www.rijksoverheid.nl/contact"' in html
    assert "Nationale ombudsman" in html
