"""The visitor's consent: read from and written to the signed consent cookie.

The cookie holds only what RULES 1.3 allows plus a random consent id, which
issue 6 asks for as proof (GDPR art. 7(1)): ``v`` policy version, ``c`` the
accepted optional categories, ``d`` the date of the choice (day precision)
and ``id`` a random UUID drawn fresh for every choice. The id is derived from
nothing (no IP, no time, no user agent) and changes with every new choice,
so it cannot follow a visitor; it only ties the cookie to its
``ConsentRecord``. The value is signed with the secret key (salted), without
a timestamp, so it cannot be forged or edited and reveals only the day.
"""

import datetime
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
_KEYS = {"v", "c", "d", "id"}
_UUID_HEX = re.compile(r"\A[0-9a-f]{32}\Z")


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
    payload = {
        "v": consent.version,
        "c": sorted(consent.categories),
        "d": consent.date.isoformat(),
        "id": consent.consent_id,
    }
    return signing.Signer(salt=SALT).sign_object(payload, compress=False)


def loads(value):
    """Parse a cookie value; anything forged, malformed, expired or outdated is NO_CHOICE."""
    if not value:
        return NO_CHOICE
    try:
        payload = signing.Signer(salt=SALT).unsign_object(value)
        if not isinstance(payload, dict) or set(payload) != _KEYS:
            return NO_CHOICE
        chosen_on = datetime.date.fromisoformat(payload["d"])
        categories = frozenset(payload["c"])
    except (signing.BadSignature, ValueError, TypeError):
        return NO_CHOICE
    today = timezone.localdate()
    if (
        payload["v"] != settings.COOKIE_POLICY_VERSION
        or not chosen_on <= today < chosen_on + VALIDITY
        or not categories <= registry.OPTIONAL_KEYS
        or not isinstance(payload["id"], str)
        or not _UUID_HEX.match(payload["id"])
    ):
        return NO_CHOICE
    return Consent(categories, chosen_on, payload["id"], payload["v"])


def from_request(request):
    """The consent carried by the request's cookie."""
    return loads(request.COOKIES.get(registry.CONSENT_COOKIE_NAME))


def set_cookie(request, response, consent):
    """Store ``consent`` in the response with the attributes RULES 1.3 asks for."""
    response.set_cookie(
        registry.CONSENT_COOKIE_NAME,
        dumps(consent),
        max_age=COOKIE_MAX_AGE,
        path="/",
        secure=settings.HTTPS or request.is_secure(),
        httponly=True,  # only the server reads it
        samesite="Lax",
    )
