"""Forms of the finance dashboard: recording a payment received by hand, importing the bank
statement, choosing a settlement month, and recording a settlement's payment."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# --- Payment desk -----------------------------------------------------------------------


class ReceivedForm(forms.Form):
    amount = forms.IntegerField(label=gettext_lazy("Số tiền đã nhận (đồng)"), min_value=1)
    reference = forms.CharField(label=gettext_lazy("Mã giao dịch / số phiếu thu"), max_length=128, required=False)


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=gettext_lazy("Tệp sao kê (CSV)"), error_messages={"required": gettext_lazy("Hãy chọn tệp sao kê CSV.")}
    )

    def clean_statement(self):
        statement = self.cleaned_data["statement"]
        if not statement.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Tệp sao kê phải là tệp CSV (đuôi .csv)."))
        return statement


# --- Settlements ------------------------------------------------------------------------


class MonthForm(forms.Form):
    """A month as YYYY-MM (the browser's month picker)."""

    month = forms.CharField(
        label=gettext_lazy("Tháng"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"}),
        error_messages={"required": gettext_lazy("Hãy chọn tháng.")},
    )

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        try:
            day = datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("Tháng không hợp lệ (dạng năm-tháng, ví dụ 2026-01).")) from None
        if day.year < 2000:
            raise forms.ValidationError(_("Tháng không hợp lệ (dạng năm-tháng, ví dụ 2026-01)."))
        return day.year, day.month


class MarkPaidForm(forms.Form):
    payment_reference = forms.CharField(
        label=gettext_lazy("Mã giao dịch chuyển khoản"),
        max_length=64,
        error_messages={
            "required": gettext_lazy("Hãy nhập mã giao dịch chuyển khoản."),
            "max_length": gettext_lazy("Mã giao dịch dài tối đa %(limit_value)d ký tự."),
        },
    )


class IdsField(forms.MultipleChoiceField):
    """Ids of rows (the view looks them up in what the user may see)."""

    def to_python(self, value):
        return [int(item) for item in super().to_python(value) if str(item).isdigit()]

    def valid_value(self, value):
        return True


class BatchForm(MonthForm):
    """Statements of one month chosen for a bank batch: download its file, or record the batch as paid."""

    ACTIONS = ("csv", "xlsx", "paid")

    statements = IdsField(error_messages={"required": gettext_lazy("Hãy chọn ít nhất một bảng đối soát.")})
    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    batch_reference = forms.CharField(label=gettext_lazy("Mã giao dịch của lô"), max_length=64, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "paid" and not cleaned.get("batch_reference", "").strip():
            self.add_error("batch_reference", _("Hãy nhập mã giao dịch của lô chuyển tiền."))
        return cleaned
