from django.db import migrations, models

from shop.core.addresses import street_key


def fill_street_keys(apps, schema_editor):
    """The key of every address already stored, in batches (a province's orders are many)."""
    ShippingAddress = apps.get_model("order", "ShippingAddress")
    batch = []
    for address in ShippingAddress.objects.only("pk", "line1").iterator(chunk_size=2000):
        address.street_key = street_key(address.line1)
        batch.append(address)
        if len(batch) == 2000:
            ShippingAddress.objects.bulk_update(batch, ["street_key"])
            batch = []
    ShippingAddress.objects.bulk_update(batch, ["street_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0023_vietnamese_address"),
    ]

    operations = [
        migrations.AddField(
            model_name="shippingaddress",
            name="street_key",
            field=models.CharField(blank=True, editable=False, max_length=255),
        ),
        migrations.RunPython(fill_street_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="shippingaddress",
            index=models.Index(fields=["province_code", "ward_code", "street_key"], name="order_address_street"),
        ),
    ]
