from django.conf import settings
from django.template.loader import get_template

from shop.core.themes import theme_dirs


def test_chosen_theme_comes_first_and_default_is_the_fallback(tmp_path):
    (tmp_path / "default").mkdir()
    (tmp_path / "tet-2027").mkdir()
    assert theme_dirs(tmp_path, "tet-2027") == [tmp_path / "tet-2027", tmp_path / "default"]


def test_unknown_or_default_theme_uses_default_only(tmp_path):
    (tmp_path / "default").mkdir()
    assert theme_dirs(tmp_path, "no-such-theme") == [tmp_path / "default"]
    assert theme_dirs(tmp_path, "default") == [tmp_path / "default"]
    assert theme_dirs(tmp_path, "") == [tmp_path / "default"]


def test_oscar_layout_resolves_to_the_themes_site_layout():
    assert settings.OCOP_THEME == "default"
    template = get_template("oscar/layout.html")
    assert str(settings.THEMES_DIR / "default" / "templates") in template.origin.name
    assert '{% extends "layouts/site.html" %}' in template.template.source
