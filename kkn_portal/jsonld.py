"""JSON for a ``<script type="application/ld+json">`` element: the pages' structured data.

One helper for the article, the event and the breadcrumbs, which each
had a copy of it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

# The escapes of Django's json_script: inside <script> the JSON must not be
# able to close the element or open a comment, whatever an editor typed.
# Three str.replace() calls, not json_script's str.translate() with a table:
# translate() looks every character of the text up in the table, about 300
# instructions a character (0.4 M for an article's JSON-LD, a fiftieth of
# its page); replace() scans in C at a few. No replacement contains one of
# the three characters, so the order does not matter.
SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def script_json(data):
    """``data`` as JSON that is safe inside a ``<script>`` element, marked safe."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escape in SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return mark_safe(text)  # noqa: S308 - escaped above
