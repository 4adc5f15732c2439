"""Test data for page comments."""

from feedback.models import Comment


def make_comment(**overrides):
    """Save a comment with sensible defaults; any field can be overridden."""
    overrides.setdefault("page_path", "/")
    overrides.setdefault("page_title", "Startsida")
    overrides.setdefault("text", "En synpunkt på sidan.")
    return Comment.objects.create(**overrides)
