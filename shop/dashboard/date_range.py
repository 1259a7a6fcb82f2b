"""The date range a dashboard report covers (GET ?date_from=…&date_to=…): the programme figures
(``review.forms.PeriodForm``) and a producer's sales (``portal.views.sales.SalesRangeForm``). Each subclass says
which range a page opens on (``default_range``) and how long a range may be (its ``clean``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


def _date_field(label, required_message):
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": required_message,
            "invalid": _("Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm)."),
        },
    )


class DateRangeForm(forms.Form):
    date_from = _date_field(_("Từ ngày"), _("Nhập ngày bắt đầu."))
    date_to = _date_field(_("Đến ngày"), _("Nhập ngày kết thúc."))

    @classmethod
    def default_range(cls, today=None):
        """(first day, last day) the page opens on."""
        raise NotImplementedError

    @classmethod
    def from_query(cls, query, today=None):
        """Bound to the query string, or to the default range when it names no date."""
        if not any(name in query for name in cls.base_fields):
            date_from, date_to = cls.default_range(today)
            query = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
        return cls(data=query)

    def query_string(self):
        """?date_from=…&date_to=… for links to the same range (CSV export)."""
        return (
            f"date_from={self.cleaned_data['date_from'].isoformat()}&date_to={self.cleaned_data['date_to'].isoformat()}"
        )
