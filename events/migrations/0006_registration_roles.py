"""Redaktör handles registrations: reads them (with the needs text), cancels, exports lists.

Organisers are editors; the diet/needs text is for them and nobody else
(RULES, issue "Anmälan"). Frozen here, as the roles migration is.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Redaktör"
PERMISSIONS = ["view_registration", "change_registration", "export_registration"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="events", codename__in=PERMISSIONS)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="events", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_registration"),
        ("kkn_portal", "0005_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
