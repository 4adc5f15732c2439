"""CSV export of comments, shared by the admin and ``export_feedback``.

Made for Swedish Excel: UTF-8 with a BOM and ``;`` between fields (or
commas, RFC 4180, on request), every field quoted, times in Europe/Stockholm
(ISO 8601), personal identity numbers masked, invisible and
direction-changing characters shown as ``[U+202E]``, and every cell that a
spreadsheet could read as a formula prefixed with ``'``. Rows are produced
one at a time from a database iterator, so memory stays flat however many
comments there are.
"""

import csv
import datetime
import itertools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from feedback import hidden
from feedback.models import Comment

# First characters that make a spreadsheet treat a cell as a formula or that
# some spreadsheets strip (RULES 4.1, project rule).
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\0")
BOM = "\ufeff"
CHUNK_SIZE = 2000
BLOCK_SIZE = 64 * 1024
SEPARATORS = {"semicolon": ";", "comma": ","}


def neutralise(value):
    """Return ``value`` as text, with a leading ``'`` if it could start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text and text[0] in FORMULA_TRIGGERS else text


def header():
    """The column names, in the order of :meth:`RowMaker.row`."""
    return [
        _("ID"),
        _("Received"),
        _("Page title"),
        _("Page address"),
        _("Status"),
        _("Comment"),
        _("Flags"),
        _("Handled by"),
        _("Handled at"),
    ]


# Read as plain tuples: building model instances would cost more than the CSV.
COLUMNS = (
    "id",
    "created_at",
    "page_title",
    "page_path",
    "status",
    "text",
    "has_personal_id",
    "mentions_contact_details",
    "has_hidden_characters",
    "handled_by__username",
    "handled_by__first_name",
    "handled_by__last_name",
    "handled_at",
)


class RowMaker:
    """Turns database rows into safe CSV cells; labels and settings are read once."""

    def __init__(self):
        self.zone = ZoneInfo(settings.TIME_ZONE)
        self.site_url = settings.SITE_URL
        self.statuses = {value: str(label) for value, label in Comment.Status.choices}
        labels = (_("personal identity number"), _("contact details"), _("invisible characters"))
        self.flag_labels = {
            flags: ", ".join(label for label, on in zip(labels, flags, strict=True) if on)
            for flags in itertools.product((False, True), repeat=len(labels))
        }

    def local_iso(self, moment):
        return moment.astimezone(self.zone).isoformat(timespec="seconds") if moment else ""

    def row(self, values):
        """One comment (a tuple in :data:`COLUMNS` order) as a list of neutralised cells."""
        (pk, created, title, path, status, text, *flags) = values[:9]
        username, first_name, last_name, handled_at = values[9:]
        handler = f"{first_name or ''} {last_name or ''}".strip() or username or ""
        # Ids and ISO times start with a digit; every text cell is neutralised.
        return [
            pk,
            self.local_iso(created),
            neutralise(hidden.reveal(title)),
            neutralise(self.site_url + path),
            neutralise(self.statuses.get(status, status)),
            neutralise(hidden.masked(text)),
            neutralise(self.flag_labels[tuple(bool(flag) for flag in flags)]),
            neutralise(handler),
            self.local_iso(handled_at),
        ]


class _Echo:
    """A file-like object whose ``write`` hands the line back (csv docs' pattern)."""

    def write(self, value):
        return value


def csv_stream(header_row, rows, separator="semicolon"):
    """Yield an Excel-safe CSV as UTF-8 bytes: BOM and header first, then ``rows``.

    ``rows`` is any iterable of cell lists (consumed lazily, so a database
    iterator keeps memory flat); every cell is neutralised here. Used by the
    comment export and by the events' participant export.
    """
    writer = csv.writer(
        _Echo(),
        delimiter=SEPARATORS.get(separator, ";"),
        quoting=csv.QUOTE_ALL,
        lineterminator="\r\n",
    )
    yield (BOM + writer.writerow([neutralise(cell) for cell in header_row])).encode()
    # Lines are sent in blocks of about 64 kB: fewer, larger writes.
    block, size = [], 0
    for cells in rows:
        line = writer.writerow([neutralise(cell) for cell in cells])
        block.append(line)
        size += len(line)
        if size >= BLOCK_SIZE:
            yield "".join(block).encode()
            block, size = [], 0
    if block:
        yield "".join(block).encode()


def csv_lines(queryset, separator="semicolon"):
    """Yield the comment export as UTF-8 bytes: BOM and header first, then the comments."""
    maker = RowMaker()
    rows = queryset.for_export().values_list(*COLUMNS).iterator(chunk_size=CHUNK_SIZE)
    yield from csv_stream(header(), map(maker.row, rows), separator)


def streamed_response(lines, filename):
    """A streamed CSV download; never cached."""
    from django.http import StreamingHttpResponse

    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def filename(first_day=None, last_day=None, today=None):
    """``kommentarer_2026-01-01_2026-12-31.csv``, or a dated name for a selection."""
    if first_day and last_day:
        return f"kommentarer_{first_day.isoformat()}_{last_day.isoformat()}.csv"
    today = today or datetime.date.today()
    return f"kommentarer_urval_{today.isoformat()}.csv"
