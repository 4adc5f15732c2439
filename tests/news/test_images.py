"""Images uploaded through the admin form: checked, cleaned, rendered (issue 14, point 2).

The editor's journey: a real photo is stored without its EXIF (GPS
position included) and gets WebP and JPEG renditions; an HTML file named
``.png``, a file over 10 MB and a decompression bomb each get a clear
Swedish error and store nothing.
"""

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from events.models import Event
from kkn_portal.images import renditions
from news.models import Article
from tests import images
from tests.events.factories import make_event
from tests.events.test_admin import _form as event_form

from .factories import make_article
from .test_admin import article_form

pytestmark = pytest.mark.django_db

ADD = reverse("admin:news_article_add")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    """Every file under ``root``, as paths relative to it."""
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def form_errors(response):
    """The admin form's error messages for the image field."""
    return response.context["adminform"].form.errors.get("image", [])


def test_real_photo_is_stored_without_exif_and_gets_renditions(admin_client, media_root):
    """The photo's GPS position and camera are gone; WebP and JPEG come in three widths."""
    upload = images.photo_with_gps()
    assert Image.open(upload).getexif().get_ifd(images.GPS_IFD)  # the test file has GPS
    upload.seek(0)
    data = article_form(image=upload, image_alt="Publik i en konsertsal")
    response = admin_client.post(ADD, data)
    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get()
    assert (article.image_width, article.image_height) == (1200, 800)
    with Image.open(article.image.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert "exif" not in stored.info
    files = stored_files(media_root)
    renditions = [name for name in files if name.startswith("CACHE/")]
    assert sorted(Path(name).suffix for name in renditions) == [".jpg"] * 3 + [".webp"] * 3
    widths = set()
    for name in renditions:
        with Image.open(media_root / name) as rendition:
            widths.add(rendition.width)
            assert not rendition.getexif()
    # 1 600 would be wider than the 1 200 px photo: never upscaled, its own width instead.
    assert widths == {480, 960, 1200}


def test_renditions_cover_every_width_of_a_large_image(admin_client, media_root):
    """A 2 000 px photo gets 480, 960 and 1 600 px renditions, each as WebP and JPEG."""
    upload = images.upload("stor.jpg", width=2000, height=1000)
    response = admin_client.post(ADD, article_form(image=upload, image_alt="Ett landskap"))
    assert response.status_code == 302, form_errors(response)
    found = set()
    for name in stored_files(media_root):
        if name.startswith("CACHE/"):
            with Image.open(media_root / name) as rendition:
                found.add((rendition.format, rendition.size))
    sizes = {(480, 240), (960, 480), (1600, 800)}
    assert found == {("WEBP", size) for size in sizes} | {("JPEG", size) for size in sizes}


@pytest.mark.parametrize(
    ("make_upload", "message"),
    [
        (images.html_named_png, "Filen är inte en JPEG-, PNG- eller WebP-bild."),
        (images.too_large_image, "Bilden är för stor: högst 10 MB."),
        (images.decompression_bomb, "Bilden har för många bildpunkter: högst 40 megapixel."),
    ],
    ids=["html-named-png", "too-large", "decompression-bomb"],
)
def test_bad_uploads_get_a_swedish_error_and_store_nothing(
    admin_client, media_root, make_upload, message
):
    """HTML named .png, over 10 MB, 100 megapixels: the form says why; no row, no file."""
    response = admin_client.post(ADD, article_form(image=make_upload(), image_alt="En bild"))
    assert response.status_code == 200
    assert any(error.startswith(message) for error in form_errors(response)), form_errors(response)
    assert message in response.content.decode()
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_event_image_is_checked_and_cleaned_too(admin_client, media_root):
    """The event form takes the same checked image, and refuses the same bad file."""
    add = reverse("admin:events_event_add")
    bad = admin_client.post(add, event_form(image=images.html_named_png(), image_alt="Bild"))
    assert bad.status_code == 200
    assert not Event.objects.exists()
    good = admin_client.post(add, event_form(image=images.photo_with_gps(), image_alt="Scenen"))
    assert good.status_code == 302
    event = Event.objects.get()
    with Image.open(event.image.path) as stored:
        assert not stored.getexif()


def test_alt_text_is_required_unless_the_image_is_decorative(admin_client):
    """No description: a Swedish error; marked decorative: saved, shown with alt=""."""
    response = admin_client.post(ADD, article_form(image=images.upload()))
    assert response.context["adminform"].form.errors["image_alt"] == [
        "Beskriv bilden för den som inte kan se den."
    ]
    response = admin_client.post(ADD, article_form(image=images.upload(), image_decorative="on"))
    assert response.status_code == 302
    assert Article.objects.get().picture["alt"] == ""


def test_article_page_shows_picture_with_size_and_sharing_data(client):
    """srcset in WebP and JPEG, width/height, eager on the page; og:image and JSON-LD absolute."""
    article = make_article(
        image=images.upload(width=2000, height=1000), image_alt="En scen i Piteå"
    )
    content = client.get(article.get_absolute_url()).content.decode()
    img = re.search(r"<img [^>]*alt=\"En scen i Piteå\"[^>]*>", content).group(0)
    assert 'width="1600" height="800"' in img
    assert "loading=" not in img  # the article's own image is above the fold
    assert re.search(
        r'<source type="image/webp" srcset="[^"]+480w, [^"]+960w, [^"]+1600w"', content
    )
    assert re.search(r'srcset="/media/CACHE/[^"]+\.jpg 480w', img)
    og = re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)
    assert og.startswith("http://testserver/media/CACHE/") and og.endswith(".jpg")
    assert '<meta property="og:image:width" content="1600">' in content
    assert '<meta property="og:image:height" content="800">' in content
    ld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert ld["image"] == {
        "@type": "ImageObject",
        "url": og,
        "width": 1600,
        "height": 800,
        "description": "En scen i Piteå",
    }


