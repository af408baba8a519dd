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
* anonymous throttling; pagination with Dutch names; every list also as CSV.
"""
