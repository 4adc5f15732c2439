"""The production static-file storage (kkn_portal.staticfiles): the manifest's URLs, kept."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from kkn_portal.staticfiles import ManifestStorage

HASHED = "css/site.0123456789ab.css"


@pytest.fixture
def storage(tmp_path):
    """The storage over a collected folder whose manifest names one file."""
    manifest = {"version": "1.1", "hash": "0", "paths": {"css/site.css": HASHED}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return ManifestStorage(location=tmp_path, base_url="/static/")


def test_url_is_the_manifests_hashed_name(storage):
    """The same URL as WhiteNoise's storage gives."""
    assert storage.url("css/site.css") == f"/static/{HASHED}"


def test_url_is_worked_out_once(storage, monkeypatch):
    """The second {% static %} of a name asks the manifest nothing."""
    storage.url("css/site.css")
    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", pytest.fail)
    assert storage.url("css/site.css") == f"/static/{HASHED}"


def test_a_name_missing_from_the_manifest_still_fails_every_time(storage):
    """No URL is kept for a file collectstatic never saw: each use raises, as before."""
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
