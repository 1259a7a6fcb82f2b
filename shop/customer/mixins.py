"""Registration logs the new account in without checking its password again.

Oscar's ``register_user`` calls ``authenticate()`` with the password just chosen, then logs in what it
returns; the login lock (shop/users/throttling.py ``LockoutBackend``) refuses that call from an address
locked for guessing passwords, and Oscar would then log in nobody and fail. Opening an account checks no
existing password, so it is not a login attempt: the new account is logged in directly.

Oscar's class loader looks here first for "customer.mixins"; what is not defined here is Oscar's.
"""

from django.conf import settings
from django.contrib.auth import login
from oscar.apps.customer import mixins
from oscar.apps.customer.signals import user_registered

PageTitleMixin = mixins.PageTitleMixin
BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class RegisterUserMixin(mixins.RegisterUserMixin):
    def register_user(self, form):
        user = form.save()
        user_registered.send_robust(sender=self, request=self.request, user=user)
        if getattr(settings, "OSCAR_SEND_REGISTRATION_EMAIL", True):
            self.send_registration_email(user)
        login(self.request, user, backend=BACKEND)
        return user
