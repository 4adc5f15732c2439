"""Admin for editors: write, schedule, publish and unpublish articles."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from js_asset import Media

from kkn_portal.admin_mixins import (
    HTTPS_URL_FIELDS,
    IMAGE_FIELDS,
    LabelledInputsMixin,
    LastModifiedAdminMixin,
)
from kkn_portal.history import HistoryAdmin
from kkn_portal.publication_admin import PublicationAdminMixin, PublicationFilter

from .models import Article, ArticleLink


class ArticleLinkInline(LabelledInputsMixin, admin.TabularInline):
    """The "more information" links, edited on the article's page."""

    formfield_overrides = HTTPS_URL_FIELDS

    label_every_input = True
    model = ArticleLink
    extra = 1
    fields = ("title", "url", "position")


@admin.register(Article)
class ArticleAdmin(
    PublicationAdminMixin, LastModifiedAdminMixin, LabelledInputsMixin, HistoryAdmin
):
    """Articles: publish now, schedule, unpublish; a preview through "view on site"."""

    list_display = ("title", "publication", "branch_names")
    list_filter = (PublicationFilter, "branches")
    search_fields = ("title", "lead", "body")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    filter_horizontal = ("contacts",)
    inlines = (ArticleLinkInline,)
    actions = PublicationAdminMixin.publication_actions
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body")}),
        (_("Publishing"), {"fields": ("status", "published_at", "author")}),
        (_("Image"), {"fields": IMAGE_FIELDS}),
        (_("Branches, contacts and footnote"), {"fields": ("branches", "contacts", "footnote")}),
    )

    def get_queryset(self, request):
        # The branch column would otherwise cost one query per row.
        return super().get_queryset(request).prefetch_related("branches")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "branches":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def view_on_site(self, obj):
        # The site-relative URL: drafts then open as a preview for the editor.
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: give it the CSP nonce.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("branches"))
    def branch_names(self, obj):
        return ", ".join(branch.name for branch in obj.branches.all())
