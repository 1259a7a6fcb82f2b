from django.contrib import admin

from shop.users.models import PrivacyRequest, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "last_name", "first_name", "is_staff", "is_active")
    search_fields = ("email", "last_name", "first_name")
    ordering = ("email",)
    exclude = ("password",)


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    """The log of customers' data-rights requests (shop.customer.privacy): read only."""

    list_display = ("kind", "user", "requested_at", "completed_at", "handled_by", "outcome")
    list_filter = ("kind",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
