"""Dates and times of events written the Swedish way.

Django's ``sv`` locale supplies the month names; this module only decides
what to repeat and what to leave out, as a Swedish editor would:
"26 oktober 2016 kl. 09.00–16.00", "8–9 maj 2017", "31 maj–1 juni 2017",
"30 december 2017–2 januari 2018".
"""

from django.utils import timezone
from django.utils.dateformat import format as date_format

DASH = "\N{EN DASH}"


def format_time(value):
    """A local time as "09.00" (the Swedish clock format)."""
    return date_format(timezone.localtime(value), "H.i")


def format_time_range(start, end=None):
    """ "09.00–10.30", or just "09.00" when there is no end."""
    if end is None:
        return format_time(start)
    return f"{format_time(start)}{DASH}{format_time(end)}"


def format_date_range(start, end):
    """Describe when an event takes place, in Swedish local time.

    A one-day event gets its times; a longer one gets only its days, with
    the month and year written once when they are shared.
    """
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() == end.date():
        return f"{date_format(start, 'j F Y')} kl. {format_time_range(start, end)}"
    if start.year != end.year:
        first = date_format(start, "j F Y")
    elif start.month != end.month:
        first = date_format(start, "j F")
    else:
        first = date_format(start, "j")
    return f"{first}{DASH}{date_format(end, 'j F Y')}"
