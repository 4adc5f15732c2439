"""Django's own admin messages whose Swedish reads oddly, translated by us.

Listing a msgid here (``gettext_noop``: nothing runs) puts it into our
catalogue, and ``LOCALE_PATHS`` is searched before Django's own, so our
wording wins: "Artikeln har sparats." instead of 'Lade till artikel "…". Du
kan redigera det…', and "Lägg till en rad" instead of "Lägg till ytterligare
Mer information-länk". The strings must stay exactly Django's (5.2).
"""

from django.utils.translation import gettext_noop

STOCK_MESSAGES = (
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was deleted successfully."),
    gettext_noop("Add another %(verbose_name)s"),
)
