"""Small builders for news test data (``kwargs.setdefault`` style)."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from kkn_portal.models import Branch, Contact
from news.models import Article

_sequence = itertools.count(1)


def make_article(branches=(), contacts=(), links=(), **kwargs):
    """A published article that went live an hour ago, unless told otherwise."""
    number = next(_sequence)
    kwargs.setdefault("title", f"Artikel {number}")
    kwargs.setdefault("slug", f"artikel-{number}")
    kwargs.setdefault("lead", f"Ingress till artikel {number}.")
    kwargs.setdefault("body", "<p>Brödtext.</p>")
    kwargs.setdefault("status", Article.Status.PUBLISHED)
    kwargs.setdefault("published_at", timezone.now() - timedelta(hours=1))
    article = Article.objects.create(**kwargs)
    article.branches.set(branches)
    article.contacts.set(contacts)
    for position, (title, url) in enumerate(links):
        article.links.create(title=title, url=url, position=position)
    return article


def make_draft(**kwargs):
    """An article an editor has not published."""
    kwargs.setdefault("status", Article.Status.DRAFT)
    return make_article(**kwargs)


def make_scheduled(**kwargs):
    """A published article whose time comes tomorrow."""
    kwargs.setdefault("published_at", timezone.now() + timedelta(days=1))
    return make_article(**kwargs)


def make_contact(**kwargs):
    """A fictitious contact person (PTS fiction number, example.se address)."""
    number = next(_sequence)
    kwargs.setdefault("name", f"Person {number}")
    kwargs.setdefault("role", "Handläggare")
    kwargs.setdefault("organisation", "Region Norrbotten")
    kwargs.setdefault("phone", "070-174 06 50")
    kwargs.setdefault("email", f"person{number}@example.se")
    return Contact.objects.create(**kwargs)


def make_rich_article(**kwargs):
    """An article with three branches, two contacts and three links."""
    branches = list(Branch.objects.all()[:3])
    contacts = [make_contact(), make_contact()]
    links = [(f"Länk {n}", f"https://example.se/{n}") for n in range(3)]
    return make_article(branches=branches, contacts=contacts, links=links, **kwargs)


def make_editor(**kwargs):
    """A staff user who may change articles (and so preview them)."""
    number = next(_sequence)
    kwargs.setdefault("username", f"redaktor{number}")
    kwargs.setdefault("is_staff", True)
    user = get_user_model().objects.create_user(password="pw-for-tests-only", **kwargs)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["view_article", "change_article", "add_article", "delete_article"],
        ),
        *Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["view_articlelink", "change_articlelink", "add_articlelink"],
        ),
    )
    return user
