"""The visitor's consent: read from and written to the signed consent cookie.

The cookie holds only what RULES 1.3 allows plus a random consent id, which
issue 6 asks for as proof (GDPR art. 7(1)): the policy version, the
accepted optional categories, the date of the choice (day precision) and a
random UUID drawn fresh for every choice. The id is derived from nothing
(no IP, no time, no user agent) and changes with every new choice, so it
cannot follow a visitor; it only ties the cookie to its ``ConsentRecord``.

The value is readable text, signed with the secret key (salted, no
timestamp), so it cannot be forged or edited::

    <version>.<categories joined by "+", or "-">.<YYYYMMDD>.<id>:<signature>

Version and categories come first so a reverse proxy can key cached pages
on them (``Consent.variant``; deploy/nginx.conf) without knowing the key.
"""

import datetime
import functools
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.utils import timezone

from . import registry

SALT = "kkn_portal.consent.cookie"
# How long a choice is valid: 6 months, the strictest widely cited value (RULES R1.9).
VALIDITY = datetime.timedelta(days=180)
COOKIE_MAX_AGE = int(VALIDITY.total_seconds())
_UUID_HEX = re.compile(r"\A[0-9a-f]{32}\Z")
_DATE = re.compile(r"\A\d{8}\Z")
# Cookie-safe and free of the separators above (settings.py enforces it too).
VERSION_PATTERN = re.compile(r"\A[A-Za-z0-9_-]{1,50}\Z")
NO_CATEGORIES = "-"


@dataclass(frozen=True)
class Consent:
    """What the visitor has agreed to; ``date is None`` means no choice yet."""

    categories: frozenset = field(default_factory=frozenset)
    date: datetime.date | None = None
    consent_id: str = ""
    version: str = ""

    @property
    def has_chosen(self):
        """Whether a valid choice exists (otherwise the banner is shown)."""
        return self.date is not None

    def allows(self, category):
        """Whether cookies of ``category`` may be set; necessary ones always may."""
        return category == registry.NECESSARY or category in self.categories

    @property
    def allowed(self):
        """``{category key: bool}`` for templates: ``{% if consent.allowed.statistik %}``."""
        return {key: self.allows(key) for key in registry.CATEGORY_KEYS}

    @property
    def accepted_categories(self):
        """The accepted categories as objects, in display order, necessary first."""
        return [category for category in registry.CATEGORIES if self.allows(category.key)]

    @property
    def variant(self):
        """What pages may differ by: ``"-"`` before a choice, else version and categories.

        The same string a reverse proxy reads from the front of the cookie.
        """
        if not self.has_chosen:
            return "-"
        return f"{self.version}.{'+'.join(sorted(self.categories)) or NO_CATEGORIES}"

    @property
    def display_id(self):
        """The consent id as written in admin: a dashed UUID."""
        return str(uuid.UUID(self.consent_id)) if self.consent_id else ""

    @property
    def expires_on(self):
        """The last day the choice is valid, after which the banner asks again."""
        return self.date + VALIDITY - datetime.timedelta(days=1) if self.date else None

    @classmethod
    def new(cls, categories):
        """A fresh choice made today, with a new random consent id."""
        return cls(
            categories=frozenset(categories) & registry.OPTIONAL_KEYS,
            date=timezone.localdate(),
            consent_id=uuid.uuid4().hex,
            version=settings.COOKIE_POLICY_VERSION,
        )


NO_CHOICE = Consent()


def dumps(consent):
    """The signed cookie value for ``consent``."""
    value = ".".join((consent.variant, consent.date.strftime("%Y%m%d"), consent.consent_id))
    return signing.Signer(salt=SALT).sign(value)


