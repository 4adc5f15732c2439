"""Keys hold only what each view reads: invented parameters cost a hit, bad values a 404."""

import pytest
from django.test import Client
from django.urls import reverse

from kkn_portal.models import Branch
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
        ("news:index", "?bransch=musik&page=2"),
        ("events:index", "?typ=festival"),
        ("events:index", "?manad=2016-01"),
        ("events:index", "?page=5"),
        ("events:past", "?manad=1999-12"),
        ("search:index", "?q=musik&page=7"),
    ],
)
def test_made_up_values_and_pages_are_404_without_a_render(
    url_name, query, django_assert_max_num_queries
):
    """After a list's first 404, another made-up address costs its validation, not a render."""
    for _ in range(3):
        make_article(title="Musik i länet")
    make_event(start=local(2031, 5, 31, 9), end=local(2031, 6, 1, 15))
    first = Client().get(reverse(url_name) + "?page=100000")  # the list's own 404, rendered once
    assert (first.status_code, first.page_cache) == (404, "miss")
    url = reverse(url_name) + query
    with django_assert_max_num_queries(2):
        response = Client().get(url)
    assert (response.status_code, response.page_cache) == (404, "hit")
    assert response.content == first.content
    assert "Musik i länet" not in response.content.decode()
    with django_assert_max_num_queries(0):
        assert Client().get(url).status_code == 404


def test_valid_filters_and_pages_are_rendered_as_usual():
    """The check lets real pages through: a known branch, an existing page, "last"."""
    for _ in range(12):
        make_article(title="Musik i länet", branches=[Branch.objects.get(slug="musik")])
    for query in ("?bransch=musik", "?page=2", "?bransch=musik&page=2", "?page=last"):
        response = Client().get(reverse("news:index") + query)
        assert response.status_code == 200, query
        assert "Musik i länet" in response.content.decode()


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
