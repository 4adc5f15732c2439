"""A test client that posts forms as the site's own pages do: URL-encoded, never multipart."""

from urllib.parse import urlencode

from django.test import Client

FORM_CONTENT = "application/x-www-form-urlencoded"


class FormClient(Client):
    """Django's test client, posting a dict URL-encoded like a browser posts a form without files.

    Django's client posts multipart by default, which no public form of the
    site does; the views that take no files answer multipart with 415
    (``kkn_portal/bodylimit.py``). Pass ``content_type=MULTIPART_CONTENT``
    to send an upload.
    """

    def post(self, path, data=None, content_type=FORM_CONTENT, **extra):
        """POST ``data``; a dict or list of pairs is URL-encoded unless another type is asked for."""
        if content_type == FORM_CONTENT and not isinstance(data, str | bytes):
            data = urlencode(data or {}, doseq=True)
        return super().post(path, data, content_type, **extra)