@functools.lru_cache(maxsize=2048)
def _verified(value, secret_key):
    """``(version, categories, date, id)`` from a cookie value, or None if it is not ours.

    Memoised: a visitor sends the same value with every request for months,
    and checking a signature costs more than serving a cached page.
    ``secret_key`` is part of the memo key only.
    """
    try:
        text = signing.Signer(salt=SALT).unsign(value)
    except signing.BadSignature:
        return None
    parts = text.split(".")
    if len(parts) != 4:
        return None
    version, joined, day, consent_id = parts
    categories = frozenset() if joined == NO_CATEGORIES else frozenset(joined.split("+"))
    if (
        not VERSION_PATTERN.match(version)
        or not categories <= registry.OPTIONAL_KEYS
        or (joined != NO_CATEGORIES and joined != "+".join(sorted(categories)))
        or not _DATE.match(day)
        or not _UUID_HEX.match(consent_id)
    ):
        return None
    try:
        chosen_on = datetime.datetime.strptime(day, "%Y%m%d").date()
    except ValueError:
        return None
    return version, categories, chosen_on, consent_id


def loads(value):
    """Parse a cookie value; anything forged, malformed, expired or outdated is NO_CHOICE."""
    if not value or len(value) > 200:
        return NO_CHOICE
    verified = _verified(value, settings.SECRET_KEY)
    if verified is None:
        return NO_CHOICE
    version, categories, chosen_on, consent_id = verified
    today = timezone.localdate()
    if version != settings.COOKIE_POLICY_VERSION or not chosen_on <= today < chosen_on + VALIDITY:
        return NO_CHOICE
    return Consent(categories, chosen_on, consent_id, version)


def from_request(request):
    """The consent carried by the request's cookie."""
    return loads(request.COOKIES.get(registry.CONSENT_COOKIE_NAME))


def _written_once_and_plainly(raw_header, value):
    """Whether the Cookie header holds exactly one ``kkn_consent=<value>``, written as we write it.

    A proxy reads the raw header (names case-insensitively, the first of
    several), Django the parsed cookies (names exactly, the last, spaces
    trimmed, quotes removed); only a single plain cookie means the same to both.
    """
    name = registry.CONSENT_COOKIE_NAME
    pairs = [part.strip() for part in raw_header.split(";")]
    named = [pair for pair in pairs if pair.partition("=")[0].strip().lower() == name]
    return named == [f"{name}={value}"]


def from_request_checked(request):
    """``(consent, trusted)``: trusted unless the request carries a cookie that is not valid.

    A reverse proxy keys pages on the front of the raw cookie without
    checking its signature, so a page rendered for a forged, outdated or
    expired cookie, or for a header a proxy could read otherwise than we do
    (two consent cookies, odd case, spaces or quotes), must not be stored
    under that key.
    """
    value = request.COOKIES.get(registry.CONSENT_COOKIE_NAME)
    raw = request.META.get("HTTP_COOKIE", "")
    if not value:
        return NO_CHOICE, registry.CONSENT_COOKIE_NAME not in raw.lower()
    consent = loads(value)
    return consent, consent.has_chosen and _written_once_and_plainly(raw, value)


def seconds_left(consent, now=None):
    """Seconds until the local midnight at which ``loads`` stops accepting ``consent``.

    The cookie's ``Max-Age`` ends exactly then, so no browser sends a choice
    the site no longer counts (a proxy would otherwise serve it the page
    without the banner for up to a day).
    """
    end = datetime.datetime.combine(consent.date + VALIDITY, datetime.time.min)
    end = timezone.make_aware(end)
    return max(0, min(COOKIE_MAX_AGE, int((end - (now or timezone.now())).total_seconds())))


def set_cookie(request, response, consent):
    """Store ``consent`` in the response with the attributes RULES 1.3 asks for."""
    response.set_cookie(
        registry.CONSENT_COOKIE_NAME,
        dumps(consent),
        max_age=seconds_left(consent),
        path="/",
        secure=settings.HTTPS or request.is_secure(),
        httponly=True,  # only the server reads it
        samesite="Lax",
    )
