"""The site's few date formats, written straight from a date's fields.

Django's ``date`` filter and ``dateformat.format`` parse the format string,
build a formatter and look up the language on every call: in a list of
twenty events that was a tenth of the page. These functions give exactly
the same text as ``dateformat.format`` with the format named in each
docstring (tests/foundation/test_dates.py compares them over years of
dates), with Django's own month and weekday names, so the active language
still decides the words.

They take local values: convert with ``timezone.localtime`` first, or use
the template filters ``long_date`` and ``iso`` (``portal`` tags), which the
template engine converts, as it does for ``date``.
"""

import datetime

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext


def day_month(value):
    """``"j F"``: "31 maj"."""
    return f"{value.day} {MONTHS[value.month]}"


def long_date(value):
    """``"j F Y"``: "31 maj 2017"."""
    return f"{value.day} {MONTHS[value.month]} {value.year:04d}"


def weekday_date(value):
    """``"l j F Y"``: "onsdag 31 maj 2017"."""
    return f"{WEEKDAYS[value.weekday()]} {long_date(value)}"


def month_year(value):
    """``"F Y"``: "maj 2017"."""
    return f"{MONTHS[value.month]} {value.year:04d}"


def clock(value):
    """``"H.i"``: "09.05", the Swedish way of writing a time."""
    return f"{value.hour:02d}.{value.minute:02d}"


def closing(value):
    """An aware closing time as ``(local date, clock)``: "Sista anmälan 3 december kl. 12.00".

    A closing at midnight is written as the end of the day before, "kl.
    24.00" (the Swedish way for a deadline): "4 december kl. 00.00" reads as
    if the 4th were still open.
    """
    local = timezone.localtime(value)
    if local.time() == datetime.time.min:
        return local.date() - datetime.timedelta(days=1), "24.00"
    return local.date(), clock(local)


def iso(value):
    """``"c"`` in whole seconds: ISO 8601 as ``<time datetime>`` takes it (at most 3 decimals)."""
    if isinstance(value, datetime.datetime):
        value = value.replace(microsecond=0)
    return value.isoformat()


def moment(value, today=None):
    """An aware instant in Swedish prose: "3 december kl. 08.00" ("… 2027 kl. …" in another year).

    The one time format for editors' messages and admin columns, matching
    the public pages ("kl. 08.00", never "08:00").
    """
    local = timezone.localtime(value)
    today = today or timezone.localdate()
    day = day_month(local) if local.year == today.year else long_date(local)
    return gettext("%(date)s at %(time)s") % {"date": day, "time": clock(local)}
