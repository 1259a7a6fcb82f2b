"""Demo registry: Lào Cai's OCOP list (``cms/demo/registry/lao-cai-ocop.csv``) imported through the real importer.

The list holds the demo's listed products (matched, so the list backs what is on sale) and more of the province's
products whose producers are not on the market yet (unclaimed stubs, invited to claim them), plus one line the
rules refuse. Its real run records Lào Cai's dated count, the denominator of the figures' listed share. The names,
decisions and communes are the demo's, modelled on public Lào Cai / Yên Bái lists — not an official list.
Idempotent: imported once (a province that has a real import keeps it).
"""

import datetime
from pathlib import Path

from shop.registry import importer
from shop.registry.models import RegistryImport

LAO_CAI = 15
DEMO_FILE = Path(__file__).parent / "registry" / "lao-cai-ocop.csv"
DEMO_AS_OF = datetime.date(2025, 10, 31)
DEMO_SOURCE = "Danh sách sản phẩm OCOP tỉnh Lào Cai còn hiệu lực đến 31/10/2025 (số liệu minh hoạ)"


def ensure_demo_registry():
    if RegistryImport.objects.filter(province_code=LAO_CAI, dry_run=False).exists():
        return None
    with DEMO_FILE.open("rb") as fileobj:
        return importer.import_file(
            fileobj, DEMO_FILE.name, LAO_CAI, as_of=DEMO_AS_OF, source=DEMO_SOURCE, dry_run=False
        ).record
