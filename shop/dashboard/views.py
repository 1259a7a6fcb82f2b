"""Oscar's dashboard views, with the index sending producers to their portal.

Oscar shows partner users a copy of the shop's statistics filtered to orders *containing* their
lines; producers use the portal instead (``shop/dashboard/portal``), which shows only their own lines.
Oscar's loader takes the other classes of ``dashboard.views`` (LoginView, the pop-up mixins) from
Oscar's module when they are not defined here.
"""
from django.shortcuts import redirect
from oscar.apps.dashboard.views import IndexView as CoreIndexView


class IndexView(CoreIndexView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            return redirect("dashboard:portal-home")
        return super().dispatch(request, *args, **kwargs)
