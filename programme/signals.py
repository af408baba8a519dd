"""Signals of the programme core, for apps above it to act on without being imported."""
from django.dispatch import Signal

# Sent by load_programme (content/loader) at the end of its transaction, once every
# fixture file is loaded. Arguments: ``edition_keys`` (the editions the files describe,
# all adopted), ``fixtures_sha256`` (a checksum of the files' content) and
# ``staff_edits_kept`` (whether records edited by staff were left as they are, so the
# database is not purely the files). The reports app freezes those editions' state.
programme_loaded = Signal()
