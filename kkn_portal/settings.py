"""Settings for KKN-portalen: one module, read from the environment.

Every deploy-specific value comes from an environment variable with a safe
local default (see README.md, "Environment variables", and .env.example).
Production refuses to start without a real SECRET_KEY.
"""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    """Read a boolean flag such as DEBUG=1 / DEBUG=true from the environment."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated list from the environment, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    """Read an integer from the environment."""
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


DEBUG = env_bool("DEBUG")

# A development key exists only with DEBUG=1; anywhere else a missing key is
# a deployment error, not something to paper over with a generated key (which
# would change per worker and break signed cookies).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    from kkn_portal.devkey import development_secret_key

    # Kept in a git-ignored file, so every process of `make run` signs alike.
    SECRET_KEY = development_secret_key(
        Path(os.environ.get("DEV_SECRET_KEY_FILE") or BASE_DIR / ".dev-secret-key")
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site, used where an absolute URL is needed outside
# a request (notification e-mails, CSV export from the shell, calendar files).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "kkn_portal",
    "news",
    "events",
    "feedback",
    "kkn_portal.previews",  # shared preview links for drafts (issue 7)
    # django.contrib.admin with the editorial team's site (kkn_portal/admin_site.py).
    "kkn_portal.apps.KknAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "csp",
    "bootstrap",  # django-bootstrap-static: Bootstrap's CSS as static files
    "crispy_forms",
    "crispy_bootstrap5",
    "django_prose_editor",
    "django_altcha",
    "reversion",  # versions of articles, events and flatpages, restorable in admin
    "imagekit",  # renditions of article and event images (kkn_portal/images)
]

MIDDLEWARE = [
    # Outermost: HEAD answers lose their body whatever produced them.
    "kkn_portal.middleware.HeadWithoutBodyMiddleware",
    # Outside everything else, so every answer carries it: static files,
    # cache hits and refusals too.
    "kkn_portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware so static files get the security headers.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 413/415 from the headers alone, before anything below can read the body
    # (CSRF, the views). After SecurityMiddleware, so refusals carry its
    # headers; neither it nor WhiteNoise ever reads a body.
    "kkn_portal.bodylimit.RequestBodyLimitMiddleware",
    # Maintenance mode: the 503 page before the page cache can serve anything
    # (kkn_portal/maintenance.py says what stays open).
    "kkn_portal.maintenance.MaintenanceMiddleware",
    # Answers anonymous GETs of public pages from the cache before anything
    # below runs (sessions, CSRF, auth, consent); stores what they produce.
    "kkn_portal.pagecache.middleware.PageCacheMiddleware",
    # The one language and time zone, active while a page is made (a hit
    # above needs neither): the same as Django's fallback, found faster.
    "kkn_portal.middleware.SiteLocaleMiddleware",
    # django-csp, plus Cache-Control: private on pages that carry a nonce.
    "kkn_portal.middleware.CSPMiddleware",
    # Strips unconsented Set-Cookie headers: outside the middlewares that
    # set cookies (session, csrf, messages) so it sees their output.
    "kkn_portal.consent.middleware.ConsentMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the site has one language (LANGUAGE_CODE), which
    # Django uses when none is activated, and pages need not vary on it.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires, so it sees the authentication result.
    "axes.middleware.AxesMiddleware",
    # Flatpages without a URL pattern, looked up only when no pattern matched.
    "kkn_portal.middleware.FlatpageFallbackMiddleware",
]

ROOT_URLCONF = "kkn_portal.urls"
WSGI_APPLICATION = "kkn_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kkn_portal.context_processors.site",
                "kkn_portal.consent.context_processors.consent",
            ],
        },
    },
]

# Database: SQLite file in the project folder unless DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        # Reused connections are checked before use, so the site heals itself
        # after a database restart instead of failing one request per worker.
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    # A hung database must not hold a worker until gunicorn kills it.
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env_int("DB_CONNECT_TIMEOUT", 3))
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", f"-c statement_timeout={env_int('DB_STATEMENT_TIMEOUT_MS', 10000)}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared cache: Redis when REDIS_URL is set, otherwise the database cache, so
# rate-limit counters, used captcha challenges, the content version and
# rendered pages are shared by all workers and machines.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's backend with one client per process (kkn_portal/redis_cache.py).
            "BACKEND": "kkn_portal.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kkn",
            # An unreachable Redis must fail fast: pages are then rendered uncached.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kkn_cache",
        }
    }

# Whole public pages for anonymous visitors (kkn_portal.pagecache): in each
# process's memory (an LRU bounded in entries and megabytes) and in the
# shared cache. Safe because every key holds the content version.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_MAX_ENTRIES = env_int("PAGE_CACHE_MAX_ENTRIES", 500)
PAGE_CACHE_MAX_MB = env_int("PAGE_CACHE_MAX_MB", 64)
# Old versions' pages simply age out of the shared cache.
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 24 * 60 * 60)
# How long browsers (max-age) and shared caches such as the proxy (s-maxage)
# may use a public page without asking again: an edit is visible everywhere
# within their sum (README, "Caching").
PAGE_MAX_AGE = env_int("PAGE_MAX_AGE", 60)
PAGE_S_MAXAGE = env_int("PAGE_S_MAXAGE", 30)
# Each process reads the shared content version at most this often (seconds).
CONTENT_VERSION_MEMO_SECONDS = float(os.environ.get("CONTENT_VERSION_MEMO_SECONDS") or 1.0)

AUTHENTICATION_BACKENDS = [
    # django-axes must come first to refuse locked-out logins.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Swedish only, times stored in UTC, shown in Stockholm.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Static files: whitenoise serves them, hashed and compressed in production.
# Hashed names get "max-age=315360000, public, immutable" from whitenoise;
# unhashed names keep its 60 s default, so WHITENOISE_MAX_AGE stays unset.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "kkn_portal.staticfiles.ManifestStorage"
        )
    },
}

# Request size: a comment is at most 2 000 characters and an article image a
# web-sized picture. One limit for the whole body, files included, checked
# from Content-Length before anything is read (kkn_portal/bodylimit.py); the
# proxy's client_max_body_size is the same 1m. DATA_UPLOAD_MAX_MEMORY_SIZE is
# the variable's earlier name, still read.
MAX_REQUEST_BODY_SIZE = env_int(
    "MAX_REQUEST_BODY_SIZE", env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_SIZE
# The admin takes images of up to IMAGE_MAX_BYTES (10 MB) plus the form
# around them: its bodies may be 12 MB (nginx: the /admin/ location's
# client_max_body_size 12m). Every other address keeps the 1 MB limit.
ADMIN_MAX_REQUEST_BODY_SIZE = env_int("ADMIN_MAX_REQUEST_BODY_SIZE", 12 * 1024 * 1024)
# Equal to the admin's body limit, so an accepted upload always stays in
# memory and nothing is ever written to a temporary file.
FILE_UPLOAD_MAX_MEMORY_SIZE = ADMIN_MAX_REQUEST_BODY_SIZE
# The only addresses that take files (multipart bodies): the admin's article
# and event images. Everything else answers a multipart body with 415.
FILE_UPLOAD_PATHS = ["/admin/"]

# Uploaded images (kkn_portal/images): decoded and re-encoded before they are
# stored; larger files or more pixels are refused with a Swedish message.
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
# Renditions are written when an image is saved; a page asking for a
# rendition's URL then needs no existence check (no file or cache access).
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"

# E-mail. EMAIL_TIMEOUT is short: a slow mail server must never hold a worker.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 5)
# The file backend (django.core.mail.backends.filebased.EmailBackend) writes
# each message to a file in this folder instead of sending it, e.g. on a
# staging server. In a container it must be a writable volume or /tmp.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
elif EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend":
    raise ImproperlyConfigured("EMAIL_FILE_PATH must be set for the file e-mail backend.")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "KKN-portalen <noreply@example.se>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------
# Behind a TLS-terminating proxy, name the header it sets, e.g.
# SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(env_list("SECURE_PROXY_SSL_HEADER"))[:2]

HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# Health checks come from the load balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
# Only a signal of consent: nothing is preloaded until the domain owner submits
# the registrable domain at hstspreload.org. Set 0 to withhold that consent.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the site never uses, off for its pages and any frame in
# them (issue 16). Only names Chromium knows: each unknown one is a console
# warning on every page (tests/browser/test_permissions_policy.py). The
# admin's editor needs none of them (its "fullscreen" is a CSS class; it
# reads the clipboard from paste events).
PERMISSIONS_POLICY = dict.fromkeys(
    (
        "accelerometer autoplay browsing-topics camera display-capture "
        "encrypted-media fullscreen geolocation gyroscope hid idle-detection magnetometer "
        "microphone midi payment picture-in-picture publickey-credentials-get "
        "screen-wake-lock serial usb xr-spatial-tracking"
    ).split(),
    (),
)

# The __Host- prefix binds a cookie to this exact host over HTTPS; browsers
# refuse it over plain HTTP, so it is used only when HTTPS is on.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A session cookie, not a year-long one: it only guards the form being filled in.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "kkn_portal.views.csrf_failure"
# Staff sessions end after 8 hours without activity.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
# Anonymous flash messages would need a cookie; keep them in the session,
# which only logged-in staff and form submitters ever get.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Content-Security-Policy (django-csp 4): nothing inline without a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        # ALTCHA solves its proof of work in a Web Worker created from a blob.
        "worker-src": [SELF, "blob:"],
    },
}

# --- Maintenance mode (kkn_portal/maintenance.py) ---------------------------
# On: every public request gets the Swedish 503; /healthz and the admin stay.
MAINTENANCE_MODE = env_bool("MAINTENANCE_MODE")
# Or while this file exists (checked per request: no restart needed).
MAINTENANCE_FILE = os.environ.get("MAINTENANCE_FILE", "")
# Seconds clients and crawlers are asked to wait (Retry-After).
MAINTENANCE_RETRY_AFTER = env_int("MAINTENANCE_RETRY_AFTER", 300)

# --- Login lockout (django-axes) -------------------------------------------
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
# Lock the pair, so an attacker cannot lock an editor out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
# Number of reverse proxies in front of the app that append to X-Forwarded-For
# (e.g. 1 for one nginx). 0: use REMOTE_ADDR and ignore the spoofable header.
# The same variable sets FEEDBACK_PROXY_COUNT (the comment rate limit).
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
# django-ipware is not installed, so axes' AXES_IPWARE_* settings do nothing.
# The lockout counts IPv6 clients by /64, like every other limit (issue 16).
AXES_CLIENT_IP_CALLABLE = "kkn_portal.client_ip.client_group"
AXES_VERBOSE = False

# --- Forms ------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Feature settings (one block per app) ----------------------------------
# Cookie consent (kkn_portal.consent)
# Bump when the cookie list or its texts change: every visitor is asked again.
COOKIE_POLICY_VERSION = os.environ.get("COOKIE_POLICY_VERSION") or "1"
# Part of the readable consent cookie and of ConsentRecord.policy_version.
if not re.fullmatch(r"[A-Za-z0-9_-]{1,50}", COOKIE_POLICY_VERSION):
    raise ImproperlyConfigured("COOKIE_POLICY_VERSION must be 1-50 letters, digits, '-' or '_'.")
# Consent choices per client (IPv6 by /64), counted in the shared cache like
# comments: one visitor chooses about twice a year, so this only stops a
# script from filling ConsentRecord; an office behind one address still fits.
CONSENT_RATE_LIMIT = os.environ.get("CONSENT_RATE_LIMIT", "20/m,500/d")
# Days a ConsentRecord (the proof of a choice) is kept: the choice's own 180
# days plus a year in which the visitor or a supervisory authority may still
# ask what was agreed to (README, "Cookie consent"). 0 keeps every record.
CONSENT_RECORD_RETENTION_DAYS = env_int("CONSENT_RECORD_RETENTION_DAYS", 180 + 365)
# Matomo statistics, off unless both are set: the Matomo base URL and site id.
STATISTICS_SNIPPET_URL = os.environ.get("STATISTICS_SNIPPET_URL", "")
STATISTICS_SITE_ID = os.environ.get("STATISTICS_SITE_ID", "")
if STATISTICS_SNIPPET_URL and STATISTICS_SITE_ID:
    # matomo.js and its tracking requests come from the Matomo host.
    _statistics_origin = "/".join(STATISTICS_SNIPPET_URL.split("/")[:3])
    for _directive in ("script-src", "img-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(_statistics_origin)

# Event registration (anmälan, events/registration/)
# Sign-ups per client address (hashed, in the shared cache): per minute and per day.
REGISTRATION_RATE_LIMIT = os.environ.get("REGISTRATION_RATE_LIMIT", "5/m,30/d")
# Days after an event's end before purge_registrations deletes its registrations.
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 90)
# Confirmation e-mails from a background thread (tests switch it off to read the outbox).
REGISTRATION_MAIL_IN_BACKGROUND = env_bool("REGISTRATION_MAIL_IN_BACKGROUND", True)

# Page comments (feedback)
# Where a visitor writes for an answer: comments get none (webbriktlinjer R38).
# Shown with the comment form and in the footer; set it to a real mailbox.
FEEDBACK_REPLY_ADDRESS = os.environ.get("FEEDBACK_REPLY_ADDRESS", "webbredaktionen@example.se")
# Where the "new comment" e-mail goes (comma-separated); empty: no e-mail.
FEEDBACK_NOTIFY_EMAILS = env_list("FEEDBACK_NOTIFY_EMAILS")
# Send the notification from a background thread, so a slow mail server
# never delays the visitor's answer (tests switch it off to read the outbox).
FEEDBACK_NOTIFY_IN_BACKGROUND = env_bool("FEEDBACK_NOTIFY_IN_BACKGROUND", True)
# Mask personnummer before storing, only if the archive decision allows it.
FEEDBACK_MASK_ON_STORE = env_bool("FEEDBACK_MASK_ON_STORE")
# Comments are public records: nothing is purged unless a retention is set.
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 0) or None
# The archive decision (gallringsbeslut) behind the retention, for the purge log.
FEEDBACK_RETENTION_DECISION = os.environ.get("FEEDBACK_RETENTION_DECISION", "")
# Posts per client address (hashed, in the shared cache): per minute and per day.
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "5/m,50/d")
# Exports with more rows than this run as a background job (feedback/export_jobs.py),
# written to a private folder: never under MEDIA_ROOT, which the proxy serves.
FEEDBACK_EXPORT_BACKGROUND_ROWS = env_int("FEEDBACK_EXPORT_BACKGROUND_ROWS", 100_000)
FEEDBACK_EXPORT_ROOT = Path(os.environ.get("FEEDBACK_EXPORT_ROOT", BASE_DIR / "exports"))
# Answers to "Hjälpte informationen dig?" per client address, the same way.
FEEDBACK_HELPFUL_RATE_LIMIT = os.environ.get("FEEDBACK_HELPFUL_RATE_LIMIT", "10/m,100/d")
ALTCHA_HMAC_KEY = os.environ.get("ALTCHA_HMAC_KEY", SECRET_KEY)
# A challenge is valid for 20 minutes (ALTCHA's recommendation) and used once.
ALTCHA_CHALLENGE_EXPIRE = 20 * 60 * 1000
# Proof-of-work size: about a second on an ordinary phone.
FEEDBACK_ALTCHA_MAX_NUMBER = env_int("FEEDBACK_ALTCHA_MAX_NUMBER", 100_000)
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
RECAPTCHA_DOMAIN = os.environ.get("RECAPTCHA_DOMAIN", "www.google.com")
# Well below gunicorn's 30 s timeout, together with EMAIL_TIMEOUT (RULES C3.7).
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 5
RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
if RECAPTCHA_ENABLED:
    INSTALLED_APPS.append("django_recaptcha")
    # Google's script and frame hosts, only when reCAPTCHA is configured.
    _csp = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    _csp["script-src"] = [
        *_csp["script-src"],
        f"https://{RECAPTCHA_DOMAIN}/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
    ]
    _csp["frame-src"] = [
        f"https://{RECAPTCHA_DOMAIN}/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ]

# --- Logging: everything to stdout, where the container runtime collects it.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
        # A logger with no handler at all falls back to logging.lastResort,
        # which prints to stderr; a NullHandler really discards.
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # Unknown hosts are noise from scanners, not errors.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
    },
}
