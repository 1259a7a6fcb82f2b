"""Wagtail's admin in Vietnamese (issue 21, item 1): Wagtail ships Vietnamese for about a fifth of its strings;
``locale/wagtail/vi`` holds the rest and ``LOCALE_PATHS`` reads it."""

import importlib.util
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

ROOT = Path(__file__).resolve().parents[1]
OURS = ROOT / "locale" / "wagtail" / "vi" / "LC_MESSAGES"


def _missing_vi():
    spec = importlib.util.spec_from_file_location("wagtail_missing_vi", ROOT / "scripts" / "wagtail_missing_vi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_wagtail_string_has_vietnamese(domain):
    """After a Wagtail upgrade this lists the new strings: ``scripts/wagtail_missing_vi.py --write`` adds them."""
    missing = _missing_vi().missing(domain)
    assert [message.id for message, _source in missing] == []


def _ours(domain):
    with open(OURS / f"{domain}.po", "rb") as f:
        return [m for m in read_po(f) if m.id]


def test_the_site_speaks_our_wagtail_catalogue():
    """Every entry is what a Vietnamese page gets (the catalogue is compiled and read, and nothing shadows it
    except our corrections), and English stays English."""
    from django.utils.translation import gettext, ngettext, npgettext, pgettext

    wrong = []
    for message in _ours("django"):
        with translation.override("vi"):
            if isinstance(message.id, tuple):
                got = npgettext(message.context, *message.id, 2) if message.context else ngettext(*message.id, 2)
                wanted = message.string[0]
            else:
                got = pgettext(message.context, message.id) if message.context else gettext(message.id)
                wanted = message.string
        if got != wanted:
            wrong.append((message.id, got))
    assert wrong == []
    with translation.override("en"):
        assert gettext("Page '%(page_title)s' has been published.") == "Page '%(page_title)s' has been published."


def test_the_admin_script_catalogue_is_vietnamese(rf):
    """Wagtail's JavaScript strings (comments, autosave, the editor's toolbar) come from Django's JavaScript
    catalogue view, which reads ``LOCALE_PATHS`` too."""
    view = JavaScriptCatalog(packages=["wagtail.admin"])
    with translation.override("vi"):
        view.get(rf.get("/cms-admin/jsi18n/"))
        catalog = view.get_catalog()
    wanted = {m.id: m.string for m in _ours("djangojs") if isinstance(m.id, str) and not m.context}
    assert {msgid: catalog.get(msgid) for msgid in wanted} == wanted


@pytest.mark.parametrize(
    "language, alt_text, choose, temporary",
    [("vi", "Văn bản thay thế (mô tả ảnh)", "Chọn", "Tạm thời"), ("en", "Alt text", "Choose", "Temporary")],
)
def test_labels_wagtail_translates_at_import_follow_the_editors_language(language, alt_text, choose, temporary):
    """Wagtail translates these once, when its modules are imported (``cms.admin_language`` makes them lazy
    again): without that an editor who chose English saw them in Vietnamese."""
    from wagtail.admin.viewsets.chooser import ChooserViewSet
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet
    from wagtail.images.forms import ImageInsertionForm

    with translation.override(language):
        assert str(ImageInsertionForm().fields["alt_text"].label) == alt_text
        assert str(ChooserViewSet.choose_one_text) == choose
        choices = dict(RedirectsReportFilterSet().form.fields["is_permanent"].choices)
        assert str(choices[False]) == temporary
