"""Images on articles and events: checked uploads, renditions and ``<picture>`` data."""
