"""Knowing whether a model instance differs from what the database holds."""


class ChangeTrackingMixin:
    """Remember field values when loaded or saved, and tell whether they changed.

    Used by ``Event`` to raise its iCalendar SEQUENCE only on real changes.
    Fields named in ``untracked_fields`` (bookkeeping) and deferred fields
    are ignored. Put the mixin before ``models.Model`` in the bases.
    """

    untracked_fields = frozenset({"id"})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_state()
        return instance

    def tracked_values(self):
        """The current values of the tracked fields, by attribute name."""
        deferred = self.get_deferred_fields()
        return {
            field.attname: getattr(self, field.attname)
            for field in self._meta.concrete_fields
            if field.name not in self.untracked_fields and field.attname not in deferred
        }

    def remember_state(self):
        """Take the current values as the saved state."""
        self._saved_values = self.tracked_values()

    def has_changed(self):
        """True when a field differs from what was last loaded or saved."""
        saved = getattr(self, "_saved_values", None)
        if saved is None:
            return False
        return any(saved.get(name, value) != value for name, value in self.tracked_values().items())

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.remember_state()
