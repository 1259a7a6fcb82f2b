"""The producer's profile in the portal (legal details, contact, address, story, pictures, delivery preferences)
and its payout account. Thin: each form posts one section (``action``), ``shop.producers.profile`` and
``shop.producers.payout`` check who may and write it.

GET is open to everyone who works for the producer (``access.VIEW``); POSTs need ``FULFIL`` to reach the view
(contact and delivery) and the service refuses the rest without ``SELL`` — a 403 page saying which rule.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.dashboard.portal import profile_forms
from shop.dashboard.portal.mixins import PortalMixin
from shop.partner import access
from shop.producers import payout, profile

Partner = get_model("partner", "Partner")
PayoutAccountChange = get_model("partner", "PayoutAccountChange")
ProducerActivity = get_model("portal_dashboard", "ProducerActivity")

PROFILE_URL = "dashboard:portal-profile"


class ProfileView(PortalMixin, TemplateView):
    template_name = "oscar/dashboard/portal/profile.html"
    post_needs = access.FULFIL  # contact and delivery; the service asks SELL for the other sections
    # POST "action" → method, besides the sections of ``profile_forms.SECTION_FORMS``.
    actions = {"logo": "action_logo", "pictures": "action_pictures", "remove_picture": "action_remove_picture"}

    def fresh_producer(self):
        """A copy for a form to fill: a refused form leaves ``self.producer`` as stored."""
        return Partner.objects.get(pk=self.producer.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bound = kwargs.get("bound", {})
        producer = self.producer
        context.update(
            {
                "section_forms": {
                    section: bound.get(section) or form_class(instance=producer, prefix=section)
                    for section, form_class in profile_forms.SECTION_FORMS.items()
                },
                "logo_form": bound.get("logo") or profile_forms.LogoForm(prefix="logo"),
                "pictures_form": bound.get("pictures") or profile_forms.PicturesForm(prefix="pictures"),
                "pictures": producer.pictures.all(),
                "max_pictures": producer.pictures.model.MAX_PER_PRODUCER,
                "recent_changes": ProducerActivity.objects.filter(partner=producer, action__startswith="profile_")
                .select_related("actor", "on_behalf_of")
                .order_by("-created_at", "-id")[:10],
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        try:
            if action in profile_forms.SECTION_FORMS:
                response = self.save_section(request, action)
            elif action in self.actions:
                response = getattr(self, self.actions[action])(request)
            else:
                messages.error(request, _("Thao tác không hợp lệ."))
                response = None
        except PermissionDenied as refusal:
            return TemplateResponse(
                request,
                "oscar/dashboard/portal/refused.html",
                {**self.portal_context(), "refusal": str(refusal)},
                status=403,
            )
        return response or redirect(PROFILE_URL)

    def invalid(self, section, form):
        return self.render_to_response(self.get_context_data(bound={section: form}), status=400)

    def save_section(self, request, section):
        form = profile_forms.SECTION_FORMS[section](request.POST, instance=self.fresh_producer(), prefix=section)
        if not form.is_valid():
            return self.invalid(section, form)
        changed = profile.update_section(self.producer, request.user, section, form.cleaned_data)
        if changed:
            messages.success(request, _("Đã lưu thay đổi."))
        else:
            messages.info(request, _("Không có gì thay đổi."))
        return None

    # --- Actions: each returns a response, or None to go back to the profile page ---------------------

    def action_logo(self, request):
        form = profile_forms.LogoForm(request.POST, request.FILES, prefix="logo")
        if not form.is_valid():
            return self.invalid("logo", form)
        profile.set_logo(self.producer, request.user, form.cleaned_data["logo"])
        messages.success(request, _("Đã đổi biểu trưng."))
        return None

    def action_pictures(self, request):
        form = profile_forms.PicturesForm(request.POST, request.FILES, prefix="pictures")
        if not form.is_valid():
            return self.invalid("pictures", form)
        try:
            pictures = profile.add_pictures(
                self.producer, request.user, form.cleaned_data["images"], form.cleaned_data["caption"]
            )
        except ValidationError as error:
            form.add_error("images", error)
            return self.invalid("pictures", form)
        messages.success(request, _("Đã thêm %(count)s ảnh.") % {"count": len(pictures)})
        return None

    def action_remove_picture(self, request):
        picture = get_object_or_404(self.producer.pictures.all(), pk=request.POST.get("picture"))
        profile.remove_picture(self.producer, request.user, picture)
        messages.success(request, _("Đã xoá ảnh."))
        return None


class PayoutAccountView(PortalMixin, TemplateView):
    """The account the producer is paid into, its pending change and past requests; POST asks for a change."""

    template_name = "oscar/dashboard/portal/payout_account.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer = self.producer
        context.update(
            {
                "account_in_use": payout.account_in_use(producer),
                "pending": payout.pending_change(producer),
                "history": PayoutAccountChange.objects.filter(partner=producer)
                .exclude(status=PayoutAccountChange.Status.PENDING)
                .select_related("requested_by", "decided_by")
                .order_by("-requested_at", "-pk")[:20],
                "form": kwargs.get("form") or profile_forms.PayoutAccountForm(producer=producer),
                "holder_names": payout.holder_names(producer),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = profile_forms.PayoutAccountForm(request.POST, producer=self.producer)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        replaced = payout.pending_change(self.producer) is not None
        payout.request_change(self.producer, request.user, **form.account())
        messages.success(
            request,
            _("Đã gửi yêu cầu thay cho yêu cầu trước. Tài khoản đang dùng giữ nguyên đến khi ban quản lý xác minh.")
            if replaced
            else _("Đã gửi yêu cầu. Tài khoản đang dùng giữ nguyên đến khi ban quản lý xác minh."),
        )
        return redirect("dashboard:portal-payout-account")
