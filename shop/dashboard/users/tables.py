"""Oscar's users dashboard table (``get_class("dashboard.users.tables", "UserTable")`` looks here first), with a
heading for the name column in the page's language, where Oscar's prints the attribute name "Name"."""

from django.utils.translation import gettext_lazy as _
from django_tables2 import Column
from oscar.apps.dashboard.users.tables import UserTable as OscarUserTable


class UserTable(OscarUserTable):
    name = Column(accessor="get_full_name", order_by=("last_name", "first_name"), verbose_name=_("Họ tên"))

    class Meta(OscarUserTable.Meta):
        pass
