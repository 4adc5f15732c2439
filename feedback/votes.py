"""Answers to "Hjälpte informationen dig?": counts per page and day, nothing about who answered.

No address, cookie or identifier is stored: a row is a page, a local day
and two counters. Repeated clicks are held back by the rate limit in the
shared cache (:mod:`feedback.ratelimit`), never by remembering a visitor.
"""

import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import F, FloatField, OuterRef, Subquery, Sum
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kkn_portal.pages import MAX_PATH_LENGTH

MAX_TITLE_LENGTH = 300
YES, NO = "ja", "nej"


class HelpfulnessQuerySet(models.QuerySet):
    """Counting answers, and reading them per page for a period."""

    def count_answer(self, page, answer, day=None):
        """Add one ``answer`` (:data:`YES` or :data:`NO`) for ``page`` (a kkn_portal.pages.Page) today.

        One UPDATE in the common case; the first answer of the day creates
        the row, and a race for that insert falls back to the update.
        """
        day = day or timezone.localdate()
        column = "yes" if answer == YES else "no"
        bump = {column: F(column) + 1, "page_title": page.title[:MAX_TITLE_LENGTH]}
        for _attempt in range(2):
            if self.filter(page_path=page.path, day=day).update(**bump):
                return
            try:
                with transaction.atomic():
                    self.create(
                        page_path=page.path,
                        page_title=page.title[:MAX_TITLE_LENGTH],
                        day=day,
                        **{column: 1},
                    )
                return
            except IntegrityError:
                continue

    def between(self, first_day, last_day):
        """Rows of ``first_day`` … ``last_day`` (inclusive)."""
        return self.filter(day__gte=first_day, day__lte=last_day)

    def per_page(self):
        """One row per page: path, latest title, yes, no, share of yes; worst first.

        Worst is the lowest share of yes, then the most no answers.
        """
        total = F("yes_total") + F("no_total")
        latest_title = (
            HelpfulnessCount.objects.filter(page_path=OuterRef("page_path"))
            .order_by("-day")
            .values("page_title")[:1]
        )
        return (
            self.values("page_path")
            .annotate(
                yes_total=Coalesce(Sum("yes"), 0),
                no_total=Coalesce(Sum("no"), 0),
            )
            .annotate(title=Subquery(latest_title))
            .annotate(
                share=Cast(F("yes_total"), FloatField()) / NullIf(Cast(total, FloatField()), 0.0)
            )
            .order_by("share", "-no_total", "page_path")
        )

    def per_week(self, first_day, last_day):
        """``{monday: (yes, no)}`` for the weeks of the period (weeks without answers too)."""
        weeks = {}
        monday = first_day - datetime.timedelta(days=first_day.weekday())
        while monday <= last_day:
            weeks[monday] = [0, 0]
            monday += datetime.timedelta(days=7)
        per_day = (
            self.between(first_day, last_day)
            .values("day")
            .annotate(yes_sum=Sum("yes"), no_sum=Sum("no"))
            .values_list("day", "yes_sum", "no_sum")
            .order_by()
        )
        for day, yes, no in per_day:
            week = weeks[day - datetime.timedelta(days=day.weekday())]
            week[0] += yes
            week[1] += no
        return {monday: tuple(counts) for monday, counts in weeks.items()}


class HelpfulnessCount(models.Model):
    """How many visitors answered yes and no about one page on one day."""

    page_path = models.CharField(_("page"), max_length=MAX_PATH_LENGTH)
    # The page's title when it was last answered, for lists (the page may change).
    page_title = models.CharField(_("page title"), max_length=MAX_TITLE_LENGTH, blank=True)
    day = models.DateField(_("day"))
    yes = models.PositiveIntegerField(_("yes"), default=0)
    no = models.PositiveIntegerField(_("no"), default=0)

    objects = HelpfulnessQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer count")
        verbose_name_plural = _("answer counts")
        ordering = ["-day", "page_path"]
        get_latest_by = "day"
        constraints = [
            models.UniqueConstraint(fields=["page_path", "day"], name="helpfulness_one_row_per_day")
        ]

    def __str__(self):
        return f"{self.page_title or self.page_path} {self.day}: {self.yes}/{self.no}"
