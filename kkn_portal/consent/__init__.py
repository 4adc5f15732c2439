"""Cookie consent: registry, middleware, banner and /cookies/ (see issue 6)."""
