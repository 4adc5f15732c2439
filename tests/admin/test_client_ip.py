"""The client address axes uses: X-Forwarded-For only as far as proxies are trusted."""

import pytest
from django.test import RequestFactory

from kkn_portal.client_ip import client_ip


def request_with(remote_addr="10.0.0.2", forwarded=None):
    """A GET request from ``remote_addr`` with an optional X-Forwarded-For."""
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/admin/login/", **extra)


@pytest.mark.parametrize(
    ("proxy_count", "forwarded", "expected"),
    [
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),  # no proxy: the header is the client's word
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "192.0.2.1, 198.51.100.7", "198.51.100.7"),  # left entry is forged
        (2, "192.0.2.1, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer entries than proxies
        (1, "", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "198.51.100.7\x00", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, " , ,198.51.100.7 ", "198.51.100.7"),
    ],
)
def test_client_ip(settings, proxy_count, forwarded, expected):
    """The N-th address from the right with N proxies, REMOTE_ADDR otherwise."""
    settings.TRUSTED_PROXY_COUNT = proxy_count
    assert client_ip(request_with(forwarded=forwarded)) == expected


def test_axes_uses_it(settings):
    """axes resolves the address through our callable, not django-ipware."""
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXY_COUNT = 1
    assert get_client_ip_address(request_with(forwarded="198.51.100.7")) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert get_client_ip_address(request_with(forwarded="198.51.100.7")) == "10.0.0.2"
