"""Test settings: the real settings module with a short list of overrides."""

import os
import tempfile
from pathlib import Path

# Set before the settings module reads the environment.
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ["HTTPS"] = "0"  # the test client and live server speak plain HTTP

from kkn_portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Every request reads the content version (the shared cache is cleared
# between tests); tests of the memo set it themselves.
CONTENT_VERSION_MEMO_SECONDS = 0
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SITE_URL = "http://testserver"
# Serve static files straight from the app folders, as in development; there
# is no collected STATIC_ROOT in a test run.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Notifications synchronously, so tests can read mail.outbox right away
# (tests/feedback/test_notify.py checks the background path on its own).
FEEDBACK_NOTIFY_IN_BACKGROUND = False
REGISTRATION_MAIL_IN_BACKGROUND = False
# Uploads (demo pictures, test images) never land in the working tree.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kkn-test-media-"))
