"""Create the editorial roles: Redaktör (writes and publishes) and Personal (comments).

The permissions are created here first (Django normally creates them after
all migrations, in post_migrate), so the groups are complete on a fresh
database. The lists are frozen here on purpose: a later change of a role is
a new migration, so every database gets the same roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Redaktör"
STAFF = "Personal"


def crud(app_label, model, actions=("add", "change", "view")):
    """``app_label.action_model`` for each action."""
    return [f"{app_label}.{action}_{model}" for action in actions]


EDITOR_PERMISSIONS = [
    *crud("news", "article"),
    # The article's links are edited (and removed) inline on the article's page.
    *crud("news", "articlelink", ("add", "change", "delete", "view")),
    *crud("events", "event"),
    *crud("events", "programmeitem", ("add", "change", "delete", "view")),
    *crud("events", "venue"),
    *crud("events", "organisation"),
    *crud("kkn_portal", "contact"),
    *crud("flatpages", "flatpage"),
    *crud("previews", "previewlink"),
    # Handle comments: read them and set their status; no delete, no export.
    *crud("feedback", "comment", ("view", "change")),
]
STAFF_PERMISSIONS = ["feedback.view_comment", "feedback.export_comment"]


def create_roles(apps, schema_editor):
    """Create both groups with exactly their permissions."""
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module, and create_permissions
        # skips such apps unless told otherwise (restored right after).
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ((EDITOR, EDITOR_PERMISSIONS), (STAFF, STAFF_PERMISSIONS)):
        permissions = []
        for dotted in wanted:
            app_label, codename = dotted.split(".")
            # get() fails loudly if a model was renamed: better than a silent gap.
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, STAFF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kkn_portal", "0004_consent_record"),
        ("news", "0003_last_modified_by"),
        ("events", "0003_last_modified_by"),
        ("feedback", "0001_initial"),
        ("flatpages", "0001_initial"),
        ("previews", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
