"""Request parsers: JSON that cannot be a document is refused with a 400, not a 500."""
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, but nesting deep enough to exhaust Python's stack (50,000 nested
    arrays, say) is a clear 400 instead of a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("De JSON is te diep genest.") from None
