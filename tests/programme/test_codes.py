import pytest
from django.core.exceptions import ValidationError

from programme.codes import MeasureCode, parse_measure_code


@pytest.mark.parametrize(
    "written, expected",
    [
        ("8", MeasureCode(8, "")),
        ("8a", MeasureCode(8, "a")),
        ("16B", MeasureCode(16, "b")),
        ("M13", MeasureCode(13, "")),
        ("maatregel 8d", MeasureCode(8, "d")),
        (" 25 ", MeasureCode(25, "")),
    ],
)
def test_parse_measure_code_accepts_written_forms(written, expected):
    assert parse_measure_code(written) == expected


@pytest.mark.parametrize("written", ["", "a8", "8ab", "0", "8-a", "acht"])
def test_parse_measure_code_rejects_malformed_codes_with_a_clear_message(written):
    with pytest.raises(ValidationError) as raised:
        parse_measure_code(written)
    assert "geen geldige maatregelcode" in raised.value.messages[0]


def test_sub_measure_knows_its_parent_code():
    assert parse_measure_code("16b").parent == MeasureCode(16, "")
    assert parse_measure_code("16").parent is None
