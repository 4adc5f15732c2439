"""Stored search vectors for the site search, on PostgreSQL only.

``0002_search_indexes`` indexed the weighted Swedish vector as an
expression. An expression index can find the matching rows, but ranking
(``ts_rank``) and the recheck need the vector itself, which a GIN index
cannot return, so PostgreSQL parsed and stemmed every matching document on
every search: about 0.3 ms a row, over half a second for a common word such
as "kultur" in 1 000 articles. A stored generated column computes the same
vector once, when the row is written; the GIN index moves onto that column
(same index names). The column is not a model field: the models stay the
same on SQLite, which has no tsvector and searches with LIKE.

The expression is the one ``0002`` indexed: title (A), lead (B), body or
description (C), Swedish configuration.
"""

from django.db import migrations

COLUMN = "search_document"
TABLES = [
    ("events_event", "description", "events_event_search"),
    ("news_article", "body", "news_article_search"),
]


def vector_sql(body_field):
    return (
        "setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A')"
        " || setweight(to_tsvector('swedish'::regconfig, coalesce(lead, '')), 'B')"
        f" || setweight(to_tsvector('swedish'::regconfig, coalesce({body_field}, '')), 'C')"
    )


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, body_field, index in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector"
            f" GENERATED ALWAYS AS ({vector_sql(body_field)}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({COLUMN})")


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, body_field, index in TABLES:
        # Dropping the column drops its index; put back 0002's expression index.
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {COLUMN}")
        schema_editor.execute(
            f"CREATE INDEX {index} ON {table} USING gin (({vector_sql(body_field)}))"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_last_modified_by"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_columns, drop_columns, elidable=False)]
