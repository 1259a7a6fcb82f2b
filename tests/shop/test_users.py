import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_full_name_is_family_name_first():
    user = get_user_model().objects.create_user(
        email="hoa@example.vn", password="x-2026-mat-khau", last_name="Nguyễn Thị", first_name="Hoa")
    assert user.get_full_name() == "Nguyễn Thị Hoa"
    assert user.get_short_name() == "Hoa"
    assert user.family_name == "Nguyễn Thị"
    assert str(user) == "Nguyễn Thị Hoa"


def test_user_model_is_ours_and_logs_in_by_email():
    User = get_user_model()
    assert User._meta.label == "users.User"
    assert User.USERNAME_FIELD == "email"
