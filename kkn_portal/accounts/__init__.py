"""Editor accounts: the one-time link that lets a new editor set a password."""
