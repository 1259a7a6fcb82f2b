"""A producer keeps its own profile in the portal: legal details, contact, address, story, pictures and delivery
preferences — the one writer of those fields after onboarding (the payout account has its own door,
``shop.producers.payout``, because the office re-verifies it).

Who may change what (``shop.partner.access``): the producer's members and assistants with ``SELL`` change every
section; contact and delivery need only ``FULFIL``, so a suspended producer, which still ships the orders already
placed, stays reachable and keeps its couriers. The province is not self-service (it decides which office answers
for the producer): the page says to ask the office. Every change is in the producer's activity log with both
names for an assistant, old → new for the legal, contact, address and delivery fields; what the public shop page
shows is refreshed (``shop.core.changes``).
"""

from __future__ import annotations

import os
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core import addresses, changes
from shop.partner import access, activity

Partner = get_model("partner", "Partner")
ProducerPicture = get_model("partner", "ProducerPicture")


class Section:
    def __init__(self, fields, need=access.SELL, log_values=True, public=True):
        self.fields, self.need, self.log_values, self.public = fields, need, log_values, public


SECTIONS = {
    "legal": Section(("legal_name", "kind", "registration_number", "tax_code", "citizen_id", "representative")),
    "contact": Section(("phone", "email"), need=access.FULFIL, public=False),
    "address": Section(("ward_code", "street")),
    "story": Section(("story", "story_en"), log_values=False),
    "delivery": Section(("preparation_days", "preferred_carrier"), need=access.FULFIL),
}
PICTURES_NEED = access.SELL


def _shown(producer, field):
    """A field's value as the activity log shows it (a citizen ID only by its last digits)."""
    value = getattr(producer, field)
    if field == "kind":
        return producer.get_kind_display()
    if field == "ward_code":
        return addresses.ward_name(value) or ""
    if field == "citizen_id" and value:
        return "…" + value[-4:]
    return str(value)


def update_section(producer, user, section, values):
    """Write the section's ``values`` (already validated by the form) and log what changed; returns the
    names of the changed fields ([] when nothing did). PermissionDenied when the user may not."""
    rule = SECTIONS[section]
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        access.on_behalf_of(user, producer, rule.need)
        changed = [name for name in rule.fields if getattr(producer, name) != values[name]]
        if not changed:
            return []
        old = {name: _shown(producer, name) for name in changed}
        for name in changed:
            setattr(producer, name, values[name])
        producer.save(update_fields=changed)
        labels = {name: str(Partner._meta.get_field(name).verbose_name) for name in changed}
        if rule.log_values:
            summary = "; ".join(
                f"{labels[name]}: {old[name] or _('(trống)')} → {_shown(producer, name) or _('(trống)')}"
                for name in changed
            )
        else:
            summary = _("Sửa %(fields)s.") % {"fields": ", ".join(labels.values())}
        activity.record(user, producer, f"profile_{section}", summary, obj=producer, need=rule.need)
        if rule.public:
            changes.producer_changed(producer)
    return changed


def _private_name(upload):
    """An unguessable stored name (never the one the phone gave), with the checked extension."""
    upload.name = secrets.token_urlsafe(12) + os.path.splitext(upload.name or "")[1].lower()
    return upload


def set_logo(producer, user, upload):
    """Replace the logo (``upload`` validated by the form); the old file is removed."""
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        access.on_behalf_of(user, producer, PICTURES_NEED)
        old = producer.logo.name if producer.logo else ""
        producer.logo = _private_name(upload)
        producer.save(update_fields=["logo"])
        activity.record(user, producer, "profile_logo", _("Đổi biểu trưng (logo)."), obj=producer)
        changes.producer_changed(producer)
        if old:
            transaction.on_commit(lambda: producer.logo.storage.delete(old))
    return producer


def add_pictures(producer, user, uploads, caption=""):
    """Add pictures (validated by the form) after the producer's others, up to ``MAX_PER_PRODUCER``."""
    with transaction.atomic():
        producer = Partner.objects.select_for_update().get(pk=producer.pk)
        access.on_behalf_of(user, producer, PICTURES_NEED)
        count = producer.pictures.count()
        room = ProducerPicture.MAX_PER_PRODUCER - count
        if len(uploads) > room:
            raise ValidationError(
                _("Mỗi chủ thể có tối đa %(limit)s ảnh; còn thêm được %(room)s ảnh.")
                % {"limit": ProducerPicture.MAX_PER_PRODUCER, "room": max(room, 0)}
            )
        pictures = [
            ProducerPicture.objects.create(
                partner=producer, image=_private_name(upload), caption=caption, display_order=count + index
            )
            for index, upload in enumerate(uploads)
        ]
        activity.record(
            user, producer, "profile_pictures", _("Thêm %(count)s ảnh giới thiệu.") % {"count": len(pictures)}
        )
        changes.producer_changed(producer)
    return pictures


def remove_picture(producer, user, picture):
    with transaction.atomic():
        access.on_behalf_of(user, producer, PICTURES_NEED)
        name = picture.image.name
        picture.delete()
        activity.record(user, producer, "profile_pictures", _("Xoá một ảnh giới thiệu."))
        changes.producer_changed(producer)
        transaction.on_commit(lambda: picture.image.storage.delete(name))
