"""The checkout's first step (who are you?): a guest's consent to the privacy notice is recorded here, with
the email given, the notice's version and the IP address; the order is tied to it once placed
(shop.customer.privacy.link_guest_consent)."""

from oscar.apps.checkout import views as oscar_views

from shop.core.throttle import client_ip


class IndexView(oscar_views.IndexView):
    def form_valid(self, form):
        if form.is_guest_checkout():
            from shop.customer import privacy

            privacy.record_consent(
                context=privacy.Consent.Context.GUEST_CHECKOUT,
                email=form.cleaned_data["username"],
                ip_address=client_ip(self.request),
            )
        return super().form_valid(form)
