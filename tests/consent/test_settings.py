"""The cookie-consent settings block: statistics CSP and a sane policy version."""

import runpy

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def load_settings(monkeypatch, **env):
    """Run the settings module afresh with ``env`` added to the environment."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(settings.BASE_DIR / "kkn_portal" / "settings.py"))


def test_statistics_host_is_allowed_by_csp_only_when_configured(monkeypatch):
    """matomo.js and its beacons may load from the Matomo host, and only then."""
    directives = load_settings(monkeypatch)["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "https://matomo.example.se" not in directives["script-src"]
    configured = load_settings(
        monkeypatch,
        STATISTICS_SNIPPET_URL="https://matomo.example.se/stats/",
        STATISTICS_SITE_ID="3",
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for directive in ("script-src", "img-src", "connect-src"):
        assert "https://matomo.example.se" in configured[directive]
    assert "https://matomo.example.se" not in configured["frame-src"]


def test_policy_version_must_fit_the_record(monkeypatch):
    """An over-long COOKIE_POLICY_VERSION stops the site at start-up."""
    with pytest.raises(ImproperlyConfigured):
        load_settings(monkeypatch, COOKIE_POLICY_VERSION="x" * 51)


def test_empty_policy_version_means_the_default(monkeypatch):
    """``COOKIE_POLICY_VERSION=`` (set but empty) is version "1", not a crash."""
    assert load_settings(monkeypatch, COOKIE_POLICY_VERSION="")["COOKIE_POLICY_VERSION"] == "1"
