"""Registration (anmälan) for events: sign-up with capacity, waiting list and cancellation.

Its own package so the events app's other modules stay about events:
``settings`` (the Event fields), ``models`` (Registration), ``booking``
(the locked seat allocation), ``forms``, ``views``, ``emails``, ``admin``.
"""
