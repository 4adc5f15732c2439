"""The static-file storage of production: WhiteNoise's, its URLs worked out once per process."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed files with hashed names; each name's URL worked out once.

    A static URL depends on nothing but the name and the manifest, which the
    storage reads once, when the process starts. Django works it out anew for
    every ``{% static %}`` (0.12 M instructions; every page has three, and a
    rendered page costs 15–30 M). ``force=True`` (collectstatic) is never kept.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self._urls:
            # Only names from templates and code come here, never a visitor's input.
            self._urls[name] = super().url(name)
        return self._urls[name]
