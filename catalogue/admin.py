from django.contrib import admin
from oscar.apps.catalogue.admin import *  # noqa: F401,F403 — Oscar's catalogue admin

from catalogue.models import OcopCertificate


@admin.register(OcopCertificate)
class OcopCertificateAdmin(admin.ModelAdmin):
    list_display = ("product", "star_rating", "decision_number", "decision_date", "expires_on", "issuer")
    list_filter = ("star_rating", "issuer_level", "taxonomy_version")
    search_fields = ("product__title", "decision_number", "issuer")
    autocomplete_fields = ("product",)
