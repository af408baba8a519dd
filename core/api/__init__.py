"""The toolkit of the open-data API (/api/v1/): one module per concern, no domain.

Every public endpoint is built from ``core.api.views.PublicApiMixin``, which follows the Dutch
government's REST API Design Rules (NLGov):

* an ``API-Version`` header on every response;
* errors as ``application/problem+json`` (RFC 9457), with ``invalidParams`` for bad
  query parameters;
* read-only for everyone: unsafe methods get 401 for anonymous clients and 403 (no
  right to edit) or 405 (no such operation here) for signed-in staff;
* conditional GET: an ``ETag`` and ``Last-Modified`` derived from the content version
  (core.content_version), so a client's ``If-None-Match`` is answered with 304 without
  touching the database, and rendered responses are cached under the same version;
* anonymous throttling; pagination and sorting (``sorteer``) with Dutch names; every list
  also as CSV at an address of its own (``csv_download_urls``);
* an OpenAPI document the NLGov linter passes (schema.py, tests/api/test_adr_lint.py), an
  index at /api/v1 and a DCAT-AP-NL description of the dataset (dataset.py).

CORS (every origin may read, nobody writes cross-origin) is set in passend/settings/base.py.
"""
