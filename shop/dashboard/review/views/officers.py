"""The national role's page "Cán bộ theo tỉnh": the officers of the provincial offices with their provinces,
assigning one to a province and ending an assignment. The rules (who may assign, a staff account, a province of
the 2025 list, logged with who and when) are ``shop.users.offices``'; access: ``users.see_all_provinces`` and
``users.add_officerprovince`` (ReviewDashboardConfig.permissions_map), checked again by the service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from shop.core import addresses
from shop.dashboard.review.forms import OfficerAssignmentForm
from shop.users import offices

OfficerProvince = get_model("users", "OfficerProvince")


class OfficersView(ListView):
    template_name = "oscar/dashboard/ocop/officers.html"
    context_object_name = "officers"
    paginate_by = 50

    # POST "action" → method; a form without one assigns.
    actions = {"assign": "action_assign", "unassign": "action_unassign"}

    def get_queryset(self):
        return offices.officers()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = getattr(self, "form", None) or OfficerAssignmentForm()
        return context

    def post(self, request, *args, **kwargs):
        return getattr(self, self.actions.get(request.POST.get("action"), "action_assign"))(request)

    def action_unassign(self, request):
        row = get_object_or_404(OfficerProvince.objects.select_related("user"), pk=request.POST.get("assignment") or 0)
        offices.unassign(row, request.user)
        messages.success(
            request,
            _("%(email)s thôi phụ trách %(province)s.")
            % {"email": row.user.email, "province": addresses.province_name(row.province_code)},
        )
        return redirect("dashboard:ocop-officers")

    def action_assign(self, request):
        form = OfficerAssignmentForm(request.POST)
        if form.is_valid():
            try:
                row = offices.assign(form.officer, form.cleaned_data["province_code"], request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(email)s phụ trách %(province)s từ hôm nay.")
                    % {"email": row.user.email, "province": addresses.province_name(row.province_code)},
                )
                return redirect("dashboard:ocop-officers")
        self.form = form
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(), status=400)
