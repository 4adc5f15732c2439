"""Dates and times of events written the Swedish way.

Django's ``sv`` locale supplies the month names; this module only decides
what to repeat and what to leave out, as a Swedish editor would:
"26 oktober 2016 kl. 09.00–16.00", "8–9 maj 2017", "31 maj–1 juni 2017",
"30 december 2017–2 januari 2018". The pieces come from
:mod:`kkn_portal.dates` (the same text as Django's date formats, cheaper).
"""

from django.utils import timezone

from kkn_portal import dates

DASH = "\N{EN DASH}"


def format_time(value):
    """A local time as "09.00" (the Swedish clock format)."""
    return dates.clock(timezone.localtime(value))


def format_time_range(start, end=None):
    """ "09.00–10.30", or just "09.00" when there is no end."""
    if end is None:
        return format_time(start)
    return f"{format_time(start)}{DASH}{format_time(end)}"


def format_date_range(start, end, tz=None):
    """Describe when an event takes place, in Swedish local time.

    A one-day event gets its times; a longer one gets only its days, with
    the month and year written once when they are shared. ``tz``: the
    current time zone, when the caller has looked it up already.
    """
    tz = tz or timezone.get_current_timezone()
    start, end = timezone.localtime(start, tz), timezone.localtime(end, tz)
    if start.date() == end.date():
        return f"{dates.long_date(start)} kl. {dates.clock(start)}{DASH}{dates.clock(end)}"
    if start.year != end.year:
        first = dates.long_date(start)
    elif start.month != end.month:
        first = dates.day_month(start)
    else:
        first = str(start.day)
    return f"{first}{DASH}{dates.long_date(end)}"
