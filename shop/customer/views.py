"""Oscar's account views whose GET changed state, made POST-only: a cross-site link or image can no longer
log a customer out or change their default address. Logging out by GET shows a page with the button
(a POST form with its CSRF token); setting a default address answers a GET with 405.

Registration, the email change and their confirmation links (finding 11): shop/customer/accounts.py.
The customers' data rights page (consents, withdrawal, export, erasure): shop/customer/privacy.py.

Oscar's class loader looks here first for "customer.views"; the views not defined here are Oscar's.
"""

import copy

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from oscar.apps.customer import views
from oscar.apps.customer.utils import get_password_reset_url
from oscar.core.loading import get_class

from shop.core.throttle import client_ip
from shop.customer import accounts, privacy
from shop.customer.forms import DataErasureForm, EmailAuthenticationForm, EmailUserCreationForm, ProfileForm
from shop.jobs import files

CustomerDispatcher = get_class("customer.utils", "CustomerDispatcher")


class LogoutView(views.LogoutView):
    """GET asks (a page with the log-out button); only the POST of that form logs out."""

    template_name = "oscar/customer/logout.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(self.get_redirect_url(*args, **kwargs))
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, *args, **kwargs):
        return views.LogoutView.get(self, request, *args, **kwargs)


class AddressChangeStatusView(views.AddressChangeStatusView):
    """Sets an address as the default for shipping or billing, by the address book's POST forms only."""

    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        return views.AddressChangeStatusView.get(self, request, *args, **kwargs)


# --- Finding 11: no door tells whether an email has an account (shop/customer/accounts.py) ---------


