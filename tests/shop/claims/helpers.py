"""Registry stubs and the codes sent to them, for the claim tests."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from catalogue.programme.review import ReviewStatus
from shop.core.addresses import ward_choices
from shop.notifications.models import OutboxMessage
from tests import factories

Partner = get_model("partner", "Partner")
OcopCertificate = get_model("catalogue", "OcopCertificate")
OfficerProvince = get_model("users", "OfficerProvince")
LAO_CAI = factories.LAO_CAI


def stub(name="Hộ kinh doanh Giàng Seo Phử", *, province_code=LAO_CAI, ward=None, **fields):
    """A producer known only from the province's registry: nobody manages it."""
    number = factories._next()
    fields = {
        "code": f"so-dang-ky-{number}",
        "name": name,
        "kind": Partner.Kind.HOUSEHOLD,
        "province_code": province_code,
        "ward_code": ward or ward_choices(province_code)[0][0],
        "phone": "0912 345 123",
        "email": f"ho-kinh-doanh-{number}@example.vn",
        "registration_number": f"12A8{number:06d}",
        "verification_status": Partner.Verification.UNCLAIMED,
        **fields,
    }
    return Partner.objects.create(**fields)


def registry_product(of, *, title=None, **fields):
    """A registry product of ``of``: a draft without price or stock, its certificate approved (the office's list)."""
    return factories.product(
        of,
        title=title,
        on_sale=False,
        price=None,
        stock=None,
        certificate_fields={"review": OcopCertificate.Review.APPROVED},
        **fields,
    )


def certified_draft(of, **fields):
    made = registry_product(of, **fields)
    assert made.review_status == ReviewStatus.DRAFT
    return made


def last_code(recipient):
    """The 6-digit code in the last message queued to ``recipient`` (the recording SMS backend keeps the text)."""
    message = OutboxMessage.objects.filter(recipient=recipient).latest("pk")
    return re.search(r"\b(\d{6})\b", message.body_text).group(1)


def officer(province_code=LAO_CAI, *, national=False):
    """A staff account of a provincial OCOP office (review permission) for ``province_code``, or national."""
    made = factories.user()
    get_user_model().objects.filter(pk=made.pk).update(is_staff=True)
    made.user_permissions.add(
        Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
    )
    if national:
        made.user_permissions.add(Permission.objects.get(codename="see_all_provinces", content_type__app_label="users"))
    else:
        OfficerProvince.objects.create(user=made, province_code=province_code)
    return get_user_model().objects.get(pk=made.pk)


def grant_manager(province_code=LAO_CAI):
    """An officer of the province who may also grant assisted entry (``partner.change_partner``)."""
    made = officer(province_code)
    made.user_permissions.add(Permission.objects.get(codename="change_partner", content_type__app_label="partner"))
    return type(made).objects.get(pk=made.pk)
