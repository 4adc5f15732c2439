"""Knowing whether a model instance differs from what the database holds."""


class ChangeTrackingMixin:
    """Remember field values when loaded or saved, and tell whether they changed.

    Used by ``Event`` to raise its iCalendar SEQUENCE only on real changes.
    Fields named in ``untracked_fields`` (bookkeeping) and deferred fields
    are ignored. Values are compared as the ORM stores them on the instance
    (its ``__dict__``). Put the mixin before ``models.Model`` in the bases.
    """

    untracked_fields = frozenset({"id"})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Most loaded rows are only shown, never saved: keep the attributes
        # as loaded (one dict copy) and pick the tracked ones out of them
        # only if has_changed() is ever asked.
        instance._loaded_attributes = instance.__dict__.copy()
        return instance

    def tracked_values(self):
        """The current values of the tracked fields, by attribute name."""
        return self._tracked_in(self.__dict__)

    def _tracked_in(self, attributes):
        # A field missing from the attributes is deferred: not loaded, not tracked.
        return {
            field.attname: attributes[field.attname]
            for field in self._meta.concrete_fields
            if field.name not in self.untracked_fields and field.attname in attributes
        }

    def remember_state(self):
        """Take the current values as the saved state."""
        self._saved_values = self.tracked_values()

    def saved_values(self):
        """The tracked values as last saved, or as loaded; None for a new instance."""
        saved = self.__dict__.get("_saved_values")
        if saved is None and "_loaded_attributes" in self.__dict__:
            saved = self._saved_values = self._tracked_in(self.__dict__.pop("_loaded_attributes"))
        return saved

    def has_changed(self):
        """True when a field differs from what was last loaded or saved."""
        saved = self.saved_values()
        if saved is None:
            return False
        return any(saved.get(name, value) != value for name, value in self.tracked_values().items())

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.remember_state()
