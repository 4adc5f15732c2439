"""Keys hold only what each view reads: invented parameters cost a hit, bad values a 404."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.events.factories import local, make_event
from tests.news.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["?utm_source=nyhetsbrev", "?fbclid=abc&utm_medium=x", "?a=1&b=2&c=3", "?kommentar=nej&x=1"],
)
@pytest.mark.parametrize("url_name", ["home", "news:index", "events:index"])
def test_invented_parameters_are_the_canonical_page(url_name, query, django_assert_num_queries):
    """Parameters no view reads are dropped: the same stored page, no render, no query."""
    make_article()
    url = reverse(url_name)
    canonical = Client().get(url)
    with django_assert_num_queries(0):
        response = Client().get(url + query)
    assert response.page_cache == "hit"
    assert response.content == canonical.content


def test_the_view_never_sees_parameters_it_does_not_read():
    """A render triggered by an odd address is the canonical page: links carry no stray parameter."""
    for _ in range(11):
        make_article()
    response = Client().get(reverse("news:index") + "?utm_source=x&page=1")
    html = response.content.decode()
    assert response.page_cache == "miss"
    assert "utm_source" not in html
    assert 'href="?page=2"' in html


@pytest.mark.parametrize(
    ("url_name", "query"),
    [
        ("news:index", "?bransch=finns-inte"),
        ("news:index", "?page=99"),
        ("news:index", "?page=abc"),
        ("events:index", "?typ=festival"),
        ("events:index", "?manad=2016-01"),
        ("events:index", "?page=5"),
        ("events:past", "?manad=1999-12"),
        ("search:index", "?q=musik&page=7"),
    ],
)
def test_unknown_values_and_pages_are_404_before_any_list_is_rendered(
    url_name, query, django_assert_max_num_queries
):
    """A made-up filter value or page number costs its validation only, then it is stored."""
    for _ in range(3):
        make_article(title="Musik i länet")
    make_event(start=local(2031, 5, 31, 9), end=local(2031, 6, 1, 15))
    url = reverse(url_name) + query
    with django_assert_max_num_queries(3):
        response = Client().get(url)
    assert response.status_code == 404
    assert "Musik i länet" not in response.content.decode()
    again = Client().get(url)
    assert (again.status_code, again.page_cache) == (404, "hit")


def test_each_value_a_view_reads_is_its_own_page():
    """A known filter value is part of the key: the musik list is not the full list."""
    make_article(title="Allmän")
    url = reverse("news:index")
    assert "Allmän" in Client().get(url).content.decode()
    assert "Allmän" not in Client().get(url + "?bransch=musik").content.decode()


def test_the_last_of_repeated_values_counts_as_the_view_reads_it():
    """``?bransch=a&bransch=b`` is the page for b, as ``QueryDict.get`` gives the view."""
    url = reverse("news:index")
    both = Client().get(url + "?bransch=konst&bransch=musik")
    assert both.content == Client().get(url + "?bransch=musik").content
