"""Oscar's checkout session mixin, with one more pre-condition on every checkout step: a signed-in account
whose latest personal-data consent is withdrawn, or given to an earlier notice version, cannot order
(shop.customer.privacy.checkout_refusal) and is sent to its data rights page, where it agrees and comes back.

Oscar's class loader looks here first for "checkout.session"; every checkout view inherits this mixin.
"""

from urllib.parse import urlencode

from django.urls import reverse
from oscar.apps.checkout import session as oscar_session
from oscar.apps.checkout.exceptions import FailedPreCondition

CheckoutSessionData = oscar_session.CheckoutSessionData


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    def check_pre_conditions(self, request):
        self.check_personal_data_consent(request)
        super().check_pre_conditions(request)

    def check_personal_data_consent(self, request):
        from shop.customer import privacy

        refusal = privacy.checkout_refusal(request.user) if request.user.is_authenticated else None
        if refusal:
            back = urlencode({"next": reverse("checkout:index")})
            raise FailedPreCondition(url=f"{reverse('customer:data-rights')}?{back}", message=refusal)
