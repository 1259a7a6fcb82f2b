"""Listing per commune, for the provincial office: for a province (the officer's; the national role picks one),
one row per commune with its certified OCOP products, how many are listed and the share; a commune's page lists
each certified product not on sale with why, and grants assisted entry for several of its producers at once.
The numbers and reasons are ``shop.producers.communes``'s; scoped by ``shop.users.offices`` (404 outside)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalogue.ocop import workflow
from shop.core import addresses
from shop.producers import communes
from shop.users import offices

Partner = get_model("partner", "Partner")


class CommuneGrantForm(forms.Form):
    """Assisted entry for the producers ticked on a commune's page."""

    email = forms.EmailField(
        label=gettext_lazy("Email tài khoản của cán bộ xã / nhân viên bưu điện"),
        error_messages={"required": gettext_lazy("Hãy nhập email."), "invalid": gettext_lazy("Email không hợp lệ.")},
    )
    note = forms.CharField(label=gettext_lazy("Ghi chú (đơn vị, chức vụ)"), max_length=255, required=False)
    producers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Chủ thể"),
        queryset=Partner.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Hãy chọn ít nhất một chủ thể.")},
    )

    def __init__(self, *args, producers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producers"].queryset = Partner.objects.filter(pk__in=[p.pk for p in producers])


def province_choices_for(user):
    provinces = offices.provinces_of(user)
    return [(code, name) for code, name in addresses.province_choices() if provinces is None or code in provinces]


class ProvinceMixin:
    def province(self, code):
        """The province asked for if the user works for it (else 404), else the user's first one (None for the
        national role, who picks)."""
        choices = province_choices_for(self.request.user)
        if code in (None, ""):
            return choices[0][0] if choices and offices.provinces_of(self.request.user) is not None else None
        try:
            code = int(code)
        except (TypeError, ValueError):
            raise Http404 from None
        if not offices.may_act_in(self.request.user, code) or not addresses.province_name(code):
            raise Http404(_("Tỉnh này không thuộc phạm vi bạn phụ trách."))
        return code


class CommunesView(ProvinceMixin, TemplateView):
    template_name = "oscar/dashboard/ocop/communes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        province = self.province(self.request.GET.get("province"))
        rows = communes.commune_rows(province) if province else []
        context.update(
            province=province,
            province_name=addresses.province_name(province) if province else "",
            provinces=province_choices_for(self.request.user),
            rows=rows,
            total=communes.CommuneRow(
                0,
                _("Cả tỉnh"),
                certified=sum(row.certified for row in rows),
                listed=sum(row.listed for row in rows),
            ),
        )
        return context


class CommuneDetailView(ProvinceMixin, TemplateView):
    template_name = "oscar/dashboard/ocop/commune_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.province_code = self.province(kwargs["province"])
        self.ward_code = kwargs["ward"]
        if self.ward_code != communes.UNKNOWN_WARD and addresses.ward_name(self.ward_code) == "":
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def items(self):
        return communes.not_listed_in(self.province_code, self.ward_code)

    def producers(self, items):
        seen = {}
        for item in items:
            if item.producer is not None:
                seen.setdefault(item.producer.pk, item.producer)
        return sorted(seen.values(), key=lambda producer: producer.name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = kwargs.get("items") or self.items()
        producers = self.producers(items)
        grants = communes.grants_for(producers)
        for producer in producers:
            producer.assisted_by = [grant.user.email for grant in grants.get(producer.pk, [])]
        context.update(
            province=self.province_code,
            province_name=addresses.province_name(self.province_code),
            ward=self.ward_code,
            commune_name=communes.commune_name(self.ward_code),
            items=items,
            producers=producers,
            grant_form=kwargs.get("grant_form") or CommuneGrantForm(producers=producers),
            may_grant=self.request.user.has_perm(communes.team.MANAGE_GRANTS_PERMISSION),
        )
        return context

    def post(self, request, *args, **kwargs):
        items = self.items()
        form = CommuneGrantForm(request.POST, producers=self.producers(items))
        if form.is_valid():
            data = form.cleaned_data
            try:
                granted, skipped = communes.grant_assisted_entry_for(
                    list(data["producers"]), data["email"], request.user, data["note"]
                )
            except (ValidationError, workflow.TransitionRefused) as error:
                form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(
                    request,
                    _("%(email)s được nhập liệu thay %(count)s chủ thể (%(skipped)s chủ thể đã có quyền từ trước).")
                    % {"email": data["email"], "count": len(granted), "skipped": len(skipped)},
                )
                return redirect("dashboard:ocop-commune", province=self.province_code, ward=self.ward_code)
        return self.render_to_response(self.get_context_data(items=items, grant_form=form), status=400)
