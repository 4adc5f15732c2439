"""Shared admin behaviour for articles and events: "Senast ändrad av/kl."."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kkn_portal.dates import moment

# Editors paste addresses without a scheme; https is the right guess today
# (and Django 6's default), so say it explicitly in every admin form.
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class LastModifiedAdminMixin:
    """Stamp the editor on every save and show who changed the object last, and when.

    The model needs ``last_modified_by`` (a nullable FK to the user) and
    ``updated_at`` (``auto_now``). Actions save row by row and stamp it too.
    """

    last_modified_fieldset = (_("Last changed"), {"fields": ("last_modified",)})

    def save_model(self, request, obj, form, change):
        obj.last_modified_by = request.user
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "last_modified")

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        # Without declared fieldsets the readonly field is already in the form.
        if obj is None or not self.fieldsets:
            return fieldsets
        return [*fieldsets, self.last_modified_fieldset]

    def get_list_display(self, request):
        return (*super().get_list_display(request), "last_modified")

    def get_list_select_related(self, request):
        # Added to the list's own joins: a select_related() in get_queryset()
        # would make Django skip list_select_related (one venue query per event).
        joins = super().get_list_select_related(request)
        if joins is True:
            return True
        return (*(joins or ()), "last_modified_by")

    @admin.display(description=_("Last changed by/at"), ordering="updated_at")
    def last_modified(self, obj):
        """ "Rut Lind, 27 november kl. 14.05": name (or user name) and local time."""
        if obj is None or obj.pk is None:
            return "–"
        when = moment(obj.updated_at)
        user = obj.last_modified_by
        if user is None:
            return when
        return f"{user.get_full_name() or user.get_username()}, {when}"


class LabelledInputsMixin:
    """Name the inputs Django's admin leaves without a label (axe: "label").

    A date-and-time field is two inputs under one label that points at
    neither; each gets "Start, datum" / "Start, tid". In tabular inlines
    (``label_every_input``) the column heading is no label, so every input
    and the delete box get their field's name.
    """

    label_every_input = False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return None
        label = capfirst(db_field.verbose_name)
        # Related fields come wrapped (the add/change links); label the input inside.
        widget = getattr(formfield.widget, "widget", formfield.widget)
        if isinstance(widget, forms.MultiWidget):
            for part, sub in zip((_("date"), _("time")), widget.widgets, strict=False):
                sub.attrs["aria-label"] = f"{label}, {part}"
        elif self.label_every_input:
            widget.attrs.setdefault("aria-label", label)
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs["aria-label"] = gettext("Delete")

        return LabelledFormSet


class NulSafeSearchMixin:
    """Drop NUL bytes from admin searches: PostgreSQL refuses them in any query."""

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))


# The image fieldset of articles and events (kkn_portal.images.models.ImageMixin).
IMAGE_FIELDS = ("image", "image_alt", "image_decorative")
