"""News articles: what editors write and the public reads."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from kkn_portal import memo
from kkn_portal.images.models import ImageMixin
from kkn_portal.models import EditorialRecord

# The only markup an article body may contain. The same dict configures the
# editor toolbar and the nh3 allowlist, so what editors can write is exactly
# what survives sanitizing: no scripts, event handlers, iframes or styles.
BODY_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
}


class ArticleQuerySet(models.QuerySet):
    """Queries over articles; ``published()`` is the one rule for the public."""

    def published(self):
        """Articles the public may see: published, and their time has come."""
        return self.released().filter(published_at__lte=timezone.now())

    def released(self):
        """Articles an editor has set to published, whether their time has come or not."""
        return self.filter(status=Article.Status.PUBLISHED)

    def scheduled(self):
        """Published articles whose publication time is still ahead."""
        return self.released().filter(published_at__gt=timezone.now())

    def with_details(self):
        """Prefetch everything an article page shows, for a constant query count."""
        return self.prefetch_related("branches", "contacts", "links")


class Article(ImageMixin, EditorialRecord):
    """A news article with lead, rich-text body, an optional image, contacts, links and a footnote."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_(
            "Letters a–z, digits and hyphens; the article's address becomes /nyheter/ followed by this."
        ),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("One or two sentences; shown in lists, feeds and search engines."),
    )
    body = ProseEditorField(
        _("body"),
        extensions=BODY_EXTENSIONS,
        sanitize=True,
        blank=True,
    )
    footnote = models.TextField(_("footnote"), blank=True)
    contacts = models.ManyToManyField(
        "kkn_portal.Contact", blank=True, related_name="articles", verbose_name=_("contact people")
    )
    branches = models.ManyToManyField(
        "kkn_portal.Branch", blank=True, related_name="articles", verbose_name=_("branches")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_articles",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are never shown to the public."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("A published article goes live at this time; a future time schedules it."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "published_at"], name="news_article_status_pub"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Sanitize on every save, not only in forms (the field's clean() runs
        # only through full_clean), so shell, fixtures and seeds are covered too.
        self.body = self.sanitize_body(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return memo.reverse("news:detail", kwargs={"slug": self.slug})

    @classmethod
    def sanitize_body(cls, html):
        """Return ``html`` reduced to the markup ``BODY_EXTENSIONS`` allows."""
        return cls._meta.get_field("body").sanitize(html or "")

    @property
    def body_html(self):
        """The body, sanitized again at render time, marked safe for templates."""
        return mark_safe(self.sanitize_body(self.body))  # noqa: S308 - nh3-sanitized

    def is_live(self):
        """True when the public may see the article (mirrors ``published()``)."""
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    def is_scheduled(self):
        """True for a published article whose time has not come yet."""
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    def related(self, count=3):
        """Up to ``count`` other published articles sharing a branch, newest first (one query)."""
        branch_ids = [branch.pk for branch in self.branches.all()]
        if not branch_ids:
            return []
        return list(
            Article.objects.published()
            .filter(branches__in=branch_ids)
            .exclude(pk=self.pk)
            .only("title", "slug", "published_at")
            .distinct()
            .order_by("-published_at", "-pk")[:count]
        )


class ArticleLink(models.Model):
    """A "more information" link shown at the end of an article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="links", verbose_name=_("article")
    )
    title = models.CharField(_("link text"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("more-information link")
        verbose_name_plural = _("more-information links")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.url
