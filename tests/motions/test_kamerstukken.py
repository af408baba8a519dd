import pytest
from django.core.exceptions import ValidationError

from motions.kamerstukken import KamerstukNumber, parse_kamerstuk_number


@pytest.mark.parametrize(
    "written, normalised",
    [
        ("31497-373", "31497-373"),
        ("31497-373.", "31497-373"),
        ("31 497, nr. 373", "31497-373"),
        ("31497, nr. 373", "31497-373"),
        ("Kamerstukken II 2022/23, 31497, nr. 373", "31497-373"),
        ("36410-021", "36410-21"),
        ("36443-12", "36443-12"),
        ("kst-31497-373", "31497-373"),
        ("36 200 VIII, nr. 93", "36200-VIII-93"),
        ("36200-viii-93", "36200-VIII-93"),
    ],
)
def test_written_forms_normalise_to_one_number(written, normalised):
    assert str(parse_kamerstuk_number(written)) == normalised


def test_parts_are_available():
    assert parse_kamerstuk_number("36410-021") == KamerstukNumber("36410", "", 21)


@pytest.mark.parametrize(
    "written", ["", "31497", "373", "31497-", "3149-373", "31497-0", "motie 31497/373", "abcde-12"]
)
def test_malformed_numbers_give_a_clear_validation_error(written):
    with pytest.raises(ValidationError) as raised:
        parse_kamerstuk_number(written)
    assert "geen geldig Kamerstuknummer" in raised.value.messages[0]
