"""Version history with a diff and "Återställ", on django-reversion.

:class:`HistoryAdmin` is reversion's ``VersionAdmin`` (every save through
the admin becomes a version: who, when, what) with our templates: the
history lists each version with the fields it changed, and a version's page
shows what restoring it would change, word by word, above the form, with one
button, "Återställ". The publication actions save their rows inside a
revision too (:func:`saved_as_version`).
"""

import datetime
import difflib
from contextlib import contextmanager

import reversion
from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from kkn_portal.dates import clock, long_date

# Bookkeeping that changes on every save and says nothing to an editor.
HIDDEN_FIELDS = frozenset({"updated_at", "created_at", "last_modified_by", "sequence", "id"})


@contextmanager
def saved_as_version(user, comment):
    """Everything saved inside becomes one revision by ``user`` with ``comment``."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        yield


def _text(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return strip_tags(str(value if value is not None else ""))


def word_diff(old, new):
    """``old`` against ``new`` as escaped HTML: removed words in ``<del>``, added in ``<ins>``."""
    before, after = _text(old).split(), _text(new).split()
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(before[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(after[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word escaped above


def long_moment(value):
    """ "3 december 2026 kl. 08.00", always with the year (versions span years)."""
    local = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": long_date(local), "time": clock(local)}


def _shown_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and field.name not in HIDDEN_FIELDS
    ]


def _values(model, data):
    """Comparable values per field name, from a version's ``field_dict`` or an object."""
    values = {}
    for field in _shown_fields(model):
        if isinstance(data, dict):
            value = data.get(field.attname, data.get(field.name))
        else:
            value = field.value_from_object(data)
        if isinstance(field, models.ManyToManyField):
            value = sorted(getattr(item, "pk", item) for item in value or ())
        elif isinstance(value, datetime.datetime):
            # As the form shows it, to the minute: a save through the form drops
            # the seconds an action stored, which is no change to an editor.
            value = long_moment(value)
        values[field.name] = value
    return values


def differences(model, old, new):
    """``[(label, diff HTML)]`` for the fields whose value differs between two states."""
    old_values, new_values = _values(model, old), _values(model, new)
    changes = []
    for field in _shown_fields(model):
        if old_values[field.name] != new_values[field.name]:
            changes.append(
                (field.verbose_name, word_diff(old_values[field.name], new_values[field.name]))
            )
    return changes


class HistoryAdmin(VersionAdmin):
    """Versions with a diff on every page of the history, and restore as one button."""

    object_history_template = "admin/history/object_history.html"
    revision_form_template = "admin/history/revision_form.html"
    # How many versions the history lists, newest first.
    history_length = 50

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        rows = []
        if obj is not None:
            opts = self.model._meta
            versions = list(
                Version.objects.get_for_object(obj).select_related("revision__user")[
                    : self.history_length + 1
                ]
            )
            for index, version in enumerate(versions):
                older = versions[index + 1] if index + 1 < len(versions) else None
                changed = (
                    [
                        label
                        for label, _diff in differences(
                            self.model, older.field_dict, version.field_dict
                        )
                    ]
                    if older is not None
                    else [_("first version")]
                )
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(obj.pk), version.pk),
                )
                rows.append({"url": url, "revision": version.revision, "changed": changed})
        context = {**(extra_context or {}), "history_rows": rows[: self.history_length]}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id, object_id=object_id).first()
        obj = self.get_object(request, object_id)
        changes = differences(self.model, obj, version.field_dict) if version and obj else []
        context = {**(extra_context or {}), "changes": changes, "version": version}
        return super().revision_view(request, object_id, version_id, context)
