"""A producer's team: the director invites and removes users; invitations are one-time, 7-day links."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")
ProducerActivity = get_model("portal_dashboard", "ProducerActivity")
ProducerInvitation = get_model("partner", "ProducerInvitation")
User = get_user_model()
TEAM_URL = reverse("dashboard:portal-team")


def portal_user(email, producer, **names):
    user = User.objects.create_user(email=email, password="Mat-khau-2026", **names)
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access", content_type__app_label="partner"))
    producer.users.add(user)
    return user


@pytest.fixture
def producer(producer_user):
    return Partner.objects.get(director=producer_user)


@pytest.fixture
def clerk(producer):
    return portal_user("ketoan.mai@example.vn", producer, last_name="Lù Văn", first_name="Sáng")


def invite(client, email, capture):
    with capture(execute=True):
        return client.post(TEAM_URL, {"action": "invite", "email": email})


def accept_link(message):
    return re.search(r"https?://\S+/ban-hang/loi-moi/\S+/", message.body).group(0)


def test_everyone_sees_the_team_only_the_director_gets_the_buttons(
    client, producer_user, producer, clerk, django_assert_max_num_queries
):
    client.force_login(producer_user)
    with django_assert_max_num_queries(25):
        page = client.get(TEAM_URL)
    content = page.content.decode()
    assert page.status_code == 200 and "Lý Thị Mai" in content and "Lù Văn Sáng" in content
    assert page.context["portal_is_director"] and 'id="invite_form"' in content
    assert content.count("Xoá khỏi cơ sở") == 1  # the clerk, never the director

    client.force_login(clerk)
    content = client.get(TEAM_URL).content.decode()
    assert 'id="invite_form"' not in content and "Xoá khỏi cơ sở" not in content
    assert 'id="read_only_note"' in content


def test_invite_and_accept_with_the_invited_account(
    client, producer_user, producer, django_capture_on_commit_callbacks
):
    invitee = User.objects.create_user(
        email="Hang.Nguyen@example.vn", password="Mat-khau-2026", last_name="Nguyễn Thu", first_name="Hằng"
    )
    client.force_login(producer_user)
    response = invite(client, "hang.nguyen@example.vn", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    invitation = ProducerInvitation.objects.get(partner=producer, email="hang.nguyen@example.vn")
    assert len(invitation.token) >= 43 and invitation.invited_by == producer_user
    validity = invitation.expires_at - invitation.created_at
    assert abs(validity - datetime.timedelta(days=7)) < datetime.timedelta(seconds=5)
    message = mail.outbox[-1]
    assert message.to == ["hang.nguyen@example.vn"] and producer.name in message.subject
    link = accept_link(message)
    assert link.endswith(f"/ban-hang/loi-moi/{invitation.token}/")
    assert "hang.nguyen@example.vn" in client.get(TEAM_URL).content.decode()  # pending invitation listed

    client.force_login(invitee)
    page = client.get(link)
    assert page.status_code == 200 and 'id="accept_invitation"' in page.content.decode()
    response = client.post(link)
    assert response.status_code == 200 and "Bạn đã là người dùng" in response.content.decode()
    assert producer.users.filter(pk=invitee.pk).exists()
    assert User.objects.get(pk=invitee.pk).has_perm("partner.dashboard_access")
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee and invitation.accepted_at
    assert client.get(TEAM_URL).status_code == 200
    actions = list(ProducerActivity.objects.filter(partner=producer).values_list("action", "actor"))
    assert ("invitation_sent", producer_user.pk) in actions and ("invitation_accepted", invitee.pk) in actions

    # The link works once.
    response = client.get(link)
    assert response.status_code == 410 and "đã được dùng" in response.content.decode()


def test_a_new_person_signs_up_from_the_invitation(client, producer_user, producer, django_capture_on_commit_callbacks):
    client.force_login(producer_user)
    invite(client, "moi.den@example.vn", django_capture_on_commit_callbacks)
    link = accept_link(mail.outbox[-1])
    client.logout()
    page = client.get(link).content.decode()
    assert 'id="invitation_signup"' in page
    response = client.post(
        link, {"last_name": "Giàng Thị", "first_name": "Dở", "password1": "ngan", "password2": "ngan"}
    )
    assert response.status_code == 200 and "password1" in response.context["signup_form"].errors
    assert not User.objects.filter(email="moi.den@example.vn").exists()
    response = client.post(
        link, {"last_name": "Giàng Thị", "first_name": "Dở", "password1": "Tho-cam-2026", "password2": "Tho-cam-2026"}
    )
    assert response.status_code == 200
    newcomer = User.objects.get(email="moi.den@example.vn")
    assert newcomer.get_full_name() == "Giàng Thị Dở" and producer.users.filter(pk=newcomer.pk).exists()
    assert client.get(TEAM_URL).status_code == 200  # logged in, portal open (the producer is verified)


def test_the_wrong_account_cannot_accept(client, producer_user, producer, customer, django_capture_on_commit_callbacks):
    client.force_login(producer_user)
    invite(client, "dung.nguoi@example.vn", django_capture_on_commit_callbacks)
    link = accept_link(mail.outbox[-1])
    client.force_login(customer)
    page = client.get(link)
    assert 'id="wrong_account"' in page.content.decode() and 'id="accept_invitation"' not in page.content.decode()
    response = client.post(link)
    assert response.status_code == 403 and "dung.nguoi@example.vn" in response.content.decode()
    assert not producer.users.filter(pk=customer.pk).exists()
    assert ProducerInvitation.objects.get(email="dung.nguoi@example.vn").accepted_at is None


def test_expired_revoked_and_unknown_links_are_refused(
    client, producer_user, producer, customer, django_capture_on_commit_callbacks
):
    client.force_login(producer_user)
    invite(client, customer.email, django_capture_on_commit_callbacks)
    invitation = ProducerInvitation.objects.get(email=customer.email)
    ProducerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(customer)
    link = reverse("selling:invitation", kwargs={"token": invitation.token})
    for method in (client.get, client.post):
        response = method(link)
        assert response.status_code == 410 and "đã hết hạn" in response.content.decode()
    assert not producer.users.filter(pk=customer.pk).exists()

    ProducerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=1), revoked_at=timezone.now()
    )
    response = client.post(link)
    assert response.status_code == 410 and "đã bị người đại diện huỷ" in response.content.decode()
    assert not producer.users.filter(pk=customer.pk).exists()

    response = client.get(reverse("selling:invitation", kwargs={"token": "khong-co-loi-moi-nay"}))
    assert response.status_code == 404 and "Không tìm thấy lời mời" in response.content.decode()


def test_the_director_revokes_an_invitation(client, producer_user, producer, django_capture_on_commit_callbacks):
    client.force_login(producer_user)
    invite(client, "tam.thoi@example.vn", django_capture_on_commit_callbacks)
    invitation = ProducerInvitation.objects.get(email="tam.thoi@example.vn")
    response = invite(client, "tam.thoi@example.vn", django_capture_on_commit_callbacks)
    assert response.status_code == 400 and "Đã có lời mời đang chờ" in response.content.decode()
    response = client.post(TEAM_URL, {"action": "revoke", "invitation": invitation.pk})
    assert response.status_code == 302
    assert ProducerInvitation.objects.get(pk=invitation.pk).revoked_at is not None
    page = client.get(TEAM_URL)
    assert "Đã huỷ lời mời gửi tới tam.thoi@example.vn." in page.content.decode()
    assert not page.context["invitations"] and 'id="team_invitations"' not in page.content.decode()


def test_a_clerk_cannot_invite_revoke_or_remove(
    client, producer_user, producer, clerk, django_capture_on_commit_callbacks
):
    client.force_login(producer_user)
    invite(client, "cho.duyet@example.vn", django_capture_on_commit_callbacks)
    invitation = ProducerInvitation.objects.get(email="cho.duyet@example.vn")
    other = portal_user("nguoi.khac@example.vn", producer)
    invitations = ProducerInvitation.objects.count()

    client.force_login(clerk)
    assert client.post(TEAM_URL, {"action": "invite", "email": "ban.cua.toi@example.vn"}).status_code == 403
    assert client.post(TEAM_URL, {"action": "revoke", "invitation": invitation.pk}).status_code == 403
    assert client.post(TEAM_URL, {"action": "remove", "user": other.pk}).status_code == 403
    assert client.post(TEAM_URL, {"action": "remove", "user": producer_user.pk}).status_code == 403
    assert ProducerInvitation.objects.count() == invitations
    assert ProducerInvitation.objects.get(pk=invitation.pk).revoked_at is None
    assert set(producer.users.values_list("pk", flat=True)) >= {other.pk, producer_user.pk, clerk.pk}


def test_the_director_removes_a_user_who_loses_the_portal(client, producer_user, producer, clerk):
    client.force_login(producer_user)
    response = client.post(TEAM_URL, {"action": "remove", "user": clerk.pk})
    assert response.status_code == 302
    assert not producer.users.filter(pk=clerk.pk).exists()
    assert not User.objects.get(pk=clerk.pk).has_perm("partner.dashboard_access")
    assert ProducerActivity.objects.filter(partner=producer, action="user_removed", actor=producer_user).exists()
    client.force_login(clerk)
    assert client.get(TEAM_URL).status_code == 403

    # The director cannot be removed; another producer's user is not found here.
    client.force_login(producer_user)
    client.post(TEAM_URL, {"action": "remove", "user": producer_user.pk})
    assert producer.users.filter(pk=producer_user.pk).exists()
    stranger = portal_user("nguoi.ngoai@example.vn", Partner.objects.get(code="htx-que-bao-yen"))
    assert client.post(TEAM_URL, {"action": "remove", "user": stranger.pk}).status_code == 404
    assert Partner.objects.get(code="htx-que-bao-yen").users.filter(pk=stranger.pk).exists()


def test_a_removed_user_who_works_for_another_producer_keeps_the_portal(client, producer_user, producer, clerk):
    Partner.objects.get(code="htx-que-bao-yen").users.add(clerk)
    client.force_login(producer_user)
    client.post(TEAM_URL, {"action": "remove", "user": clerk.pk})
    assert User.objects.get(pk=clerk.pk).has_perm("partner.dashboard_access")
