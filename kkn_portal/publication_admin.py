"""The one way editors publish: "Publicera nu", "Schemalägg …" and "Avpublicera".

:class:`PublicationAdminMixin` gives a ModelAdmin of a
:class:`~kkn_portal.publication.Publishable` model its three actions, a
"Publicering" column (Utkast / Schemalagd <när> / Publicerad) and a filter
over the same three states. Every action saves row by row (signals bump the
content version, events get a new calendar SEQUENCE), writes the admin log
and says exactly what it did, including what it left alone.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, LogEntry
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from kkn_portal.dates import moment
from kkn_portal.history import saved_as_version
from kkn_portal.publication import PublicationStatus


class PublicationFilter(admin.SimpleListFilter):
    """Utkast / Schemalagd / Publicerad, from the queryset's three methods."""

    title = _("publication")
    parameter_name = "publicering"
    states = {"utkast": "drafts", "schemalagd": "scheduled", "publicerad": "published"}

    def lookups(self, request, model_admin):
        return [
            ("utkast", _("Draft")),
            ("schemalagd", _("Scheduled")),
            ("publicerad", _("Published")),
        ]

    def queryset(self, request, queryset):
        # An unknown value (a typo, "%00") filters nothing rather than failing.
        method = self.states.get(self.value())
        return getattr(queryset, method)() if method else queryset


class ScheduleForm(forms.Form):
    """When the selected rows go live: a date and a time, Swedish time, in the future."""

    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self):
        """Combine date and time and refuse an instant that has passed."""
        data = super().clean()
        if self.errors:
            return data
        try:
            when = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
        except (OverflowError, ValueError):
            raise forms.ValidationError(_("Choose a date and time that exist.")) from None
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time that has not passed yet."))
        data["when"] = when
        return data


class PublicationAdminMixin:
    """Actions, column and filter for a ``Publishable`` model (see the module docstring)."""

    publication_actions = ("publish_now", "schedule", "unpublish")

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Publication actions first, in the order editors use them.
        ours = {name: actions.pop(name) for name in self.publication_actions if name in actions}
        return {**ours, **actions}

    @admin.display(description=_("Publication"), ordering="published_at")
    def publication(self, obj):
        """A badge: Utkast, Schemalagd 3 december kl. 08.00, or Publicerad."""
        if obj.is_draft():
            return format_html('<span class="kkn-badge kkn-badge--draft">{}</span>', _("Draft"))
        if obj.is_scheduled():
            label = gettext("Scheduled %(when)s") % {"when": moment(obj.published_at)}
            return format_html('<span class="kkn-badge kkn-badge--scheduled">{}</span>', label)
        return format_html('<span class="kkn-badge kkn-badge--live">{}</span>', _("Published"))

    @admin.action(description=_("Publish now"), permissions=["change"])
    def publish_now(self, request, queryset):
        """Make drafts and scheduled rows live now; a past date is kept, a future one becomes now."""
        now = timezone.now()

        def change(obj):
            obj.status, obj.published_at = PublicationStatus.PUBLISHED, min(obj.published_at, now)

        done = ngettext_lazy(
            "%(count)d %(name)s was published", "%(count)d %(name)s were published", "count"
        )
        skipped = ngettext_lazy(
            "%(count)d %(name)s had already been published",
            "%(count)d %(name)s had already been published",
            "count",
        )
        self._apply(request, queryset, lambda obj: obj.is_live(), change, done, skipped)

    @admin.action(description=_("Schedule …"), permissions=["change"])
    def schedule(self, request, queryset):
        """Ask for a date and time, then schedule drafts and scheduled rows for it."""
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._schedule_page(request, queryset, form)
        when = form.cleaned_data["when"]

        def change(obj):
            obj.status, obj.published_at = PublicationStatus.PUBLISHED, when

        done = ngettext_lazy(
            "%(count)d %(name)s was scheduled for %(when)s",
            "%(count)d %(name)s were scheduled for %(when)s",
            "count",
        )
        skipped = ngettext_lazy(
            "%(count)d %(name)s had already been published and was not changed",
            "%(count)d %(name)s had already been published and were not changed",
            "count",
        )
        self._apply(
            request, queryset, lambda obj: obj.is_live(), change, done, skipped, when=moment(when)
        )
        return None

    @admin.action(description=_("Unpublish"), permissions=["change"])
    def unpublish(self, request, queryset):
        """Turn published and scheduled rows into drafts; their dates are kept."""

        def change(obj):
            obj.status = PublicationStatus.DRAFT

        done = ngettext_lazy(
            "%(count)d %(name)s was unpublished and is now a draft",
            "%(count)d %(name)s were unpublished and are now drafts",
            "count",
        )
        skipped = ngettext_lazy(
            "%(count)d %(name)s was already a draft",
            "%(count)d %(name)s were already drafts",
            "count",
        )
        self._apply(request, queryset, lambda obj: obj.is_draft(), change, done, skipped)

    def _apply(self, request, queryset, leave, change, done, skipped, **values):
        """Change each row that ``leave`` does not exclude, save it, and say what happened.

        The message names what changed (``done``) and then what was left as it
        was (``skipped``), e.g. "3 artiklar publicerades; 1 artikel hade redan
        publicerats." Both are verbs, not adjectives, so one sentence fits
        "artikel" and "evenemang" (publicerad / publicerat would have to agree).
        """
        changed, left = [], 0
        for obj in queryset:
            if leave(obj):
                left += 1
                continue
            change(obj)
            self._save_publication(request, obj)
            changed.append(obj)
        parts = []
        for template, count in ((done, len(changed)), (skipped, left)):
            if count or (template is done and not left):
                names = self.opts.verbose_name if count == 1 else self.opts.verbose_name_plural
                parts.append(template % {"count": count, "name": names, **values})
        self._report(request, changed, parts)

    def _save_publication(self, request, obj):
        """Save one row's publication fields with signals, stamping the editor, as a version."""
        obj.last_modified_by = request.user
        with saved_as_version(request.user, gettext("Publication changed by an action.")):
            obj.save(update_fields=["status", "published_at", "updated_at", "last_modified_by"])

    def _report(self, request, changed, parts):
        """One message: what changed, then what was left alone; logged per changed row."""
        if changed:
            with translation.override(None):
                fields = [
                    str(self.opts.get_field(name).verbose_name)
                    for name in ("status", "published_at")
                ]
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=changed,
                action_flag=CHANGE,
                change_message=[{"changed": {"fields": fields}}],
                single_object=len(changed) == 1,
            )
        text = "; ".join(parts) + "."
        self.message_user(request, text, messages.SUCCESS if changed else messages.WARNING)

    def _schedule_page(self, request, queryset, form):
        """The intermediate page of "Schemalägg …": the rows, a date and a time."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("Schedule publication"),
            "opts": self.opts,
            "objects": queryset,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
        }
        return TemplateResponse(request, "admin/publication/schedule.html", context)
