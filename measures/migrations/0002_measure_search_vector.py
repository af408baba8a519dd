"""A stored Dutch full-text document per measure, kept current by PostgreSQL triggers.

The document covers the measure's title, chapter title, introduction and summary and the
text of all its items (dilemmas, steps, links, …). Triggers rather than application code
keep it current, so that no way of writing a measure or an item (services, the fixture
loader, a backup restore, the admin) can leave a stale document behind:

* before a measure's texts are inserted or updated, its document is computed anew;
* after an item is inserted, updated or deleted, its measure is touched (``SET title =
  title``), which runs the first trigger.

SQLite, used only for the zero-configuration first run, gets the column but no triggers:
its search is a substring match (measures/selectors.py).
"""
from django.db import migrations

CREATE = """
CREATE FUNCTION measures_measure_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := to_tsvector('dutch', concat_ws(' ', NEW.title, NEW.chapter_title, NEW.introduction, NEW.summary))
        || to_tsvector('dutch', coalesce((SELECT string_agg(item.text, ' ' ORDER BY item.position)
                                          FROM measures_measureitem AS item WHERE item.measure_id = NEW.id), ''));
    RETURN NEW;
END $$;

CREATE TRIGGER measures_measure_search_document
    BEFORE INSERT OR UPDATE OF title, chapter_title, introduction, summary ON measures_measure
    FOR EACH ROW EXECUTE FUNCTION measures_measure_search_document();

CREATE FUNCTION measures_measureitem_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        UPDATE measures_measure SET title = title WHERE id = NEW.measure_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.measure_id <> NEW.measure_id) THEN
        UPDATE measures_measure SET title = title WHERE id = OLD.measure_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER measures_measureitem_search_document
    AFTER INSERT OR UPDATE OF text, measure_id OR DELETE ON measures_measureitem
    FOR EACH ROW EXECUTE FUNCTION measures_measureitem_search_document();

CREATE INDEX measures_measure_search_vector ON measures_measure USING gin (search_vector);

UPDATE measures_measure SET title = title;
"""

DROP = """
DROP INDEX measures_measure_search_vector;
DROP TRIGGER measures_measureitem_search_document ON measures_measureitem;
DROP FUNCTION measures_measureitem_search_document();
DROP TRIGGER measures_measure_search_document ON measures_measure;
DROP FUNCTION measures_measure_search_document();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]
