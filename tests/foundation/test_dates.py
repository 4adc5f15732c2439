"""kkn_portal.dates and its filters write exactly what Django's date formats write.

They exist only to be cheaper, so the test is equality with Django over a
long run of instants: both years' DST changes, New Year, every month and
weekday, in Swedish and in English.
"""

import datetime

import pytest
from django.template import Context, Template
from django.utils import dateformat, timezone, translation

from kkn_portal import dates

STEP = datetime.timedelta(hours=7, minutes=13, seconds=17, microseconds=123)
DATE_FORMATS = [
    (dates.day_month, "j F"),
    (dates.long_date, "j F Y"),
    (dates.weekday_date, "l j F Y"),
    (dates.month_year, "F Y"),
    (dates.iso, "c"),
]
TIME_FORMATS = [(dates.clock, "H.i"), (dates.iso, "c")]


def whole_seconds(value):
    """``|iso`` drops microseconds: HTML's ``datetime`` takes at most three decimals."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0)
    return value


def instants():
    """About two years of UTC instants, every 7 h 13 min 17 s, from Christmas 2016."""
    start = datetime.datetime(2016, 12, 25, tzinfo=datetime.UTC)
    return [start + STEP * n for n in range(2 * 365 * 24 // 7)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_local_datetimes_read_as_in_django(language):
    """Every format, for local times on both sides of each DST change."""
    with translation.override(language):
        for instant in instants():
            value = timezone.localtime(instant)
            for function, django_format in DATE_FORMATS + TIME_FORMATS:
                expected = dateformat.format(whole_seconds(value), django_format)
                assert function(value) == expected, value


def test_dates_and_early_years_read_as_in_django():
    """Plain dates and a year below 1000 (zero-padded, as "Y")."""
    for value in [datetime.date(2017, 5, 31), datetime.date(987, 1, 2)]:
        for function, django_format in DATE_FORMATS:
            assert function(value) == dateformat.format(value, django_format)


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2017, 5, 31, 7, 5, 9, 123456, tzinfo=datetime.UTC),
        datetime.datetime(2017, 12, 31, 23, 30, tzinfo=datetime.UTC),  # New Year in Sweden
        datetime.datetime(2017, 5, 31, 7, 5),  # naive
        datetime.date(2017, 5, 31),
        None,
        "",
        "inte ett datum",
    ],
)
def test_filters_render_as_the_date_filter(value):
    """``|long_date`` and ``|iso`` equal ``|date:"j F Y"`` and ``|date:"c"``, converted to local time."""
    ours = Template("{% load portal %}{{ v|long_date }} {{ v|iso }}")
    django = Template('{{ v|date:"j F Y" }} {{ v|date:"c" }}')
    assert ours.render(Context({"v": value})) == django.render(Context({"v": whole_seconds(value)}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(2031, 12, 3, 11, 0, tzinfo=datetime.UTC), "3 december 2031 kl. 12.00"),
        (datetime.datetime(2031, 12, 3, 23, 1, tzinfo=datetime.UTC), "4 december 2031 kl. 00.01"),
        # Swedish midnight: the end of the day before, in summer and in winter time.
        (datetime.datetime(2031, 12, 3, 23, 0, tzinfo=datetime.UTC), "3 december 2031 kl. 24.00"),
        (datetime.datetime(2031, 6, 30, 22, 0, tzinfo=datetime.UTC), "30 juni 2031 kl. 24.00"),
        (datetime.datetime(2031, 12, 31, 23, 0, tzinfo=datetime.UTC), "31 december 2031 kl. 24.00"),
        (None, " kl. "),
    ],
)
def test_a_closing_time_reads_as_a_swedish_deadline(value, expected):
    """``|closing_date`` and ``|closing_time``: midnight is "kl. 24.00" of the day before."""
    template = Template("{% load portal %}{{ v|closing_date }} kl. {{ v|closing_time }}")
    with translation.override("sv"):
        assert template.render(Context({"v": value})) == expected
