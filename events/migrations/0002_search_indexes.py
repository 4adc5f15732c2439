"""GIN indexes for the site search, on PostgreSQL only.

The expressions are the weighted Swedish search vectors that
``kkn_portal.search.backends.search_vector`` builds; PostgreSQL uses an
expression index only when the query repeats the expression exactly, so
they are built with the same Django expressions. The news index lives here
too (not in news/) because the search, which needs it, is owned by this
side; it depends on news' first migration.
SQLite has no GIN indexes and searches with LIKE, so nothing happens there.
"""

from django.db import migrations

INDEXES = [
    ("events", "Event", "description", "events_event_search"),
    ("news", "Article", "body", "news_article_search"),
]


def search_index(body_field, name):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    vector = (
        SearchVector("title", weight="A", config="swedish")
        + SearchVector("lead", weight="B", config="swedish")
        + SearchVector(body_field, weight="C", config="swedish")
    )
    return GinIndex(vector, name=name)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, body_field, name in INDEXES:
        model = apps.get_model(app_label, model_name)
        schema_editor.add_index(model, search_index(body_field, name))


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name, body_field, name in INDEXES:
        model = apps.get_model(app_label, model_name)
        schema_editor.remove_index(model, search_index(body_field, name))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
