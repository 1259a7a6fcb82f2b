import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError


@pytest.mark.django_db
def test_full_name_is_family_name_first():
    user = get_user_model().objects.create_user(
        email="hoa@example.vn", password="x-2026-mat-khau", last_name="Nguyễn Thị", first_name="Hoa"
    )
    assert user.get_full_name() == "Nguyễn Thị Hoa"
    assert user.get_short_name() == "Hoa"
    assert str(user) == "Nguyễn Thị Hoa"


def test_user_model_is_ours_and_logs_in_by_email():
    User = get_user_model()
    assert User._meta.label == "users.User"
    assert User.USERNAME_FIELD == "email"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "phone, valid",
    [("0912 345 678", True), ("0214 3812 345", True), ("", True), ("1900 1234", False), ("+1 415 555 0100", False)],
)
def test_an_accounts_phone_follows_the_one_phone_rule(phone, valid):
    """Any form or admin that edits an account's phone validates it like addresses and producers."""
    user = get_user_model()(email="hoa@example.vn", password="x", phone_number=phone)
    if valid:
        user.full_clean(exclude=["password", "last_login"])
    else:
        with pytest.raises(ValidationError) as raised:
            user.full_clean(exclude=["password", "last_login"])
        assert "Nhập số điện thoại Việt Nam" in str(raised.value.message_dict["phone_number"])
