import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, for administrators only, with every publishing door closed.

    Publishing happens only in catalogue/ocop/workflow.py: the product form has
    no "is public" box and the bulk "make public / non-public" actions are gone.
    Oscar opens its product pages to partner users too; here they are staff-only:
    producers (and assistants acting for them) edit their products in the portal
    (``shop/dashboard/portal``, ``catalogue/ocop/editing.py``), where content edits of a
    product on sale send it back to review.
    """

    name = "shop.dashboard.catalogue"

    def configure_permissions(self):
        super().configure_permissions()
        # Oscar's product entries are (staff permissions, partner access): keep the first,
        # and require staff on every page of this app.
        staff_only = {}
        for view_name, permissions in self.permissions_map.items():
            if isinstance(permissions, tuple):
                permissions = permissions[0]
            staff_only[view_name] = ["is_staff", *permissions]
        self.permissions_map = staff_only
