"""Oscar's checkout session mixin, with one more pre-condition on every checkout step: a signed-in account
whose latest personal-data consent is withdrawn cannot order (shop.customer.privacy.may_order) and is sent to
its data rights page, where it can agree again.

Oscar's class loader looks here first for "checkout.session"; every checkout view inherits this mixin.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import session as oscar_session
from oscar.apps.checkout.exceptions import FailedPreCondition

CheckoutSessionData = oscar_session.CheckoutSessionData


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    def check_pre_conditions(self, request):
        self.check_personal_data_consent(request)
        super().check_pre_conditions(request)

    def check_personal_data_consent(self, request):
        from shop.customer import privacy

        if request.user.is_authenticated and not privacy.may_order(request.user):
            raise FailedPreCondition(
                url=reverse("customer:data-rights"),
                message=_(
                    "Quý vị đã rút lại sự đồng ý xử lý dữ liệu cá nhân, nên tài khoản chưa đặt hàng được: sàn cần "
                    "dữ liệu đó để giao hàng. Hãy đồng ý lại tại trang Quyền dữ liệu cá nhân để tiếp tục."
                ),
            )