class RegistrationAnswerMixin:
    """Registration, from the login page's form or the registration page: the same redirect to the same
    "check your email" page whether or not the email has an account; limited per client address."""

    def registration_refused(self):
        address = client_ip(self.request)
        if accounts.REGISTRATION_PER_IP.exceeded(address):
            throttle = accounts.REGISTRATION_PER_IP
            response = TemplateResponse(
                self.request,
                "security/throttled.html",
                {
                    "kind": "register",
                    "message": _(
                        "Đã có quá nhiều yêu cầu mở tài khoản từ địa chỉ này. Vui lòng thử lại sau %(minutes)s phút."
                    )
                    % {"minutes": max(1, throttle.window // 60)},
                },
                status=429,
            )
            response["Retry-After"] = str(throttle.window)
            return response
        accounts.REGISTRATION_PER_IP.hit(address)
        return None

    def answer_registration(self, form):
        refused = self.registration_refused()
        if refused is not None:
            return refused
        user = accounts.register(form, self.request)
        if user is not None:  # an email that has an account gets nothing new here, consent included
            privacy.record_consent(
                context=privacy.Consent.Context.REGISTRATION, user=user, ip_address=client_ip(self.request)
            )
        return redirect("customer:registration-sent")


class AccountAuthView(RegistrationAnswerMixin, views.AccountAuthView):
    login_form_class = EmailAuthenticationForm
    registration_form_class = EmailUserCreationForm

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            return self.answer_registration(form)
        return self.render_to_response(self.get_context_data(registration_form=form))


class AccountRegistrationView(RegistrationAnswerMixin, views.AccountRegistrationView):
    form_class = EmailUserCreationForm

    def form_valid(self, form):
        return self.answer_registration(form)


class RegistrationSentView(generic.TemplateView):
    template_name = "oscar/customer/email_link.html"
    extra_context = {"step": "registration-sent", "valid_days": accounts.LINK_VALIDITY.days}


class ResendForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email đã dùng để mở tài khoản"))


class RegistrationResendView(RegistrationAnswerMixin, generic.FormView):
    """Sends the confirmation link again when the email has an account awaiting it; answers the same
    for any email."""

    form_class = ResendForm
    template_name = "oscar/customer/email_link.html"
    extra_context = {"step": "registration-resend"}

    def form_valid(self, form):
        refused = self.registration_refused()
        if refused is not None:
            return refused
        accounts.resend_registration_link(form.cleaned_data["email"], self.request)
        return redirect("customer:registration-sent")


class RegistrationConfirmView(generic.TemplateView):
    """GET shows the button (a GET changes nothing); its POST opens the account."""

    template_name = "oscar/customer/email_link.html"
    extra_context = {"step": "registration-confirm"}

    def post(self, request, token):
        try:
            accounts.confirm_registration(token)
        except accounts.LinkUnusable:
            return self.render_to_response({"step": "link-unusable"}, status=400)
        messages.success(request, _("Email đã được xác nhận. Mời quý vị đăng nhập."))
        next_url = request.GET.get("next", "")  # set by send_registration_link(next_url=...)
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(reverse("customer:login") + "?" + urlencode({"next": next_url}))
        return redirect("customer:login")


class ProfileUpdateView(views.ProfileUpdateView):
    """Names and the rest are saved; a new email is only asked for: the link goes to the new address."""

    form_class = ProfileForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        form.save()
        if form.requested_email:
            accounts.request_email_change(self.request.user, form.requested_email, self.request)
            messages.info(
                self.request,
                _(
                    "Chúng tôi đã gửi đường dẫn xác nhận tới %(email)s. Email của tài khoản chỉ đổi khi quý vị "
                    "mở đường dẫn đó khi đang đăng nhập (trong %(days)s ngày)."
                )
                % {"email": form.requested_email, "days": accounts.LINK_VALIDITY.days},
            )
        messages.success(self.request, _("Đã lưu hồ sơ."))
        return redirect(self.get_success_url())


class EmailChangeConfirmView(LoginRequiredMixin, generic.TemplateView):
    """The link sent to the new address: GET shows the button, its POST by the signed-in account that
    asked changes the email; the old address is told (Oscar's email-changed email)."""

    template_name = "oscar/customer/email_link.html"
    extra_context = {"step": "email-change-confirm"}

    def post(self, request, token):
        try:
            user, old_email = accounts.confirm_email_change(request.user, token)
        except accounts.LinkUnusable:
            return self.render_to_response({"step": "link-unusable"}, status=400)
        old_user = copy.copy(user)
        old_user.email = old_email
        extra_context = {
            "user": user,
            "reset_url": get_password_reset_url(user),
            "new_email": user.email,
            "request": request,
        }
        # Queued in the outbox (shop.customer.utils), sent after commit.
        CustomerDispatcher().send_email_changed_email_for_user(old_user, extra_context)
        messages.success(request, _("Email của tài khoản đã đổi thành %(email)s.") % {"email": user.email})
        return redirect("customer:profile-view")


class OrderHistoryView(views.OrderHistoryView):
    """Oscar's order history with status tabs (``?status=``, ``shop.order.history_tabs``): filtered in the
    query, every tab's count in one more."""

    def get_queryset(self):
        from shop.order import history_tabs

        self.status_tab = history_tabs.tab_code(self.request.GET.get("status", ""))
        orders = history_tabs.filter_tab(super().get_queryset(), self.status_tab)
        return orders.prefetch_related("lines").order_by("-date_placed", "-pk")  # num_items without a query per row

    def get_context_data(self, *args, **kwargs):
        from shop.order import history_tabs

        context = super().get_context_data(*args, **kwargs)
        mine = self.model._default_manager.filter(user=self.request.user)
        context["status_tabs"] = history_tabs.tabs(mine, self.status_tab)
        context["status_tab"] = self.status_tab
        return context


# --- Personal data rights (shop/customer/privacy.py) ---------------------------------------------------------


class DataRightsView(LoginRequiredMixin, generic.TemplateView):
    """ "Quyền dữ liệu cá nhân": the consents given, withdrawing or giving consent again, asking for a copy of
    one's data and downloading it, and erasing the account's personal data (with the password)."""

    template_name = "oscar/customer/privacy/data_rights.html"
    actions = ("withdraw", "consent", "export", "erase")

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            active_tab="privacy",
            page_title=_("Quyền dữ liệu cá nhân"),
            consents=privacy.Consent.objects.filter(user=user).order_by("-recorded_at", "-pk"),
            consent_state=privacy.consent_state(user),
            notice_version=privacy.notice_version(),
            notice_url=privacy.notice_url(self.request),
            exports=privacy.export_jobs(user)[:5],
            erasure_refusal=privacy.erasure_refusal(user),
            erasure_form=kwargs.get("erasure_form") or DataErasureForm(user, request=self.request),
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        user, ip_address = request.user, client_ip(request)
        if action == "withdraw":
            privacy.withdraw(user, ip_address)
            messages.warning(
                request,
                _(
                    "Quý vị đã rút lại sự đồng ý xử lý dữ liệu cá nhân. Tài khoản không đặt hàng được nữa cho tới "
                    "khi đồng ý lại; quý vị có thể yêu cầu xoá dữ liệu ở cuối trang này."
                ),
            )
        elif action == "consent":
            privacy.consent_again(user, ip_address)
            messages.success(
                request,
                _("Đã ghi nhận sự đồng ý của quý vị (phiên bản %(version)s).") % {"version": privacy.notice_version()},
            )
            back = request.POST.get("next", "")
            if url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=request.is_secure()):
                return redirect(back)  # the checkout that sent the buyer here
        elif action == "export":
            with transaction.atomic():
                privacy.log_export(user, files.start(privacy.EXPORT_KIND, user))
            messages.info(request, _("Đang chuẩn bị tệp dữ liệu của quý vị; tải lại trang sau ít phút để tải về."))
        elif action == "erase":
            form = DataErasureForm(user, request.POST, request=request)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(erasure_form=form), status=400)
            try:
                privacy.erase_customer(user, requested_by=user)
            except privacy.RequestRefused as refusal:
                messages.error(request, refusal.message)
                return redirect("customer:data-rights")
            logout(request)
            messages.success(request, _("Dữ liệu cá nhân của quý vị đã được xoá và tài khoản đã đóng."))
            return redirect(settings.OSCAR_HOMEPAGE)
        return redirect("customer:data-rights")


class DataExportDownloadView(LoginRequiredMixin, generic.View):
    """The customer's own export (a zip); anyone else's is a 404, as is one not ready."""

    def get(self, request, pk):
        job = privacy.export_jobs(request.user).filter(pk=pk, status="done").first()
        if job is None or not job.result:
            raise Http404(_("Không tìm thấy tệp này."))
        try:
            stored = job.result.open("rb")
        except FileNotFoundError:
            raise Http404(_("Không tìm thấy tệp này.")) from None
        response = FileResponse(stored, as_attachment=True, filename=job.result_name, content_type="application/zip")
        response["Cache-Control"] = "private, no-store"
        return response
