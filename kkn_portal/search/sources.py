"""What the site search looks in: sources the content apps register.

A content app calls :func:`register_source` in ``AppConfig.ready()``; the
search backends only ever see :func:`sources`, so the portal imports no
content app. Each source's model needs ``title`` and ``lead`` fields, a
body field, a date, ``get_absolute_url()`` and a ``published()`` queryset
method (the one rule for what the public may see); ``url_fields`` names
what ``get_absolute_url()`` reads. A model with an image (``ImageMixin``)
shows it beside its result.
"""

from dataclasses import dataclass

from kkn_portal.images.models import PICTURE_FIELDS, ImageMixin

_sources = {}


@dataclass(frozen=True)
class Source:
    """One searchable model: which field is the body, and which date orders hits."""

    key: str
    label: str
    model: type
    body_field: str
    date_field: str
    # What get_absolute_url() reads: a result loads only these and its title.
    url_fields: tuple = ("slug",)

    def published(self):
        """The rows of this source the public may find."""
        return self.model.objects.published()

    @property
    def picture_fields(self):
        """The columns a result's picture needs: none for a model without an image."""
        return PICTURE_FIELDS if issubclass(self.model, ImageMixin) else ()


def register_source(source):
    """Make ``source`` searchable (replaces an earlier source with the same key)."""
    _sources[source.key] = source


def sources():
    """The registered sources, in registration order."""
    return tuple(_sources.values())
