"""The producer's team in the portal, and the switch between producers.

Everyone who works for the producer sees the team; only the director invites, revokes invitations and
removes users (``shop.producers.team`` checks it again). POSTs by anyone else are 403 and change nothing.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from shop.dashboard.portal.mixins import PortalMixin
from shop.partner import access
from shop.producers import team
from shop.producers.forms import InvitationForm

ProducerInvitation = get_model("partner", "ProducerInvitation")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")


class TeamView(PortalMixin, TemplateView):
    template_name = "oscar/dashboard/portal/team.html"
    post_needs = access.FULFIL  # a suspended producer keeps its team (e.g. removes a departed user)
    # POST "action" → method (the director's changes to the team).
    actions = {"invite": "action_invite", "revoke": "action_revoke", "remove": "action_remove"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer = self.producer
        context.update(
            {
                "members": producer.users.order_by("last_name", "first_name", "email"),
                "invitations": team.pending_invitations(producer).select_related("invited_by"),
                "grants": AssistedEntryGrant.objects.filter(partner=producer)
                .select_related("user", "granted_by")
                .order_by("user__last_name", "user__first_name"),
                "invitation_form": kwargs.get("invitation_form") or InvitationForm(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        producer = self.producer
        if not self.is_director:
            raise PermissionDenied(_("Chỉ người đại diện của chủ thể mới được mời hoặc xoá người dùng."))
        method = self.actions.get(request.POST.get("action"))
        if method is None:
            messages.error(request, _("Thao tác không hợp lệ."))
            return redirect("dashboard:portal-team")
        try:
            response = getattr(self, method)(request, producer)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            response = None
        return response or redirect("dashboard:portal-team")

    # --- Actions: each returns a response, or None to go back to the team page ---------------

    def action_invite(self, request, producer):
        form = InvitationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(invitation_form=form), status=400)
        try:
            invitation = team.invite(
                producer, request.user, form.cleaned_data["email"], site_url=request.build_absolute_uri("/")
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(invitation_form=form), status=400)
        messages.success(
            request, _("Đã gửi lời mời tới %(email)s. Lời mời dùng được trong 7 ngày.") % {"email": invitation.email}
        )
        return None

    def action_revoke(self, request, producer):
        invitation = get_object_or_404(ProducerInvitation, pk=request.POST.get("invitation"), partner=producer)
        team.revoke_invitation(invitation, request.user)
        messages.success(request, _("Đã huỷ lời mời gửi tới %(email)s.") % {"email": invitation.email})
        return None

    def action_remove(self, request, producer):
        member = get_object_or_404(producer.users.all(), pk=request.POST.get("user"))
        team.remove_user(producer, request.user, member)
        messages.success(request, _("Đã xoá %(name)s khỏi chủ thể.") % {"name": member})
        return None


class SwitchProducerView(View):
    """POST ``producer``: work for that producer from now on (only one the user may manage; else 404)."""

    def post(self, request):
        try:
            producer_id = int(request.POST.get("producer", ""))
        except ValueError:
            raise Http404
        producer = access.manageable_producers(request.user).filter(pk=producer_id).first()
        if producer is None:
            raise Http404
        request.session["portal_producer_id"] = producer.pk
        messages.info(request, _("Bạn đang làm việc cho %(name)s.") % {"name": producer.name})
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            target = "dashboard:portal-team"
        return redirect(target)
