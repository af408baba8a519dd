"""The Gegevensmagazijn on recordings (tests/motions/odata/, see its README): no network."""
import copy
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import requests

from motions.tweedekamer import TweedeKamerClient

RECORDINGS = Path(__file__).parent / "odata"
BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
# The query as the service must receive it, written out here rather than taken from the code.
EXPECTED_EXPAND = "Kamerstukdossier,Zaak($expand=Besluit($expand=Agendapunt($expand=Activiteit)),ZaakActor)"


def _recording(name: str) -> dict:
    return copy.deepcopy(json.loads((RECORDINGS / name).read_text()))


@pytest.fixture
def odata_recording():
    """A recorded answer as data, for a test that changes one field of it."""
    return _recording


class RecordedGegevensmagazijn(requests.adapters.BaseAdapter):
    """Answers Document queries from the recordings, by the dossier and number in ``$filter``.

    An answer is a file name, a payload (dict), an HTTP status code, or an exception to raise.
    """

    def __init__(self, answers: dict):
        super().__init__()
        self.answers = answers
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):
        self.requests.append(request)
        url = urlparse(request.url)
        assert url.path == "/OData/v4/2.0/Document"
        query = parse_qs(url.query)
        odata_filter = query["$filter"][0]
        assert odata_filter.startswith("(Soort eq 'Motie' or Soort eq 'Motie (gewijzigd/nader)') and ")
        assert query["$expand"][0] == EXPECTED_EXPAND
        dossier = int(re.search(r"d/Nummer eq (\d+)", odata_filter).group(1))
        number = int(re.search(r"Volgnummer eq (\d+)", odata_filter).group(1))
        answer = self.answers[(dossier, number)]
        if isinstance(answer, Exception):
            raise answer
        response = requests.Response()
        response.request, response.url = request, request.url
        if isinstance(answer, int):
            response.status_code, response._content = answer, b"Service Unavailable"
            return response
        response.status_code = 200
        if isinstance(answer, dict):
            response._content = json.dumps(answer).encode()
        else:
            response._content = (RECORDINGS / answer).read_bytes()
        response.headers["Content-Type"] = "application/json;odata.metadata=minimal"
        return response

    def close(self):
        pass


@pytest.fixture
def gegevensmagazijn():
    """Makes a client on recordings: ``client, adapter = gegevensmagazijn({(31497, 373): "file.json"})``."""

    def make(answers: dict) -> tuple[TweedeKamerClient, RecordedGegevensmagazijn]:
        adapter = RecordedGegevensmagazijn(answers)
        session = requests.Session()
        session.mount("https://", adapter)
        return TweedeKamerClient(base_url=BASE_URL, session=session, timeout=2), adapter

    return make
