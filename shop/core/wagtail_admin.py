"""Pieces shared by our Wagtail admin viewsets of system-written rows (the outbox, the task queue)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows written by the system only: nobody adds, edits or deletes them in the admin; whoever has the model's
    view permission sees them."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class RowActionView(WagtailAdminTemplateMixin, TemplateView):
    """One action on one row ("send again", "run again"): GET asks to confirm, POST does it (``act``, which
    leaves a message) and goes back to the listing. Only for users with ``permission``."""

    model = None
    permission = ""
    index_url_name = ""
    context_object_name = "row"

    def dispatch(self, request, pk):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.row = get_object_or_404(self.model, pk=pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            self.context_object_name: self.row,
            "index_url": reverse(self.index_url_name),
        }

    def post(self, request, pk):
        self.act(request)
        return redirect(self.index_url_name)

    def act(self, request):
        raise NotImplementedError
