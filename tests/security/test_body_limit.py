"""Request bodies (issue 16, item 1): refused from the headers, before a byte of the body is read.

The WSGI tests hand Django a body that counts every byte taken from it, so
"answered before the body is read" is measured, not assumed. The same
check against a real gunicorn on the loopback is in
``tests/foundation/test_production_hostile.py``.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import MULTIPART_CONTENT
from django.urls import reverse
from PIL import Image

from news.models import Article
from tests.clients import FormClient
from tests.news.test_admin import article_form

MB = 1024 * 1024
MULTIPART = "multipart/form-data; boundary=BoUnDaRy"
URLENCODED = "application/x-www-form-urlencoded"


class CountingBody:
    """A request body of ``length`` bytes that counts how much is read from it.

    It starts like a real multipart upload with a file part, so an
    application that reads it would spool the "file" to a temporary file.
    """

    def __init__(self, length):
        """A body of ``length`` bytes, nothing read yet."""
        self.data = io.BytesIO(
            b'--BoUnDaRy\r\nContent-Disposition: form-data; name="bild"; filename="a.jpg"\r\n'
            b"Content-Type: image/jpeg\r\n\r\n"
        )
        self.length = length
        self.read_bytes = 0

    def read(self, size=-1):
        """Up to ``size`` bytes: the multipart head, then filler."""
        remaining = self.length - self.read_bytes
        size = remaining if size is None or size < 0 else min(size, remaining)
        chunk = self.data.read(size)
        chunk += b"x" * (size - len(chunk))
        self.read_bytes += len(chunk)
        return chunk

    def readline(self, size=-1):
        """Lines are reads for this purpose."""
        return self.read(size if size and size > 0 else 8192)


def post_through_wsgi(path, length, content_type=MULTIPART, cookie=""):
    """POST a ``length``-byte body straight into Django's WSGI handler.

    Returns ``(status code, bytes read from the body)``.
    """
    body = CountingBody(length)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_ORIGIN": "http://testserver",
        "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "192.0.2.1",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(length),
        "wsgi.input": body,
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    statuses = []
    # As Django's test client does: the test's open transaction (PostgreSQL)
    # must survive the handler's end-of-request connection clean-up.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(
            environ, lambda status, headers, exc_info=None: statuses.append(status)
        )
        b"".join(result)
        result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return int(statuses[0].split()[0]), body.read_bytes


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "size"),
    [
        (path, size)
        for path in (
            "/kommentera/",
            "/cookies/godkann-alla/",
            "/kommentera/hjalpte/",
            "/evenemang/x/anmalan/",
            "/",
        )
        for size in (2 * MB, 50 * MB)
    ]
    + [("/admin/news/article/add/", 13 * MB), ("/admin/news/article/add/", 50 * MB)],
)
def test_upload_over_the_limit_is_refused_before_it_is_read(path, size):
    """Over 1 MB (the admin: over 12 MB) gets 413 with nothing read."""
    status, read = post_through_wsgi(path, size)
    assert status == 413
    assert read == 0


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/admin/news/article/add/", "/admin/"])
@pytest.mark.parametrize("size", [2 * MB, 11 * MB])
def test_the_admin_limit_is_for_signed_in_staff_only(path, size):
    """A stranger gets the public 1 MB limit on the admin too: 413, nothing read.

    With a CSRF cookie, so that without the limit the CSRF check would read the body.
    """
    cookie = f"{settings.CSRF_COOKIE_NAME}={'a' * 32}"
    assert post_through_wsgi(path, size, cookie=cookie) == (413, 0)


@pytest.mark.django_db
def test_a_signed_in_non_staff_user_gets_the_public_limit(django_user_model):
    """Signed in is not enough: the larger limit is for staff."""
    from django.test import Client

    visitor = Client()
    visitor.force_login(django_user_model.objects.create_user("besokare", password="x"))
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in visitor.cookies.items())
    assert post_through_wsgi("/admin/news/article/add/", 2 * MB, cookie=cookie) == (413, 0)


@pytest.mark.django_db
def test_staff_bodies_over_a_megabyte_reach_the_admin(admin_user):
    """Signed-in staff pass the larger limit: the body is read (and the form answers)."""
    from django.test import Client

    editor = Client()
    editor.force_login(admin_user)
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in editor.cookies.items())
    # A CSRF cookie, so the CSRF check reads the body for its token (there is none: 403).
    cookie += f"; {settings.CSRF_COOKIE_NAME}={'a' * 32}"
    status, read = post_through_wsgi("/admin/news/article/add/", 2 * MB, cookie=cookie)
    assert status == 403
    assert read == 2 * MB


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/kommentera/", "/cookies/godkann-alla/"])
def test_urlencoded_body_over_the_limit_is_refused_unread(path):
    """A 2 MB form post gets 413 as well, unread."""
    assert post_through_wsgi(path, 2 * MB, URLENCODED) == (413, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/kommentera/",
        "/kommentera/hjalpte/",
        "/evenemang/natverkstraff/anmalan/",
        "/cookies/godkann-alla/",
        "/cookies/endast-nodvandiga/",
        "/cookies/spara/",
    ],
)
def test_small_multipart_body_to_a_form_without_files_is_415_unread(path):
    """The public forms take no files: a multipart body is refused, even a small one."""
    assert post_through_wsgi(path, 10_000) == (415, 0)


@pytest.mark.django_db
def test_a_body_under_the_limit_is_read():
    """A form post under the limit reaches the view and is read (so the counter does count)."""
    status, read = post_through_wsgi("/kommentera/", 10_000, URLENCODED)
    assert status == 400  # not a comment form, but taken and answered by the view
    assert read == 10_000


@pytest.mark.django_db
def test_the_admin_still_takes_an_article_image(admin_client, settings, tmp_path):
    """The one address that takes files stores an image under the limit."""
    settings.MEDIA_ROOT = tmp_path
    # Noise does not compress: a PNG of about 4 MB, over the public 1 MB limit.
    noise = Image.frombytes("RGB", (1200, 1200), os.urandom(1200 * 1200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert buffer.tell() > 3 * MB
    image = SimpleUploadedFile("bild.png", buffer.getvalue(), "image/png")
    response = admin_client.post(
        reverse("admin:news_article_add"), article_form(image=image, image_alt="En bild")
    )
    assert response.status_code == 302
    assert Article.objects.get().image_width == 1200


def test_limits_match():
    """One limit for the whole body, files included; accepted uploads never reach a temporary file."""
    assert settings.MAX_REQUEST_BODY_SIZE == 1 * MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == settings.MAX_REQUEST_BODY_SIZE
    assert settings.ADMIN_MAX_REQUEST_BODY_SIZE == 12 * MB
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == settings.ADMIN_MAX_REQUEST_BODY_SIZE
    assert settings.FILE_UPLOAD_PATHS == ["/admin/"]


@pytest.mark.django_db
def test_refusals_are_swedish_static_pages(browser):
    """413 and 415 are explained in Swedish, never cached, with no cookie."""
    too_large = browser.post("/kommentera/", "text=" + "a" * (2 * MB), content_type=URLENCODED)
    assert too_large.status_code == 413
    assert "Det du skickade är för stort" in too_large.content.decode()
    assert "1 MB" in too_large.content.decode()
    wrong_type = browser.post("/kommentera/", {"text": "Hej"}, content_type=MULTIPART_CONTENT)
    assert wrong_type.status_code == 415
    assert '<html lang="sv">' in wrong_type.content.decode()
    for response in (too_large, wrong_type):
        assert response["Cache-Control"] == "no-store"
        assert not response.cookies


@pytest.mark.django_db
def test_forms_posted_as_browsers_post_them_still_work(browser):
    """The consent banner's post (URL-encoded, as consent.js now sends it) is accepted."""
    response = FormClient(HTTP_ORIGIN="http://testserver").post(
        "/cookies/endast-nodvandiga/", {"next": "/"}, HTTP_X_CONSENT_FETCH="1"
    )
    assert response.status_code == 204


def test_the_proxy_config_sets_the_same_limits():
    """nginx: 1m for every address, 12m only where article and event images are uploaded.

    nginx does not run in CI; ``bench/proxy_checks.py`` sends the bodies for real.
    """
    deploy = Path(settings.BASE_DIR) / "deploy"
    http_level = (deploy / "nginx-cache.conf").read_text()
    assert re.search(r"^client_max_body_size 1m;", http_level, re.M)
    assert settings.MAX_REQUEST_BODY_SIZE == 1 * MB
    site = (deploy / "nginx-site.conf").read_text()
    larger = re.findall(r"location ~ (\S+) \{\s*client_max_body_size (\d+)m;", site)
    assert len(larger) == 1 and re.findall(r"client_max_body_size", site) == [
        "client_max_body_size"
    ]
    pattern, megabytes = larger[0]
    assert int(megabytes) * MB == settings.ADMIN_MAX_REQUEST_BODY_SIZE
    for path in ("/admin/news/article/add/", "/admin/events/event/7/change/"):
        assert re.match(pattern, path), path
    for path in ("/admin/login/", "/admin/", "/admin/feedback/comment/", "/kommentera/"):
        assert not re.match(pattern, path), path
