"""Certificate scans become private (catalogue/programme/scans.py): the field moves to the private storage with
generated names, and every scan already stored in the public media folder is moved there under a generated
name. Not atomic, on purpose: each row is updated right after its file is copied (see
``scans.move_public_scans``), so rows and files stay in step even if the move is interrupted; running it
again finishes the job."""
from django.core.files.storage import storages
from django.db import migrations, models

import catalogue.programme.scans
import shop.core.storage
import shop.core.uploads


def move_scans_to_private_storage(apps, schema_editor):
    OcopCertificate = apps.get_model("catalogue", "OcopCertificate")
    catalogue.programme.scans.move_public_scans(OcopCertificate.objects.using(schema_editor.connection.alias),
                            storages["default"], shop.core.storage.PrivateStorage())


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ('catalogue', '0037_product_kept_on_sale_decision'),
    ]

    operations = [
        migrations.AlterField(
            model_name='ocopcertificate',
            name='scan',
            field=models.FileField(blank=True, storage=shop.core.storage.private_storage, upload_to=catalogue.programme.scans.certificate_scan_upload_to, validators=[shop.core.uploads.validate_document_scan], verbose_name='Bản chụp giấy chứng nhận (PDF hoặc ảnh)'),
        ),
        # Backwards: the scans stay private (publishing them again is not something to undo into).
        migrations.RunPython(move_scans_to_private_storage, migrations.RunPython.noop),
    ]
