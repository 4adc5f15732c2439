"""Every name the admin shows for a model is a msgid with a Swedish translation."""

import json

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

# App names that are product names, the same in every language.
PRODUCT_NAMES = {"axes"}


def swedish_catalogue():
    """Every msgid with a Swedish translation: ours, Django's and the apps'."""
    return translation.trans_real.translation("sv")._catalog


def registered_models():
    """Every model in the admin, django-axes' too (kkn_portal/axes_sv.py)."""
    return list(admin.site._registry)


def admin_names(model):
    """(where, text) for each name the admin shows: app, model and field names."""
    opts = model._meta
    if opts.app_label not in PRODUCT_NAMES:
        yield f"{opts.app_label} app", opts.app_config.verbose_name
    yield f"{opts.label} verbose_name", opts.verbose_name
    yield f"{opts.label} verbose_name_plural", opts.verbose_name_plural
    for field in opts.get_fields():
        if field.auto_created:
            continue
        yield f"{opts.label}.{field.name}", field.verbose_name


@pytest.mark.parametrize("model", registered_models(), ids=lambda model: model._meta.label)
def test_admin_names_are_translated(model):
    """Each name is lazy (gettext_lazy) and its English msgid is in the Swedish catalogue."""
    catalogue = swedish_catalogue()
    missing = []
    with translation.override(None):  # str() of a lazy text is then its msgid
        for where, text in admin_names(model):
            if not isinstance(text, Promise) or str(text) not in catalogue:
                missing.append(f"{where}: {text!s}")
    assert missing == []


@pytest.mark.django_db
def test_rich_text_editor_strings_are_in_the_admin_javascript_catalogue(admin_client):
    """admin:jsi18n serves Swedish for the editor's toolbar and dialogs (djangojs.po)."""
    script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    for swedish in ("Fetstil", "Infoga länk", "Redigera länk", "Adress (URL)"):
        assert json.dumps(swedish)[1:-1] in script  # the catalogue is JSON-escaped
