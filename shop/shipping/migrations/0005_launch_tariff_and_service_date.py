"""Data: the launch tariff, the settings row, and the "Ngày sử dụng dịch vụ" option on the
community-tourism product class (created here when missing, by the name the portal uses)."""
from django.db import migrations

SERVICE_CLASS = "Dịch vụ du lịch OCOP"  # catalogue.ocop.editing.SERVICE_CLASS


def forwards(apps, schema_editor):
    from shop.shipping.tariff import install_tariff

    install_tariff(apps.get_model("shipping", "ZoneRate"), apps.get_model("shipping", "RateBand"))
    apps.get_model("shipping", "ShippingSettings").objects.get_or_create(pk=1)

    Option = apps.get_model("catalogue", "Option")
    ProductClass = apps.get_model("catalogue", "ProductClass")
    option, _created = Option.objects.get_or_create(
        code="service_date",
        defaults={"name": "Ngày sử dụng dịch vụ", "type": "date", "required": True,
                  "help_text": "Ngày quý khách đến sử dụng dịch vụ (từ hôm nay trở đi)."})
    if not ProductClass.objects.filter(name=SERVICE_CLASS).exists():
        ProductClass.objects.create(name=SERVICE_CLASS, slug="dich-vu-du-lich-ocop", requires_shipping=False,
                                    track_stock=True)
    for product_class in ProductClass.objects.filter(requires_shipping=False):
        product_class.options.add(option)


class Migration(migrations.Migration):

    dependencies = [
        ("shipping", "0004_parcels_and_rates"),
        ("catalogue", "0036_product_search_folded"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
