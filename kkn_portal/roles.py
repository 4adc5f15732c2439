"""Names of the editorial roles; the groups themselves come from a data migration."""

# Group names are data shown as they are in the admin, hence Swedish, not gettext.
EDITOR_GROUP = "Redaktör"  # writes and publishes; handles comments
STAFF_GROUP = "Personal"  # reads and exports comments
