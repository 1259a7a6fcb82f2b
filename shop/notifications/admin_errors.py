"""Error mails to ``ADMINS`` go straight to the mail server (``OCOP_EMAIL_DELIVERY_BACKEND``), not through the
outbox: they report failures, the database's among them, so they must not need it. Imported by the logging
configuration, before the apps are ready: nothing here touches models."""

from django.conf import settings
from django.core.mail import get_connection
from django.utils.log import AdminEmailHandler


class DirectAdminEmailHandler(AdminEmailHandler):
    def connection(self):
        return get_connection(backend=self.email_backend or settings.OCOP_EMAIL_DELIVERY_BACKEND, fail_silently=True)
