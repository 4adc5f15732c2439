"""Test URLconf: the real site plus public pages that answer in unusual ways."""

from django.contrib import messages
from django.http import HttpResponse
from django.urls import include, path
from django.utils.cache import add_never_cache_headers

from kkn_portal.pagecache import public_page

calls = []


def counted(make_response):
    """A view that records each call (a render) and returns ``make_response(request)``."""

    def view(request):
        calls.append(request.get_full_path())
        return make_response(request)

    return view


def never_cached(request):
    response = HttpResponse("<p>Förhandsvisning</p>")
    add_never_cache_headers(response)
    return response


def with_message(request):
    messages.info(request, "Sparat.")
    return HttpResponse("<p>Med meddelande</p>")


def with_session(request):
    request.session["seen"] = True
    return HttpResponse("<p>Med session</p>")


ODD = {
    "no-store": never_cached,
    "500": lambda request: HttpResponse("fel", status=500),
    "302": lambda request: HttpResponse("omdirigering", status=302),
    "cookie": lambda request: HttpResponse("kaka", headers={"Set-Cookie": "x=1"}),
    "message": with_message,
    "session": with_session,
}

urlpatterns = [
    *(
        path(f"test/{name}/", public_page(counted(view)), name=f"test-{name}")
        for name, view in ODD.items()
    ),
    path(
        "test/plain/",
        public_page(counted(lambda request: HttpResponse("<p>Vanlig sida</p>" * 50)), query=("a",)),
        name="test-plain",
    ),
    path("", include("kkn_portal.urls")),
]
