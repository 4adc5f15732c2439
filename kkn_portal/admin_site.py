"""The editorial team's admin site: Swedish titles and an overview at the index."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from kkn_portal.admin_guard import guard, without_nul


class AdminLoginForm(AdminAuthenticationForm):
    """The admin login form, with the username's length checked before anyone is asked.

    Django's AuthenticationForm sets the field's ``max_length`` after the
    field is built, so no validator enforces it: a 300-character name went on
    to ``authenticate()``, and django-axes stored it in a 255-character
    column, a DataError (500) on PostgreSQL. Now it is a form error and the
    backends are never called.
    """

    def __init__(self, *args, **kwargs):
        """Add the length check Django leaves out."""
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class KknAdminSite(admin.AdminSite):
    """Django's admin, titled for the editorial team, with an overview page.

    Installed as the default site by ``kkn_portal.apps.KknAdminConfig``, so
    ``admin.site`` and ``@admin.register`` in every app use it.
    """

    site_header = _("KKN-portalen – editorial office")
    site_title = _("KKN-portalen – editorial office")
    index_title = _("Overview")
    login_form = AdminLoginForm

    def admin_view(self, view, cacheable=False):
        """Every admin view, with parameters holding NUL dropped (``admin_guard``)."""
        return super().admin_view(without_nul(view), cacheable)

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register as Django does, then give each changelist the safe filters."""
        super().register(model_or_iterable, admin_class, **options)
        for model_admin in self._registry.values():
            if not getattr(model_admin, "_kkn_guarded", False):
                guard(model_admin)._kkn_guarded = True

    def index(self, request, extra_context=None):
        """The admin index, with the editorial overview above the app list."""
        from kkn_portal.overview import overview  # imports the content apps' models

        return super().index(request, {**overview(request), **(extra_context or {})})