def test_rendition_urls_are_imagekits_and_worked_out_once(monkeypatch):
    """Every URL of a picture is the one imagekit gives the stored file; the next
    picture of the same image hashes no spec again (the costly part)."""
    article = make_article(image=images.upload(width=2000, height=1000), image_alt="Bild")
    first = article.picture
    for width in renditions.widths_for(2000):
        for image_format, extension in (("WEBP", "webp"), ("JPEG", "jpg")):
            url = renditions.rendition(article.image, width, image_format).url
            assert url.endswith(f".{extension}")
            assert f"{url} {width}w" in first[f"{extension.replace('jpg', 'jpeg')}_srcset"]
    hashes = []
    real_hash = renditions.ImageSpec.get_hash
    monkeypatch.setattr(
        renditions.ImageSpec, "get_hash", lambda spec: hashes.append(spec) or real_hash(spec)
    )
    assert Article.objects.get(pk=article.pk).picture == first
    assert hashes == []


def test_rendition_is_served_as_an_image_with_nosniff(client):
    """Media answer with the image's type and nosniff; other extensions are not served."""
    article = make_article(image=images.upload(), image_alt="Bild")
    url = article.picture["src"]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    (Path(article.image.path).parent / "sida.html").write_text("<script>alert(1)</script>")
    html_url = article.image.url.rsplit("/", 1)[0] + "/sida.html"
    assert client.get(html_url).status_code == 404


@pytest.mark.parametrize("url", ["/", "/nyheter/", "/evenemang/", "/sok/?q=artikel"])
def test_lists_with_images_run_a_constant_number_of_queries(client, settings, url):
    """Small images in lists cost no query: the exact count for 6 items is that for 2."""
    settings.PAGE_CACHE_ENABLED = False  # the views' own queries

    def add(count):
        for _ in range(count):
            make_article(image=images.upload(width=600, height=400), image_alt="Bild")
            make_event(image=images.upload(width=600, height=400), image_alt="Bild")

    add(2)
    client.get(url)  # warm caches (Site, ContentType) so both counts compare alike
    with CaptureQueriesContext(connection) as few:
        content = client.get(url).content.decode()
    assert 'class="card-image"' in content and 'loading="lazy"' in content
    add(4)
    client.get(url)  # warm again: the content version's schedule is read once after a change
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).content.decode().count('class="card-image"') > 3
    assert len(many) == len(few)


def test_search_results_show_their_pictures(client):
    """A found article or event shows its picture (alt text, size, lazy); one without shows none."""
    make_article(title="Konsert i Piteå", image=images.upload(), image_alt="Publik vid scenen")
    make_event(
        title="Konsertkväll", image=images.upload(width=800, height=600), image_decorative=True
    )
    make_article(title="Konsertsalen byggs om")
    html = client.get("/sok/", {"q": "konsert"}).content.decode()
    results = re.findall(r"<article[^>]*>.*?</article>", html, re.S)
    assert len(results) == 3
    shown = {re.search(r">([^<]+)</a></h2>", r).group(1): r for r in results}
    assert 'alt="Publik vid scenen"' in shown["Konsert i Piteå"]
    assert 'width="1200" height="800"' in shown["Konsert i Piteå"]
    assert 'alt=""' in shown["Konsertkväll"] and 'loading="lazy"' in shown["Konsertkväll"]
    assert "<picture>" not in shown["Konsertsalen byggs om"]
    assert 'class="has-image"' in shown["Konsert i Piteå"]


def test_event_page_offers_its_image_to_open_graph_and_json_ld(client):
    """An event's image: og:image with its size, and the JSON-LD Event's image."""
    event = make_event(image=images.upload(width=1000, height=500), image_alt="Scenen på Acusticum")
    content = client.get(event.get_absolute_url()).content.decode()
    og = re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)
    assert og.startswith("http://testserver/media/CACHE/")
    assert '<meta property="og:image:width" content="1000">' in content
    assert '<meta property="og:image:height" content="500">' in content
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    event_data = next(d for d in map(json.loads, scripts) if d["@type"] == "Event")
    assert event_data["image"]["url"] == og
    assert 'alt="Scenen på Acusticum"' in content
