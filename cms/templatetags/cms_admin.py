"""Wagtail admin strings that Wagtail's own templates leave untranslated."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.filter
def with_translated_search_button(html):
    """Wagtail 8.0's dashboard (``wagtailadmin/home.html``) hard-codes its screen-reader submit button as
    ``value="Search"``, outside any block: the rendered block gets Wagtail's own translation of "Search". Should
    Wagtail change that markup, nothing is replaced and the translation sweep names the English button again."""
    return mark_safe(str(html).replace('value="Search"', f'value="{escape(gettext("Search"))}"'))
