"""Assisted entry (administrators with ``partner.change_partner``): let an account act on behalf of a
named producer, list the grants, revoke them. The work is done by ``shop.producers.team``. An officer sees,
grants and revokes for the producers of their provinces only (``shop.users.offices``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from shop.producers import team
from shop.producers.forms import AssistedEntryGrantForm
from shop.users import offices

AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")


class AssistedEntryView(ListView):
    template_name = "oscar/dashboard/ocop/assistants.html"
    context_object_name = "grants"
    paginate_by = 50

    def get_queryset(self):
        grants = AssistedEntryGrant.objects.select_related("user", "partner", "granted_by")
        return offices.scope_producers(grants, self.request.user, "partner").order_by("user__email", "partner__name")

    def make_grant_form(self, data=None):
        """The grant form, its producers limited to the officer's provinces."""
        form = AssistedEntryGrantForm(data)
        producer_field = form.fields["producer"]
        producer_field.queryset = offices.scope_producers(producer_field.queryset, self.request.user)  # type: ignore[attr-defined]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grant_form"] = getattr(self, "grant_form", None) or self.make_grant_form()
        return context

    # POST "action" → method; a form without one grants.
    actions = {"revoke": "action_revoke", "grant": "action_grant"}

    def post(self, request, *args, **kwargs):
        return getattr(self, self.actions.get(request.POST.get("action"), "action_grant"))(request)

    def action_revoke(self, request):
        grant = get_object_or_404(self.get_queryset(), pk=request.POST.get("grant") or 0)
        producer_name = grant.partner.name
        assistant = team.revoke_assisted_entry(grant, request.user)
        messages.success(
            request,
            _("Đã thu hồi quyền nhập liệu của %(email)s cho %(name)s.")
            % {"email": assistant.email, "name": producer_name},
        )
        return redirect("dashboard:ocop-assistants")

    def action_grant(self, request):
        form = self.make_grant_form(request.POST)
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
