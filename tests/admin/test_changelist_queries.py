"""Every changelist an editor or staff member uses runs as many queries for 60 rows as for 3."""

import itertools

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kkn_portal.previews.models import PreviewLink
from tests.events.factories import make_organisation, make_rich_event, make_venue
from tests.feedback.factories import make_comment
from tests.news.factories import make_contact, make_draft, make_rich_article

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


def flatpage():
    number = next(_numbers)
    page = FlatPage.objects.create(
        url=f"/sida-{number}/", title=f"Sida {number}", content="<p>x</p>"
    )
    page.sites.add(Site.objects.get_current())
    return page


def comment():
    number = next(_numbers)
    # Every other one flagged and handled, so badges and "handled by" are shown.
    return make_comment(
        text=f"Synpunkt {number}, ring 070-174 06 50" if number % 2 else f"Synpunkt {number}",
        mentions_contact_details=bool(number % 2),
    )


def preview(admin_user):
    return PreviewLink.create_for(make_draft(), admin_user)


def event():
    # Half of them scheduled or drafts, all with organisers, contacts and a programme.
    return make_rich_event(published=next(_numbers) % 2 == 0)


LISTS = {
    "news_article": lambda user: make_rich_article(),
    "events_event": lambda user: event(),
    "events_venue": lambda user: make_venue(),
    "events_organisation": lambda user: make_organisation(),
    "kkn_portal_contact": lambda user: make_contact(),
    "feedback_comment": lambda user: comment(),
    "previews_previewlink": preview,
    "flatpages_flatpage": lambda user: flatpage(),
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", LISTS)
def test_query_count_does_not_grow_with_the_rows(admin_client, admin_user, name):
    """3 rows and 60 rows: the same number of queries (each row's columns come with the list)."""
    make = LISTS[name]
    url = reverse(f"admin:{name}_changelist") + "?all="
    for _ in range(3):
        make(admin_user)
    admin_client.get(url)  # sessions, content types and permissions warmed up
    few = count_queries(admin_client, url)
    for _ in range(57):
        make(admin_user)
    many = count_queries(admin_client, url)
    assert many == few, f"{name}: {few} queries for 3 rows, {many} for 60"
