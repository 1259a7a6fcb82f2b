"""Cross-links between the two back offices (imported by settings: no models here)."""


def wagtail_admin_access(user, url_name, url_args=None, url_kwargs=None):
    """Show the Wagtail admin link in Oscar's dashboard menu to those who may enter it."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
