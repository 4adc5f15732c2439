"""Create the twelve KKN branches (fixed data, so a data migration)."""

from django.db import migrations

BRANCHES = [
    ("arkitektur", "Arkitektur"),
    ("form-och-design", "Form och design"),
    ("film-och-foto", "Film och foto"),
    ("konst", "Konst"),
    ("mode", "Mode"),
    ("litteratur", "Litteratur"),
    ("musik", "Musik"),
    ("scenkonst", "Scenkonst"),
    ("spel-och-media", "Spel och media"),
    ("maltid", "Måltid"),
    ("turism-och-besoksnaring", "Turism och besöksnäring"),
    ("upplevelsebaserat-larande", "Upplevelsebaserat lärande"),
]


def create_branches(apps, schema_editor):
    Branch = apps.get_model("kkn_portal", "Branch")
    for position, (slug, name) in enumerate(BRANCHES):
        Branch.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


def remove_branches(apps, schema_editor):
    Branch = apps.get_model("kkn_portal", "Branch")
    Branch.objects.filter(slug__in=[slug for slug, _ in BRANCHES]).delete()


class Migration(migrations.Migration):
    dependencies = [("kkn_portal", "0001_initial")]

    operations = [migrations.RunPython(create_branches, remove_branches)]
