"""Assisted entry (administrators with ``partner.change_partner``): let an account act on behalf of a
named producer, list the grants, revoke them. The work is done by ``shop.producers.team``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from shop.producers import team
from shop.producers.forms import AssistedEntryGrantForm

AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")


class AssistedEntryView(ListView):
    template_name = "oscar/dashboard/ocop/assistants.html"
    context_object_name = "grants"
    paginate_by = 50

    def get_queryset(self):
        return AssistedEntryGrant.objects.select_related("user", "partner", "granted_by").order_by(
            "user__email", "partner__name"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grant_form"] = getattr(self, "grant_form", None) or AssistedEntryGrantForm()
        return context

    # POST "action" → method; a form without one grants.
    actions = {"revoke": "action_revoke", "grant": "action_grant"}

    def post(self, request, *args, **kwargs):
        return getattr(self, self.actions.get(request.POST.get("action"), "action_grant"))(request)

    def action_revoke(self, request):
        grant = get_object_or_404(AssistedEntryGrant, pk=request.POST.get("grant"))
        producer_name = grant.partner.name
        assistant = team.revoke_assisted_entry(grant, request.user)
        messages.success(
            request,
            _("Đã thu hồi quyền nhập liệu của %(email)s cho %(name)s.")
            % {"email": assistant.email, "name": producer_name},
        )
        return redirect("dashboard:ocop-assistants")

    def action_grant(self, request):
        form = AssistedEntryGrantForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                grant = team.grant_assisted_entry(data["producer"], data["email"], request.user, data["note"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(email)s được nhập liệu thay %(name)s.")
                    % {"email": grant.user.email, "name": grant.partner.name},
                )
                return redirect("dashboard:ocop-assistants")
        self.grant_form = form
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(), status=400)
