"""A complete, restorable backup of the programme as one JSON file.

Everything the app knows is in it: the programme content, its domain history, drafts,
the audit trail, report editions and generations with their PDFs (the files of every
file field, base64), and the staff accounts with their password hashes (roles by name,
so that a fresh database with its own role groups accepts them). API tokens are not in
it: they are secrets of the systems that use them, made again after a restore.
Restoring into an empty database and exporting again gives the identical file.
"""
from __future__ import annotations

import base64
import binascii
import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.core.serializers import sort_dependencies
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DataError, IntegrityError, connection, models, transaction

from core.content_version import content_changed

APP_LABELS = ["programme", "workspace", "reports", "measures", "motions", "legislation"]
# 2: the programme core (programme, goals, stakeholders, sources, editions) has its own app.
FORMAT_VERSION = 2


class BackupError(Exception):
    pass


def _models() -> list[type[models.Model]]:
    app_list = [(apps.get_app_config("auth"), [get_user_model()])]
    app_list += [(apps.get_app_config(label), None) for label in APP_LABELS]
    return sort_dependencies(app_list, allow_cycles=True)


def _ordered(model: type[models.Model]):
    # Meta ordering puts parents first (measure 8 before 8a, predecessors first);
    # the primary key makes the order, and so the file, deterministic.
    ordering = [field for field in (model._meta.ordering or []) if isinstance(field, str)]
    return model._default_manager.order_by(*ordering, "pk")


class _FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; a backup keeps every digit, so
    that restoring and exporting again gives the same file."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


def programme_export() -> str:
    objects = []
    for model in _models():
        objects.extend(_ordered(model))
    data = json.loads(serializers.serialize(
        "json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=False, cls=_FullPrecisionEncoder))
    return json.dumps(
        {"format": "passend-backup", "version": FORMAT_VERSION, "objects": data, "files": _files_export(objects)},
        ensure_ascii=False, indent=1, sort_keys=True,
    )


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [field for field in model._meta.fields if isinstance(field, models.FileField)]


def _files_export(objects: list[models.Model]) -> list[dict]:
    """The stored files the records point at (the PDFs of report generations). A file
    already missing is left out; the site answers 404 for it, as before the backup."""
    files = []
    for record in objects:
        for field in _file_fields(type(record)):
            stored = getattr(record, field.name)
            if stored.name and stored.storage.exists(stored.name):
                with stored.storage.open(stored.name, "rb") as handle:
                    content = base64.b64encode(handle.read()).decode("ascii")
                files.append({"field": f"{record._meta.label_lower}.{field.name}", "name": stored.name,
                              "content": content})
    return files


def _files_read(payload: dict) -> list[tuple[models.FileField, str, bytes]]:
    """The backup's files, checked before anything is restored."""
    files = []
    for entry in payload.get("files", []):
        try:
            label, field_name = entry["field"].rsplit(".", 1)
            field = apps.get_model(label)._meta.get_field(field_name)
            content = base64.b64decode(entry["content"], validate=True)
        except (KeyError, ValueError, LookupError, TypeError, AttributeError, binascii.Error):
            raise BackupError(f"Een bestand in de back-up is niet te lezen: {str(entry)[:100]}") from None
        if not isinstance(field, models.FileField):
            raise BackupError(f"{entry['field']} is geen bestandsveld.")
        files.append((field, entry["name"], content))
    return files


def _files_restore(files: list[tuple[models.FileField, str, bytes]]) -> None:
    """Write each file under its own name, only where a restored record points at it."""
    for field, name, content in files:
        if not field.model._default_manager.filter(**{field.name: name}).exists():
            raise BackupError(f"Het bestand {name} hoort bij geen enkel record in de back-up.")
        if field.storage.exists(name):
            field.storage.delete(name)
        field.storage.save(name, ContentFile(content))


def programme_import(*, text: str) -> int:
    """Restore a backup into an empty database; returns the number of objects."""
    try:
        payload = json.loads(text)
    except ValueError as error:
        raise BackupError(f"Het bestand is geen geldige JSON: {error}") from None
    if not isinstance(payload, dict) or payload.get("format") != "passend-backup":
        raise BackupError("Dit is geen back-up van Passend.")
    if payload.get("version") != FORMAT_VERSION:
        raise BackupError(f"Onbekende versie van het back-upformaat: {payload.get('version')}.")
    occupied = [model._meta.label for model in _models() if model._default_manager.exists()]
    if occupied:
        raise BackupError(
            "De database is niet leeg (" + ", ".join(occupied[:5]) + "); herstel alleen in een lege database."
        )
    files = _files_read(payload)
    count = 0
    with transaction.atomic():
        deferred = []
        try:
            items = serializers.deserialize("json", json.dumps(payload["objects"]), handle_forward_references=True)
            for item in items:
                _save(item)
                if item.deferred_fields:
                    deferred.append(item)
                count += 1
            # References by natural key to records later in the file, now that they
            # exist; one to a record that is nowhere (a role this database does not
            # know) is named like any other unreadable value.
            for item in deferred:
                item.save_deferred_fields()
        except DeserializationError as error:
            raise BackupError(f"De back-up bevat gegevens die niet te lezen zijn: {error}") from None
        _check_references()
        # Rows came with their ids: move each sequence past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), _models()):
                cursor.execute(statement)
        # Inside the transaction: a file that cannot be written restores nothing.
        _files_restore(files)
        # What derives from the content (the search index, cached pages) follows it.
        content_changed()
    return count


def _save(item) -> None:
    """Save one restored record; a value the database refuses names the record."""
    record = item.object
    try:
        with transaction.atomic():
            item.save()
    except (DataError, IntegrityError) as error:
        raise BackupError(
            f"{record._meta.verbose_name} {record.pk} ({record._meta.label}) kan niet worden hersteld: "
            f"{str(error).strip().splitlines()[0]}"
        ) from None


def _check_references() -> None:
    """PostgreSQL checks foreign keys at commit; check them now, to name the reference
    that points nowhere instead of failing with a traceback."""
    if connection.vendor != "postgresql":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    except IntegrityError as error:
        detail = str(error).strip().splitlines()
        raise BackupError(
            "De back-up verwijst naar een record dat er niet in staat: " + " ".join(line.strip() for line in detail)
        ) from None
