import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard with every publishing door closed.

    Publishing happens only in catalogue/ocop/workflow.py: the product form has
    no "is public" box and the bulk "make public / non-public" actions are gone.
    """

    name = "shop.dashboard.catalogue"
