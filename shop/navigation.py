"""Dashboard menu visibility (imported by settings: nothing here imports models at import time)."""


def wagtail_admin_access(user, url_name, url_args=None, url_kwargs=None):
    """Show the Wagtail admin link in Oscar's dashboard menu to those who may enter it."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def portal_access(user, url_name, url_args=None, url_kwargs=None):
    """Show the producers' portal menu to those who work for a producer (as member or named
    assistant) — not to administrators merely because they hold every permission."""
    from oscar.apps.dashboard.nav import default_access_fn

    from shop.partner import access

    if not default_access_fn(user, url_name, url_args, url_kwargs):
        return False
    if not hasattr(user, "_ocop_works_for_a_producer"):  # one query per menu, not per entry
        user._ocop_works_for_a_producer = access.manageable_producers(user).exists()
    return user._ocop_works_for_a_producer


def files_access(permission):
    """The "Tệp xuất và nhập" entry in a back-office menu: shown to those who may reach the page and hold the
    menu's ``permission`` (so a producer does not see the reviewers' menu appear just for this entry)."""

    def access_fn(user, url_name, url_args=None, url_kwargs=None):
        from oscar.apps.dashboard.nav import default_access_fn

        return default_access_fn(user, url_name, url_args, url_kwargs) and user.has_perm(permission)

    return access_fn
