"""Oscar's voucher dashboard forms (``get_class`` looks here first): the search form's yes/no fields use our
``NullBooleanSelect`` (labels in the page's language); every other form is Oscar's."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.vouchers import forms as oscar_forms

from shop.dashboard.widgets import NullBooleanSelect


class VoucherSearchForm(oscar_forms.VoucherSearchForm):
    is_active = forms.NullBooleanField(required=False, label=_("Is active?"), widget=NullBooleanSelect)
    in_set = forms.NullBooleanField(required=False, label=_("In voucher set?"), widget=NullBooleanSelect)
    has_offers = forms.NullBooleanField(required=False, label=_("Has offers?"), widget=NullBooleanSelect)
