"""The JSON of the pages' structured data (kkn_portal.jsonld): safe inside <script>."""

import json
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString

from kkn_portal.jsonld import script_json

HOSTILE = '</script><script>alert(1)</script> "citat" & <!-- å -->'


def test_nothing_can_close_the_script_or_open_a_comment():
    """No <, > or & is left; the text parses back to the same data."""
    text = script_json({"headline": HOSTILE, "keywords": [HOSTILE]})
    assert isinstance(text, SafeString)
    assert not set("<>&") & set(text)
    assert json.loads(text) == {"headline": HOSTILE, "keywords": [HOSTILE]}


def test_the_same_text_as_json_scripts_escape_table():
    """Character for character what Django's json_script escaping gives (non-ASCII kept)."""
    data = {"name": HOSTILE, "when": datetime(2026, 11, 30, 8, 0, tzinfo=UTC), "n": 3}
    table = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
    expected = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(table)
    assert script_json(data) == expected
