"""``{% query_with %}``: the current query string with some parameters replaced."""

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.test import RequestFactory

QUERIES = [
    "",
    "page=2",
    "bransch=musik&page=3",
    "page=3&bransch=musik",
    "q=kultur+%26+film&page=2",
    "typ=konferens&typ=utbildning&manad=2017-05",
    "q=%C3%A5%C3%A4%C3%B6+%E2%80%93&x=",
    "a=1&a=2&page=9&b=%3Cscript%3E",
]
CHANGES = [{"page": 4}, {"page": None}, {"bransch": "film", "page": None}, {"ny": "värde"}]


def reference(query, changes):
    """What the tag gave before it was optimised: QueryDict copy, set, urlencode."""
    params = QueryDict(query).copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("changes", CHANGES)
def test_same_query_string_as_querydict(query, changes):
    """Order kept, replaced keys in place, repeated keys and non-ASCII encoded the same way."""
    request = RequestFactory().get("/nyheter/?" + query)
    arguments = " ".join(f"{key}=v_{key}" for key in changes)
    template = Template("{% load portal %}{% query_with " + arguments + " %}")
    values = {f"v_{key}": value for key, value in changes.items()}
    rendered = template.render(Context({"request": request, **values}))
    assert rendered == reference(query, changes).replace("&", "&amp;")
