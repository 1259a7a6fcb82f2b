"""Addresses the Vietnamese way since 1 July 2025: province → commune/ward → street.

The codes are what the forms choose from the official lists (``shop.core.addresses``); ``save`` writes
the names into Oscar's display fields (``state`` = province, ``line4`` = commune/ward, country VN), so
Oscar's summaries, hashes, address book and emails keep working unchanged. The full name is one field
(``first_name``): Vietnamese names are not split into given and family names on forms.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractUserAddress

from shop.core.addresses import province_name, ward_name


class VietnameseAddressFields(models.Model):
    province_code = models.PositiveIntegerField(_("Tỉnh/thành phố"), null=True, blank=True)
    ward_code = models.PositiveIntegerField(_("Xã/phường"), null=True, blank=True)

    class Meta:
        abstract = True

    def fill_display_fields(self):
        if self.province_code:
            self.state = province_name(self.province_code)
        if self.ward_code:
            self.line4 = ward_name(self.ward_code)
        if not self.country_id:
            self.country_id = "VN"

    def save(self, *args, **kwargs):
        self.fill_display_fields()
        super().save(*args, **kwargs)


class UserAddress(VietnameseAddressFields, AbstractUserAddress):
    class Meta(AbstractUserAddress.Meta):
        pass


from oscar.apps.address.models import *  # noqa: E402,F401,F403 — Oscar's other address models
