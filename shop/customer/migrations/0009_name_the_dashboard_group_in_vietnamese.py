"""Oscar's 0008 creates the staff group "All Oscar Dashboard Permissions"; the Wagtail admin's users and groups
pages show that name to Vietnamese officers. Group names are data, written in Vietnamese like the rest."""

from django.db import migrations

OSCARS_NAME = "All Oscar Dashboard Permissions"
OUR_NAME = "Toàn quyền bảng điều khiển bán hàng"


def rename(apps, schema_editor, old=OSCARS_NAME, new=OUR_NAME):
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=new).exists():
        Group.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=OUR_NAME, new=OSCARS_NAME)


class Migration(migrations.Migration):
    dependencies = [("customer", "0008_assign_permissions_to_staff")]

    operations = [migrations.RunPython(rename, rename_back)]
