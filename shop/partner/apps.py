import oscar.apps.partner.apps as apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked: a partner is an OCOP producer (chủ thể OCOP)."""

    name = "shop.partner"
