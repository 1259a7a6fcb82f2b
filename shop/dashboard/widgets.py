"""Widgets of Oscar's dashboard forms, redone where Oscar's break the page's language."""

from django.utils.translation import gettext_lazy as _
from oscar.forms import widgets as oscar_widgets


class NullBooleanSelect(oscar_widgets.NullBooleanSelect):
    """Oscar's "--- / Yes / No" select, its labels translated when the page is drawn. Oscar's translates them with
    ``gettext`` when the widget is made — when its search forms are imported, in the language of whichever request
    imported them — so an English page could say "Có / Không" (and a Vietnamese one "Yes / No")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", "---------"), ("true", _("Yes")), ("false", _("No")))
