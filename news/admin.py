"""Admin for editors: write, schedule, publish and unpublish articles."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from js_asset import Media

from kkn_portal.admin_mixins import HTTPS_URL_FIELDS, IMAGE_FIELDS, LastModifiedAdminMixin

from .models import Article, ArticleLink


class ArticleLinkInline(admin.TabularInline):
    """The "more information" links, edited on the article's page."""

    formfield_overrides = HTTPS_URL_FIELDS

    model = ArticleLink
    extra = 1
    fields = ("title", "url", "position")


def field_names(*names):
    """English verbose names for a structured admin-log change message.

    The admin log stores them untranslated and translates them when shown,
    as Django's own ``construct_change_message`` does.
    """
    with translation.override(None):
        return [str(Article._meta.get_field(name).verbose_name) for name in names]


@admin.register(Article)
class ArticleAdmin(LastModifiedAdminMixin, admin.ModelAdmin):
    """Articles with publish/unpublish actions and a preview through "view on site"."""

    list_display = ("title", "status", "published_at", "is_live", "branch_names")
    list_filter = ("status", "branches", "published_at")
    search_fields = ("title", "lead", "body")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    autocomplete_fields = ("contacts",)
    inlines = (ArticleLinkInline,)
    actions = ("publish", "unpublish")
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

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL cannot take NUL in a query parameter; drop it, never 500.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

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

    @admin.display(boolean=True, description=_("Live"))
    def is_live(self, obj):
        return obj.is_live()

    @admin.display(description=_("branches"))
    def branch_names(self, obj):
        return ", ".join(branch.name for branch in obj.branches.all())

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        """Publish drafts; a draft dated in the past goes live now, a future one is scheduled."""
        now = timezone.now()
        changed = []
        for article in queryset.filter(status=Article.Status.DRAFT):
            article.status = Article.Status.PUBLISHED
            if article.published_at <= now:
                article.published_at = now
            article.last_modified_by = request.user
            article.save(update_fields=["status", "published_at", "updated_at", "last_modified_by"])
            changed.append(article)
        self._log(request, changed, field_names("status", "published_at"))
        self.message_user(
            request,
            ngettext(
                "%(count)d article was published.",
                "%(count)d articles were published.",
                len(changed),
            )
            % {"count": len(changed)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish"), permissions=["change"])
    def unpublish(self, request, queryset):
        """Turn published (or scheduled) articles back into drafts."""
        changed = []
        for article in queryset.filter(status=Article.Status.PUBLISHED):
            article.status = Article.Status.DRAFT
            article.last_modified_by = request.user
            article.save(update_fields=["status", "updated_at", "last_modified_by"])
            changed.append(article)
        self._log(request, changed, field_names("status"))
        self.message_user(
            request,
            ngettext(
                "%(count)d article was unpublished.",
                "%(count)d articles were unpublished.",
                len(changed),
            )
            % {"count": len(changed)},
            messages.SUCCESS,
        )

    def _log(self, request, articles, fields):
        """Record an action in the admin log, one entry per article."""
        if articles:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=articles,
                action_flag=CHANGE,
                change_message=[{"changed": {"fields": fields}}],
            )
