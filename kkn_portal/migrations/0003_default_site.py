"""Name the default Site after the portal (used by flatpages and feeds)."""

from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(pk=1, defaults={"domain": "kkn.example.se", "name": "KKN-portalen"})


class Migration(migrations.Migration):
    dependencies = [("kkn_portal", "0002_create_branches"), ("sites", "0002_alter_domain_unique")]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
