from oscar.apps.dashboard.users import apps as users_apps


class UsersDashboardConfig(users_apps.UsersDashboardConfig):
    """Oscar's users dashboard, forked for its table (``tables.py``): the name column's heading."""

    name = "shop.dashboard.users"
