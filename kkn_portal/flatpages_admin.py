"""Flatpages edited like articles: the prose editor, nh3 cleaning, no raw HTML.

Django's flatpage admin takes any HTML and its view marks it safe, so an
editor could publish a meta refresh to another site or a fake login form.
Here the content field is the articles' rich-text editor with the same
allow-list, cleaned when the form is saved, on every save from anywhere
(``clean_content_on_save``) and again when the page is rendered
(``templates/flatpages/default.html``). ``template_name`` renders any
template on the site with the page's context, so only superusers see it.
"""

from django.contrib import admin
from django.contrib.flatpages import admin as flatpages_admin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from kkn_portal.dates import moment
from kkn_portal.history import HistoryAdmin
from kkn_portal.richtext import BODY_EXTENSIONS, clean_html

SUPERUSER_ONLY_FIELDS = frozenset({"template_name"})


class RichTextFlatpageForm(FlatpageForm):
    """Django's flatpage form with the content in the prose editor, cleaned by nh3."""

    content = ProseEditorFormField(
        label=_("content"), extensions=BODY_EXTENSIONS, sanitize=True, required=False
    )


class RichTextFlatPageAdmin(HistoryAdmin, flatpages_admin.FlatPageAdmin):
    """Flatpages with rich text and history; ``template_name`` for superusers only."""

    form = RichTextFlatpageForm
    list_display = ("url", "title", "updated")
    list_select_related = ("stamp",)

    @admin.display(description=_("Last updated"), ordering="stamp__updated_at")
    def updated(self, obj):
        # FlatPageStamp: absent for a page not saved since stamps began.
        stamp = getattr(obj, "stamp", None)
        return moment(stamp.updated_at) if stamp else "–"

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Leaving the field out of the fieldsets leaves it out of the form:
        # a posted template_name is ignored and a stored one is kept.
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in SUPERUSER_ONLY_FIELDS],
                },
            )
            for name, options in fieldsets
        ]


def clean_content_on_save(sender, instance, **kwargs):
    """Clean a flatpage's HTML on every save: shell, fixtures and seeds too."""
    instance.content = clean_html(instance.content)


admin.site.unregister(FlatPage)
admin.site.register(FlatPage, RichTextFlatPageAdmin)
