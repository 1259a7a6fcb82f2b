"""Public pages for sellers: the application to sell on OCOP Market and invitations to a producer's team.

Thin views: the work is done by ``shop.producers.onboarding`` and ``shop.producers.team``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.customer import accounts
from shop.customer.views import RegistrationAnswerMixin
from shop.producers import onboarding, team
from shop.producers.forms import ApplicationForm, InvitationSignupForm

Partner = get_model("partner", "Partner")
ProducerInvitation = get_model("partner", "ProducerInvitation")

SESSION_APPLICATION = "producer_application_id"
SESSION_CONFIRM = "producer_application_confirm"  # {"email", "name"} shown after an application by email


def client_ip(request):
    """The address the request came from (a proxy in front must set REMOTE_ADDR, e.g. uWSGI/gunicorn
    behind nginx with the real-IP module): forwarded headers are not trusted here."""
    return request.META.get("REMOTE_ADDR") or None


class ApplicationView(RegistrationAnswerMixin, View):
    """GET the form; POST it. "Show the communes" (no JavaScript) re-renders it with the province's wards.
    A visitor who is not signed in gets the same "check your email" answer whether or not the email has
    an account, within the registration limit per client address."""

    template_name = "partner/application_form.html"

    def get(self, request):
        return self.render(ApplicationForm(user=request.user))

    def post(self, request):
        if "pick_province" in request.POST:
            initial = {
                key: request.POST.get(key)
                for key in request.POST
                if key not in ("csrfmiddlewaretoken", "password1", "password2", "pick_province")
            }
            return self.render(ApplicationForm(user=request.user, initial=initial), picked=True)
        form = ApplicationForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            if form.user is None:
                refused = self.registration_refused()  # a new account: the registration limit per address
                if refused is not None:
                    return refused
            try:
                producer = onboarding.apply(
                    form.save(commit=False),
                    user=form.user,
                    account=form.account(),
                    ip_address=client_ip(request),
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if form.user is None:
                    # The same answer whether or not the email had an account (finding 11).
                    request.session.pop(SESSION_APPLICATION, None)
                    request.session[SESSION_CONFIRM] = {
                        "email": form.cleaned_data["account_email"],
                        "name": form.cleaned_data["name"],
                    }
                else:
                    request.session.pop(SESSION_CONFIRM, None)
                    request.session[SESSION_APPLICATION] = producer.pk
                return redirect("selling:applied")
        return self.render(form)

    def render(self, form, picked=False):
        user = self.request.user
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "picked_province": picked,
                "existing_application": onboarding.open_application_of(user) if user.is_authenticated else None,
                "login_url": reverse("customer:login") + "?" + urlencode({"next": self.request.path}),
            },
        )


class ApplicationReceivedView(TemplateView):
    """What happens next, after the application was sent."""

    template_name = "partner/application_received.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer_id = self.request.session.get(SESSION_APPLICATION)
        context["producer"] = Partner.objects.filter(pk=producer_id).first() if producer_id else None
        context["confirm"] = self.request.session.get(SESSION_CONFIRM)
        context["valid_days"] = accounts.LINK_VALIDITY.days
        return context


class InvitationView(View):
    """Accept an invitation to a producer's team: logged in with the invited email, or after a short
    sign-up for that email. Expired, revoked or used links say so."""

    template_name = "partner/invitation.html"

    def dispatch(self, request, token):
        try:
            self.invitation = ProducerInvitation.objects.select_related("partner", "invited_by").get(token=token)
        except ProducerInvitation.DoesNotExist:
            return self.refuse(_("Không tìm thấy lời mời này. Hãy kiểm tra lại đường dẫn trong email."), 404)
        try:
            team.check_usable(self.invitation)
        except team.InvitationUnusable as unusable:
            return self.refuse(str(unusable), 410)
        return super().dispatch(request, token)

    def refuse(self, message, status):
        return render(self.request, "partner/invitation_error.html", {"message": message}, status=status)

    def context(self, **extra):
        request = self.request
        has_account = get_user_model().objects.filter(email__iexact=self.invitation.email).exists()
        return {
            "invitation": self.invitation,
            "producer": self.invitation.partner,
            "email_matches": team.email_matches(self.invitation, request.user),
            "has_account": has_account,
            "login_url": reverse("customer:login") + "?" + urlencode({"next": request.path}),
            **extra,
        }

    def get(self, request, token):
        signup = None
        if not request.user.is_authenticated:
            signup = InvitationSignupForm(email=self.invitation.email)
        return render(request, self.template_name, self.context(signup_form=signup))

    def post(self, request, token):
        user = request.user
        form = None
        if not user.is_authenticated:
            form = InvitationSignupForm(request.POST, email=self.invitation.email)
            if not form.is_valid():
                return render(request, self.template_name, self.context(signup_form=form))
        elif not team.email_matches(self.invitation, user):
            return self.refuse(
                _(
                    "Lời mời này gửi tới %(email)s, nhưng bạn đang đăng nhập bằng %(mine)s. Hãy đăng "
                    "xuất rồi đăng nhập bằng đúng email được mời."
                )
                % {"email": self.invitation.email, "mine": user.email},
                403,
            )
        try:
            with transaction.atomic():
                if form is not None:
                    data = form.cleaned_data
                    user = get_user_model().objects.create_user(
                        email=self.invitation.email,
                        password=data["password1"],
                        last_name=data["last_name"],
                        first_name=data["first_name"],
                    )
                producer = team.accept_invitation(self.invitation, user)
        except team.InvitationUnusable as unusable:
            return self.refuse(str(unusable), 410)
        except PermissionDenied as denied:
            return self.refuse(str(denied), 403)
        if form is not None:
            login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        return render(
            request, "partner/invitation_accepted.html", {"producer": producer, "portal_open": producer.is_verified}
        )
