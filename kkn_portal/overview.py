"""What the admin index shows each member of the editorial team.

Content apps register their sections in ``AppConfig.ready()``
(:func:`register`): a name the index template knows, the permission a user
needs to see it, and a function of ``now`` that builds its context. Each
section costs one query however much content there is (counts are
aggregates, charts one grouped query, lists are sliced); the latest changes
from the admin log are the portal's own.
"""

from urllib.parse import urlencode

from django.contrib.admin.models import LogEntry
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

LATEST_CHANGES = 10

# name -> (permission, build(now) -> dict), in registration order.
_sections = {}


def register(name, permission, build):
    """Show ``build(now)`` as the section ``name`` to users with ``permission``."""
    _sections[name] = (permission, build)


def changelist(model, **filters):
    """The admin list of ``model``, filtered by ``filters`` (field lookups)."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def latest_changes(user):
    """The latest admin-log entries about things ``user`` may look at."""
    entries = LogEntry.objects.select_related("user", "content_type").order_by("-action_time")
    if not user.is_superuser:
        allowed = Q(pk__in=[])
        for permission in user.get_all_permissions():
            app_label, codename = permission.split(".", 1)
            action, _, model_name = codename.partition("_")
            if action in {"view", "change"}:
                allowed |= Q(content_type__app_label=app_label, content_type__model=model_name)
        entries = entries.filter(allowed)
    return list(entries[:LATEST_CHANGES])


def overview(request):
    """The overview's context for the admin index, by the user's permissions."""
    # Whole seconds: the same instant goes into the counts and the links.
    user, now = request.user, timezone.now().replace(microsecond=0)
    context = {
        name: build(now)
        for name, (permission, build) in _sections.items()
        if user.has_perm(permission)
    }
    context["latest_changes"] = latest_changes(user)
    return {"overview": context}
