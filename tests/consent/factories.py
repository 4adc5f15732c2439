"""Builders for consent cookies and same-origin consent posts."""

import uuid

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from kkn_portal.consent import registry, state

# What a browser sends with a form post from one of the site's own pages.
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def make_consent(categories=(), chosen_on=None, version=None, consent_id=None):
    """A Consent as the views would make it, with any field overridden."""
    return state.Consent(
        categories=frozenset(categories),
        date=chosen_on or timezone.localdate(),
        consent_id=consent_id or uuid.uuid4().hex,
        version=settings.COOKIE_POLICY_VERSION if version is None else version,
    )


def give_consent(client, categories=(), **overrides):
    """Put a valid consent cookie for ``categories`` on the test client."""
    client.cookies[registry.CONSENT_COOKIE_NAME] = state.dumps(
        make_consent(categories, **overrides)
    )


def post_choice(client, url_name, data=None, **headers):
    """POST a consent form the way the site's own page would."""
    return client.post(reverse(url_name), data or {}, **{**SAME_ORIGIN, **headers})


def consent_from(response):
    """Parse the consent cookie a response sets."""
    return state.loads(response.cookies[registry.CONSENT_COOKIE_NAME].value)
