"""Administrators' view of the outbox (Wagtail admin, Settings → "Hộp thư đi"): every message with its status
and last error, filtered by status; a message not sent can be sent again. Read-only otherwise. Shown to
superusers and to users with ``notifications.view_outboxmessage``."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy

from shop.core.wagtail_admin import ReadOnlyPolicy, RowActionView
from shop.notifications import outbox
from shop.notifications.models import OutboxMessage

VIEW_PERMISSION = "notifications.view_outboxmessage"


class OutboxIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != OutboxMessage.SENT:
            buttons.append(
                ListingButton(
                    _("Gửi lại"), url=reverse("notifications_outbox:send_again", args=[instance.pk]), icon_name="redo"
                )
            )
        return buttons


class SendAgainView(RowActionView):
    """Puts the message back in the queue with fresh attempts and delivers it after commit."""

    template_name = "notifications/send_again.html"
    page_title = gettext_lazy("Gửi lại thông báo")
    header_icon = "mail"
    model = OutboxMessage
    permission = VIEW_PERMISSION
    index_url_name = "notifications_outbox:index"
    context_object_name = "message"

    def act(self, request):
        if self.row.status == OutboxMessage.SENT:
            messages.error(request, _("Thư này đã được gửi; không gửi lại."))
        else:
            outbox.retry(self.row)
            messages.success(
                request, _("Đã đưa thư tới %(recipient)s vào hàng chờ gửi lại.") % {"recipient": self.row.recipient}
            )


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    # Wagtail's "usage" index would queue a task at every row saved (three per order placed) for a
    # list nobody needs: outbox rows are not referenced from content.
    add_to_reference_index = False
    menu_label = gettext_lazy("Hộp thư đi")
    add_to_settings_menu = True
    index_view_class = OutboxIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "recipient",
        "event_code",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", "channel", "event_code"]
    inspect_view_fields = [
        "channel",
        "recipient",
        "event_code",
        "language",
        "subject",
        "body_text",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]

    form_fields = ["status"]  # required by ModelViewSet; the policy allows no edit view

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("send-again/<int:pk>/", SendAgainView.as_view(), name="send_again")]


register_permission_policy(OutboxMessage, ReadOnlyPolicy(OutboxMessage))
outbox_viewset = OutboxViewSet("notifications_outbox")


@hooks.register("register_admin_viewset")
def register_outbox():
    return outbox_viewset
