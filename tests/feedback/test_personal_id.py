"""Personnummer and samordningsnummer detection and masking (RULES C5.4)."""

import pytest

from feedback.personal_id import (
    MASK,
    contains_personal_id,
    find_personal_ids,
    luhn_check_digit,
    mask_personal_ids,
)


def test_luhn_matches_skatteverkets_example():
    """Skatteverket's worked example 640823-3234 has check digit 4."""
    assert luhn_check_digit("640823323") == 4


@pytest.mark.parametrize(
    "text",
    [
        "640823-3234",  # 10 digits with -
        "640823+3234",  # 10 digits with + (100 years or older)
        "6408233234",  # no separator
        "196408233234",  # 12 digits
        "19640823-3234",  # 12 digits with -
        "640883-3231",  # samordningsnummer: day 23 + 60
        "Mitt nummer är 640823-3234, ring mig.",  # inside a sentence
    ],
)
def test_valid_numbers_are_found(text):
    """Valid personnummer and samordningsnummer in every written form are detected."""
    assert contains_personal_id(text)


@pytest.mark.parametrize(
    "text",
    [
        "640823-3235",  # wrong check digit
        "641323-3231",  # month 13
        "640832-3232",  # day 32
        "640892-3233",  # samordningsnummer with day 32 (92 - 60)
        "070-123 45 67",  # phone number
        "0701234567 är mitt nummer",  # phone number (fails the date or check)
        "2026-08-23T12:00:00",  # ISO date with time
        "2016-10-26 10:00",  # date and time
        "1234567890123",  # 13 digits: part of a longer number
        "Ordernummer 98765432",  # 8 digits
        "",
    ],
)
def test_invalid_numbers_and_look_alikes_are_ignored(text):
    """Numbers failing the date or Luhn check, phone numbers and dates are not flagged."""
    assert not contains_personal_id(text)


def test_mask_replaces_only_valid_numbers():
    """Valid numbers become the mask; invalid ones and the rest of the text stay."""
    text = "Giltigt 640823-3234, ogiltigt 640823-3235 och 196408233234."
    assert mask_personal_ids(text) == f"Giltigt {MASK}, ogiltigt 640823-3235 och {MASK}."


def test_find_returns_the_numbers_as_written():
    """The finder returns each valid number exactly as it appears."""
    assert find_personal_ids("a 640823-3234 b 640883-3231") == ["640823-3234", "640883-3231"]


def test_leap_day_is_valid_in_either_century():
    """29 February in year 00 is a real date (2000), so it is not rejected."""
    nine = "000229123"
    number = f"000229-123{luhn_check_digit(nine)}"
    assert contains_personal_id(number)
