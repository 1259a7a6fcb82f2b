"""Oscar's dashboard views, with the index sending producers to their portal and showing the shop's figures
only to staff who may see orders.

Oscar shows partner users a copy of the shop's statistics filtered to orders *containing* their
lines; producers use the portal instead (``shop/dashboard/portal``), which shows only their own lines.
Oscar's loader takes the other classes of ``dashboard.views`` (LoginView, the pop-up mixins) from
Oscar's module when they are not defined here.
"""

from django.shortcuts import redirect
from django.views.generic import TemplateView
from oscar.apps.dashboard.views import IndexView as CoreIndexView

# Oscar's index shows shop-wide revenue, orders, customers and baskets: the figures of the order pages.
COMMERCE_FIGURES_PERMISSION = "order.view_order"


class IndexView(CoreIndexView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            return redirect("dashboard:portal-home")
        return super().dispatch(request, *args, **kwargs)

    def shows_commerce_figures(self):
        return self.request.user.has_perm(COMMERCE_FIGURES_PERMISSION)

    def get_template_names(self):
        if not self.shows_commerce_figures():
            return ["oscar/dashboard/index_limited.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        if not self.shows_commerce_figures():
            # Staff without the order permission (an OCOP reviewer, say): the menu shows what they may use.
            return TemplateView.get_context_data(self, **kwargs)
        return super().get_context_data(**kwargs)
