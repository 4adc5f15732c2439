"""Admin-log records for actions taken outside an admin page (management commands)."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError


def staff_user(username):
    """The active staff user named ``username``, or a CommandError."""
    try:
        return get_user_model().objects.get(username=username, is_staff=True, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No active staff user named {username!r}.") from None


def log_admin_action(user, model, object_repr, message):
    """One admin-log entry by ``user`` about ``model`` as a whole (no single object)."""
    return LogEntry.objects.create(
        user_id=user.pk,
        content_type_id=ContentType.objects.get_for_model(model).pk,
        object_id=None,
        object_repr=str(object_repr)[:200],
        action_flag=CHANGE,
        change_message=str(message),
    )
