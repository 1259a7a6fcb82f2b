"""Oscar's offer dashboard forms (``get_class`` looks here first): the search form's yes/no fields use our
``NullBooleanSelect`` (labels in the page's language); every other form is Oscar's."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.offers import forms as oscar_forms

from shop.dashboard.widgets import NullBooleanSelect


class OfferSearchForm(oscar_forms.OfferSearchForm):
    is_active = forms.NullBooleanField(required=False, label=_("Is active?"), widget=NullBooleanSelect)
    has_vouchers = forms.NullBooleanField(required=False, label=_("Has vouchers?"), widget=NullBooleanSelect)
