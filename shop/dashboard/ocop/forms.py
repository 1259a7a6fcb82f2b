"""Forms of the administrators' OCOP dashboard."""
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.ocop import rules
from shop.dashboard.ocop.figures import Period

# The page opens on the last 30 days, today included…
DEFAULT_PERIOD_DAYS = 30
# …and a period may span at most three years.
MAX_PERIOD_MONTHS = 36
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


def default_period(today=None):
    today = today or timezone.localdate()
    return Period(today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today)


class PeriodForm(forms.Form):
    """The sales period of the programme figures (GET: ?date_from=…&date_to=…)."""

    date_from = forms.DateField(
        label=_("Từ ngày"), input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Nhập ngày bắt đầu."),
                        "invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).")},
    )
    date_to = forms.DateField(
        label=_("Đến ngày"), input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Nhập ngày kết thúc."),
                        "invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).")},
    )

    @classmethod
    def from_query(cls, query, today=None):
        """Bound to the query string, or to the default period when it names no date."""
        if not any(name in query for name in cls.base_fields):
            period = default_period(today)
            query = {"date_from": period.date_from.isoformat(), "date_to": period.date_to.isoformat()}
        return cls(data=query)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to:
            if date_from > date_to:
                raise forms.ValidationError(_("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc."),
                                            code="reversed")
            if date_to >= rules.add_months(date_from, MAX_PERIOD_MONTHS):
                raise forms.ValidationError(_("Khoảng thời gian dài nhất là %(years)s năm."), code="too_long",
                                            params={"years": MAX_PERIOD_MONTHS // 12})
        return cleaned

    def period(self):
        """The chosen Period; call after is_valid()."""
        return Period(self.cleaned_data["date_from"], self.cleaned_data["date_to"])

    def query_string(self):
        """?date_from=…&date_to=… for links to the same period (CSV export)."""
        period = self.period()
        return f"date_from={period.date_from.isoformat()}&date_to={period.date_to.isoformat()}"
