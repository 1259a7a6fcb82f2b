"""``{% pending_application_of user as application %}`` for the 403 page: the producer this account applied
for and that still waits for verification, or None. In the template rather than in the 403 handler, so the
page says it whichever handler renders ``403.html`` (ours, or Django's default)."""

from django import template

register = template.Library()


@register.simple_tag
def pending_application_of(user):
    from oscar.core.loading import get_model

    from shop.producers import onboarding

    if user is None or not user.is_authenticated:
        return None
    application = onboarding.open_application_of(user)
    if application is None or application.verification_status != get_model("partner", "Partner").Verification.PENDING:
        return None
    return application
