from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class CommerceDashboardMenuItem(MenuItem):
    """Shown to those who may open Oscar's dashboard (staff and producers)."""

    def is_shown(self, request):
        user = request.user
        return user.is_staff or user.has_perm("partner.dashboard_access")


@hooks.register("register_admin_menu_item")
def register_commerce_dashboard_link():
    return CommerceDashboardMenuItem(
        _("Quản lý bán hàng (Oscar)"),
        reverse("dashboard:index"),
        icon_name="site",
        order=10000,
    )


@hooks.register("register_admin_viewset")
def register_choosers():
    from cms.choosers import producer_chooser_viewset, product_chooser_viewset

    return [product_chooser_viewset, producer_chooser_viewset]
