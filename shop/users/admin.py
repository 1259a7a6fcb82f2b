from django.contrib import admin

from shop.users.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "last_name", "first_name", "is_staff", "is_active")
    search_fields = ("email", "last_name", "first_name")
    ordering = ("email",)
    exclude = ("password",)
