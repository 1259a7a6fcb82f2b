from django.db import migrations


def add_vietnam(apps, schema_editor):
    """Checkout needs Vietnam as a shipping country on any fresh database, demo or not."""
    Country = apps.get_model("address", "Country")
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={"iso_3166_1_a3": "VNM", "iso_3166_1_numeric": "704", "name": "Việt Nam",
                  "printable_name": "Việt Nam", "is_shipping_country": True, "display_order": 1})


class Migration(migrations.Migration):
    dependencies = [("address", "0008_vietnamese_address")]
    operations = [migrations.RunPython(add_vietnam, migrations.RunPython.noop)]
