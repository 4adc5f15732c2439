"""Small factories for the admin tests: staff users in the editorial roles."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from kkn_portal.roles import EDITOR_GROUP, STAFF_GROUP

PASSWORD = "korrekt-häst-batteri-häftstift"


def make_user(username="redaktor", *, group=None, password=PASSWORD, **fields):
    """A staff user with a usable password, optionally in a group by name."""
    fields.setdefault("email", f"{username}@example.se")
    fields.setdefault("is_staff", True)
    user = get_user_model().objects.create_user(username=username, password=password, **fields)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def make_editor(username="redaktor", **fields):
    """A member of the Redaktör group."""
    return make_user(username, group=EDITOR_GROUP, **fields)


def make_staff(username="personal", **fields):
    """A member of the Personal group (read and export comments)."""
    return make_user(username, group=STAFF_GROUP, **fields)


def grant(user, *codenames):
    """Give ``user`` permissions by "app_label.codename"; return the fresh user."""
    for name in codenames:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    # Permissions are cached on the instance: hand back a fresh one.
    return get_user_model().objects.get(pk=user.pk)


def ensure_roles():
    """(Re)create the roles as the data migration does, for tests whose database was flushed."""
    from importlib import import_module

    from django.apps import apps

    import_module("kkn_portal.migrations.0005_editorial_groups").create_roles(apps, None)
