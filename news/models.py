"""News articles: what editors write and the public reads."""

from django.conf import settings
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField

from kkn_portal import memo
from kkn_portal.images.models import ImageMixin
from kkn_portal.models import Branch, Contact, EditorialRecord
from kkn_portal.publication import PublicationQuerySet, Publishable
from kkn_portal.richtext import BODY_EXTENSIONS


class Article(ImageMixin, EditorialRecord, Publishable):
    """A news article with lead, rich-text body, an optional image, contacts, links and a footnote."""

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
    # published() is the one rule for the public (kkn_portal.publication).
    objects = PublicationQuerySet.as_manager()

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

    def details(self):
        """What the article page shows below the body, as lists: ``links``, ``contacts``, ``branches``.

        Each in its model's order, as ``self.links.all()`` and so on would
        give it: three queries. Not ``prefetch_related()``, which for one
        article makes the same three queries and then builds a related
        manager and a filtered queryset per relation on top (1.8 M
        instructions of the 22 M an uncached article page cost; README,
        "Benchmarks").
        """
        return {
            "links": list(ArticleLink.objects.filter(article=self)),
            "contacts": list(Contact.objects.filter(articles=self)),
            "branches": list(Branch.objects.filter(articles=self)),
        }

    def related(self, branches, count=3):
        """Up to ``count`` other published articles sharing one of ``branches``, newest first.

        ``branches`` are this article's (``details()``); one query.
        """
        if not branches:
            return []
        return list(
            Article.objects.published()
            .filter(branches__in=[branch.pk for branch in branches])
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
