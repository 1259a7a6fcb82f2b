"""Demo provincial offices (issue 23): the demo reviewer works for Lào Cai; a national officer compares the 34
provinces and assigns officers; a Hà Nội officer shows that an office sees its own province only.

Development data only; idempotent (each account and assignment is made once). The README lists the logins.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from shop.users.models import OfficerProvince

LAO_CAI, HANOI = 15, 1
NATIONAL_EMAIL, NATIONAL_PASSWORD = "trunguong@ocop.example.vn", "ocop-national-2026"
HANOI_OFFICER_EMAIL, HANOI_OFFICER_PASSWORD = "canbo.hanoi@ocop.example.vn", "ocop-hanoi-2026"

REVIEW = ("catalogue", "review_ocop_product")
# The national role: every province, assigning officers, and the provinces' registry counts.
NATIONAL = (
    REVIEW,
    ("users", "see_all_provinces"),
    ("users", "add_officerprovince"),
    ("registry", "add_provinceregistry"),
)


def _permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def _staff(email, password, family, given, permissions):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password, last_name=family, first_name=given)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.user_permissions.add(*_permissions(permissions))
    return user


def ensure_offices(reviewer):
    """The demo reviewer is Lào Cai's officer; plus the national officer and a Hà Nội officer."""
    national = _staff(NATIONAL_EMAIL, NATIONAL_PASSWORD, "Đỗ Văn", "Quốc", NATIONAL)
    OfficerProvince.objects.get_or_create(user=reviewer, province_code=LAO_CAI, defaults={"assigned_by": national})
    hanoi = _staff(HANOI_OFFICER_EMAIL, HANOI_OFFICER_PASSWORD, "Trần Minh", "Hà", (REVIEW,))
    OfficerProvince.objects.get_or_create(user=hanoi, province_code=HANOI, defaults={"assigned_by": national})
    return national
