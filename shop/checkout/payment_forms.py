from django import forms
from django.utils.translation import gettext_lazy as _


class PaymentMethodForm(forms.Form):
    """The choice among the payment methods this deployment offers now."""

    method = forms.ChoiceField(
        label=_("Phương thức thanh toán"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Hãy chọn phương thức thanh toán."),
            "invalid_choice": _("Phương thức thanh toán này hiện không dùng được."),
        },
    )

    def __init__(self, providers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.providers = list(providers)
        self.fields["method"].choices = [(p.code, p.label) for p in self.providers]
        if len(self.providers) == 1 and not self.initial.get("method"):
            self.initial["method"] = self.providers[0].code
