"""'Hjälpte informationen dig?': counts per page and day, without and with JavaScript, limited."""

import datetime

import pytest
from django.urls import reverse

from feedback.models import Comment, HelpfulnessCount
from tests.news.factories import make_article, make_draft

from .helpers import patch_captcha, post_data

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def helpful_url():
    """The POST target of the yes/no buttons."""
    return reverse("feedback:helpful")


def test_without_javascript_an_answer_is_counted_and_redirects_with_thanks(client, helpful_url):
    """POST → 303 to the page with ?hjalpte=…; the page then says thank you; no cookie."""
    article = make_article(title="Artikeln")
    response = client.post(helpful_url, {"page_path": article.get_absolute_url(), "answer": "ja"})
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}?hjalpte=ja#hjalpte"
    assert not response.cookies
    row = HelpfulnessCount.objects.get()
    assert (row.page_path, row.page_title, row.yes, row.no) == (
        article.get_absolute_url(),
        "Artikeln",
        1,
        0,
    )
    html = client.get(response["Location"]).content.decode()
    section = html[html.index('id="hjalpte"') :]
    assert "Tack för ditt svar!" in section[: section.index("</section>")]


def test_no_opens_what_were_you_missing(client, helpful_url):
    """After "Nej" the follow-up form is shown (not hidden); after "Ja" and before, it is hidden."""
    client.post(helpful_url, {"page_path": "/", "answer": "nej"})
    assert HelpfulnessCount.objects.get().no == 1
    after_no = client.get("/?hjalpte=nej").content.decode()
    before = client.get("/").content.decode()
    assert '<div class="helpful-follow-up">' in after_no
    assert '<div class="helpful-follow-up" hidden>' in before
    assert "Vad saknade du?" in after_no


def test_with_javascript_the_answer_is_json(client, helpful_url):
    """The page's script asks for JSON and gets the answer back, counted once."""
    response = client.post(helpful_url, {"page_path": "/nyheter/", "answer": "nej"}, **JSON)
    assert response.status_code == 200
    assert response.json() == {"answer": "nej"}
    assert HelpfulnessCount.objects.get(page_path="/nyheter/").no == 1


def test_counts_add_up_per_page_and_day(client, helpful_url, settings):
    """Several answers to one page on one day are one row; another page is another row."""
    settings.FEEDBACK_HELPFUL_RATE_LIMIT = "100/m"
    for answer in ("ja", "ja", "nej"):
        client.post(helpful_url, {"page_path": "/", "answer": answer})
    client.post(helpful_url, {"page_path": "/nyheter/", "answer": "ja"})
    rows = {row.page_path: (row.yes, row.no) for row in HelpfulnessCount.objects.all()}
    assert rows == {"/": (2, 1), "/nyheter/": (1, 0)}
    yesterday = HelpfulnessCount.objects.get(page_path="/")
    yesterday.day -= datetime.timedelta(days=1)
    yesterday.save()
    client.post(helpful_url, {"page_path": "/", "answer": "ja"})
    assert HelpfulnessCount.objects.filter(page_path="/").count() == 2


def test_nothing_about_the_visitor_is_stored():
    """A row is a page, a day and two counters: no address, agent or cookie id."""
    names = {field.name for field in HelpfulnessCount._meta.get_fields()}
    assert names == {"id", "page_path", "page_title", "day", "yes", "no"}


@pytest.mark.parametrize(
    "data",
    [
        {"page_path": "/admin/", "answer": "ja"},
        {"page_path": "/finns/inte/", "answer": "ja"},
        {"page_path": "https://evil.example/", "answer": "ja"},
        {"page_path": "/", "answer": "kanske"},
        {"answer": "ja"},
    ],
)
def test_unknown_pages_and_answers_are_refused(client, helpful_url, data):
    """400 with a Swedish page (or JSON message); nothing counted."""
    response = client.post(helpful_url, data)
    assert response.status_code == 400
    assert "Ditt svar togs inte emot" in response.content.decode()
    assert client.post(helpful_url, data, **JSON).json()["message"]
    assert HelpfulnessCount.objects.count() == 0


def test_drafts_are_refused(client, helpful_url):
    """A draft's address is no page the public can answer about."""
    response = client.post(
        helpful_url, {"page_path": make_draft().get_absolute_url(), "answer": "ja"}
    )
    assert response.status_code == 400
    assert "publicerade sidor" in response.content.decode()


def test_post_from_another_site_is_refused(helpful_url):
    """No Origin of ours: 403, nothing counted."""
    from tests.clients import FormClient

    response = FormClient(HTTP_ORIGIN="https://evil.example").post(
        helpful_url, {"page_path": "/", "answer": "ja"}
    )
    assert response.status_code == 403
    assert HelpfulnessCount.objects.count() == 0


def test_repeated_clicks_are_limited(client, helpful_url, settings):
    """Over FEEDBACK_HELPFUL_RATE_LIMIT: 429 with Retry-After, not counted."""
    settings.FEEDBACK_HELPFUL_RATE_LIMIT = "3/m"
    statuses = [
        client.post(helpful_url, {"page_path": "/", "answer": "ja"}).status_code for _ in range(5)
    ]
    assert statuses == [303, 303, 303, 429, 429]
    limited = client.post(helpful_url, {"page_path": "/", "answer": "ja"}, **JSON)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "många gånger" in limited.json()["message"]
    assert HelpfulnessCount.objects.get().yes == 3


def test_shared_cache_down_counts_nothing(client, helpful_url, monkeypatch):
    """Without the shared cache the answer is refused with 503, never thanked for."""

    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr("kkn_portal.ratelimit.register", down)
    response = client.post(helpful_url, {"page_path": "/", "answer": "ja"})
    assert response.status_code == 503 and response["Retry-After"]
    assert HelpfulnessCount.objects.count() == 0


def test_follow_up_after_no_is_a_marked_comment(client, comment_url, mailoutbox, settings):
    """'Vad saknade du?' lands in the comment inbox, marked as after a "Nej" on that page."""
    article = make_article(title="Sidan")
    data = post_data(page_path=article.get_absolute_url(), text="Datum saknas", after_no="True")
    with patch_captcha():
        response = client.post(comment_url, data)
    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.after_no and comment.page_title == "Sidan"
    with patch_captcha():
        client.post(comment_url, post_data(text="En vanlig kommentar"))
    assert not Comment.objects.get(text="En vanlig kommentar").after_no


def test_follow_up_form_has_its_own_ids_beside_the_comment_form(client):
    """Both forms on one page: no id is used twice."""
    import re

    html = client.get("/?hjalpte=nej").content.decode()
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert 'id="id_followup_text"' in html and 'id="id_comment_text"' in html
