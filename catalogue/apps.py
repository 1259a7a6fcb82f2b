import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked for OCOP data (certificates, product groups)."""

    name = "catalogue"
