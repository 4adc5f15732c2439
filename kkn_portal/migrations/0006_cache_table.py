"""Create the database cache table as part of migrate.

The default shared cache (without REDIS_URL) is Django's database cache; the
page cache's content version and the rate limits read it on every request,
so a deployment that ran ``migrate`` but forgot ``createcachetable`` would
answer 503 everywhere. Creating it here makes ``migrate`` sufficient.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("kkn_portal", "0005_editorial_groups")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
