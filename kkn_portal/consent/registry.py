"""Every cookie and browser storage key the site uses, declared in one place.

The registry is code, not database rows, on purpose: the middleware looks up
every ``Set-Cookie`` name on every response and must do no database work per
request (STYLE 17), and a change to the list is a change to the site's
behaviour that belongs in version control next to ``COOKIE_POLICY_VERSION``
(the record of what visitors were told, RULES 1.3). When you add, remove or
change an entry in a way visitors should know about, bump
``COOKIE_POLICY_VERSION`` so everyone is asked again.

``/cookies/`` renders the entries whose integration is switched on; the
middleware knows all of them, so a cookie from a switched-off service is
still classified (and stripped without consent) rather than reported unknown.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

NECESSARY = "nodvandiga"
STATISTICS = "statistik"
EXTERNAL = "externa"

# Name of the cookie that stores the visitor's choice (see consent.state).
CONSENT_COOKIE_NAME = "kkn_consent"

# Kinds of storage: the cookie rule (LEK 9:28) also covers Web Storage.
COOKIE = "cookie"
LOCAL_STORAGE = "localStorage"
SESSION_STORAGE = "sessionStorage"
STORAGE_LABELS = {
    COOKIE: _("Cookie"),
    LOCAL_STORAGE: _("Local storage"),
    SESSION_STORAGE: _("Session storage"),
}


@dataclass(frozen=True)
class Category:
    """A group of cookies the visitor accepts or declines as a whole."""

    key: str
    label: str
    description: str
    required: bool = False


@dataclass(frozen=True)
class Cookie:
    """One cookie (or storage key) with what PTS says visitors must be told.

    ``prefix`` marks names that continue with a variable part, as Matomo's
    ``_pk_id.<site>.<hash>``. ``in_use`` says whether the integration that
    sets it is switched on, so the cookie page lists only what is used.
    """

    name: str
    provider: str
    purpose: str
    duration: str
    category: str
    third_party: bool = False
    prefix: bool = False
    storage: str = COOKIE
    in_use: bool = True

    @property
    def display_name(self):
        """The name as shown on the cookie page; ``*`` stands for the variable part."""
        return f"{self.name}*" if self.prefix else self.name

    @property
    def storage_label(self):
        """Swedish name of the kind of storage."""
        return STORAGE_LABELS[self.storage]

    def matches(self, name):
        """Whether a cookie called ``name`` is this entry."""
        return name.startswith(self.name) if self.prefix else name == self.name


CATEGORIES = (
    Category(
        NECESSARY,
        _("Necessary"),
        _(
            "Needed for the website to work and to remember your cookie choice. "
            "They are always on and need no consent."
        ),
        required=True,
    ),
    Category(
        STATISTICS,
        _("Statistics"),
        _("Let us count visits and see which pages are used, so that we can improve the website."),
    ),
    Category(
        EXTERNAL,
        _("External services"),
        _(
            "Services from other companies that we use on the website, such as "
            "Google's spam protection reCAPTCHA on the comment form. The company "
            "can then set and read its own cookies."
        ),
    ),
)
CATEGORY_KEYS = frozenset(category.key for category in CATEGORIES)
OPTIONAL_KEYS = frozenset(category.key for category in CATEGORIES if not category.required)


def get_category(key):
    """The category with this key (KeyError for unknown keys)."""
    return next(category for category in CATEGORIES if category.key == key)


def optional_categories():
    """Categories the visitor chooses, in display order."""
    return [category for category in CATEGORIES if not category.required]


def _hours(seconds):
    hours = max(1, seconds // 3600)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def cookies():
    """All registry entries, built from the current settings.

    Built per call (a dozen small objects) rather than at import, so the
    names follow ``CSRF_COOKIE_NAME``/``SESSION_COOKIE_NAME`` (``__Host-``
    over HTTPS) and ``override_settings`` in tests.
    """
    site = _("KKN-portalen (Region Norrbotten)")
    matomo = _("Matomo, the website's statistics tool")
    google = _("Google (reCAPTCHA)")
    statistics_on = bool(settings.STATISTICS_SNIPPET_URL and settings.STATISTICS_SITE_ID)
    recaptcha_on = bool(getattr(settings, "RECAPTCHA_ENABLED", False))
    return [
        Cookie(
            CONSENT_COOKIE_NAME,
            site,
            _(
                "Remembers your cookie choice: the categories you accepted, the "
                "version of this cookie information, the date of your choice and a "
                "random consent number. The number is not linked to you; it lets us "
                "show what was agreed to if the choice is ever questioned."
            ),
            _("6 months"),
            NECESSARY,
        ),
        Cookie(
            settings.CSRF_COOKIE_NAME,
            site,
            _(
                "Protects the login to the administration against forged submissions "
                "from other websites. Set only for editors and staff, when they log in."
            ),
            _("Until you close the browser"),
            NECESSARY,
        ),
        Cookie(
            settings.SESSION_COOKIE_NAME,
            site,
            _(
                "Keeps editors and staff logged in to the administration. Visitors of "
                "the public pages never get it."
            ),
            _hours(settings.SESSION_COOKIE_AGE),
            NECESSARY,
        ),
        Cookie(
            "_pk_id.",
            matomo,
            _("Tells visits from the same browser apart so that we can count visitors."),
            _("6 months"),
            STATISTICS,
            prefix=True,
            in_use=statistics_on,
        ),
        Cookie(
            "_pk_ses.",
            matomo,
            _("Connects the pages you view during one visit."),
            _("30 minutes"),
            STATISTICS,
            prefix=True,
            in_use=statistics_on,
        ),
        Cookie(
            "_pk_ref.",
            matomo,
            _("Remembers which website you came from."),
            _("6 months"),
            STATISTICS,
            prefix=True,
            in_use=statistics_on,
        ),
        Cookie(
            "_pk_testcookie",
            matomo,
            _("Checks whether the browser accepts cookies."),
            _("Deleted at once"),
            STATISTICS,
            prefix=True,
            in_use=statistics_on,
        ),
        Cookie(
            "_GRECAPTCHA",
            google,
            _("Google's risk analysis that tells people from spam robots on the comment form."),
            _("6 months"),
            EXTERNAL,
            third_party=True,
            in_use=recaptcha_on,
        ),
        Cookie(
            "rc::a",
            google,
            _("Google's spam protection: tells people from robots across visits."),
            _("Until you clear the browser's data"),
            EXTERNAL,
            third_party=True,
            storage=LOCAL_STORAGE,
            in_use=recaptcha_on,
        ),
        Cookie(
            "rc::c",
            google,
            _("Google's spam protection: tells people from robots during one visit."),
            _("Until you close the browser"),
            EXTERNAL,
            third_party=True,
            storage=SESSION_STORAGE,
            in_use=recaptcha_on,
        ),
    ]


def find(name):
    """The registry entry for an HTTP cookie called ``name``, or None."""
    return next(
        (entry for entry in cookies() if entry.storage == COOKIE and entry.matches(name)),
        None,
    )


def cookies_in_use():
    """Entries to list on the cookie page, necessary ones first."""
    order = {category.key: index for index, category in enumerate(CATEGORIES)}
    return sorted(
        (entry for entry in cookies() if entry.in_use), key=lambda entry: order[entry.category]
    )
