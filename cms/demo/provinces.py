"""Four more provinces in the demo: the market at national scale (issue 23), not Lào Cai's alone.

Tuyên Quang (with the former Hà Giang), Sơn La, Điện Biên and Lâm Đồng — post-2025 provinces of
``shop.core.addresses`` — each with two verified producers, four certified products on sale, its own
provincial officer (a reviewer who sees and decides for that province only: ``shop.users.offices``) and a
dated registry count (``shop.registry.counts``), so the storefront's province filter and the figures'
national table have more than one row.

Products go through the same path as the Lào Cai demo (cms/demo/loader.py): a stock record, a certificate
by the authority the era allows (``catalogue.programme.rules``), the post-office agent submitting on the
producer's behalf under an assisted-entry grant, the province's officer approving the version seen.
Pictures and certificate scans reuse the files of a Lào Cai demo product of the same subgroup (nothing drawn:
the load stays ~as fast; the scans are illustrations, the certificate rows hold the real data), and the four
officers share one password hash. Idempotent like the loader: found by code, SKU and e-mail.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from catalogue.programme import taxonomy
from cms.demo.logins import REVIEWER_PASSWORD
from cms.demo.workflow import description_html, product_class, run_demo_workflow
from shop.core.addresses import province_name
from shop.core.phones import national_phone
from shop.registry.counts import record_count
from shop.registry.models import ProvinceRegistry
from shop.users.models import OfficerProvince

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
AssistedEntryGrant = get_model("partner", "AssistedEntryGrant")

TUYEN_QUANG, DIEN_BIEN, SON_LA, LAM_DONG = 8, 11, 14, 68
REGISTRY_AS_OF = datetime.date(2025, 10, 1)
REGISTRY_SOURCE = (
    "Số liệu minh hoạ: số sản phẩm OCOP của tỉnh %s sau hợp nhất (dữ liệu demo, không phải danh sách chính thức)"
)

# province code → (name in e-mails, certified products in the demo registry, officer's family and given name)
OFFICES = {
    TUYEN_QUANG: ("tuyenquang", 470, ("Hoàng Thị", "Thu")),
    SON_LA: ("sonla", 230, ("Lò Văn", "Ánh")),
    DIEN_BIEN: ("dienbien", 110, ("Quàng Thị", "Hương")),
    LAM_DONG: ("lamdong", 620, ("Trần Minh", "Khoa")),
}

PRODUCERS = [
    {
        "code": "htx-che-shan-tuyet-hoang-su-phi",
        "name": "Hợp tác xã Chè Shan tuyết Hoàng Su Phì",
        "name_en": "Hoàng Su Phì Shan tuyết Tea Cooperative",
        "kind": "cooperative",
        "representative": "Vàng Văn Sơn",
        "phone": "0915462381",
        "email": "htx.chehoangsuphi@example.vn",
        "registration_number": "5000274513",
        "province_code": TUYEN_QUANG,
        "ward_code": 1021,  # Xã Hoàng Su Phì
        "street": "Thôn Tụ Nhân",
        "story": "Hơn 60 hộ người Dao và La Chí hái chè Shan tuyết cổ thụ trên độ cao 1.200 m, sao thủ công trên chảo gang.",
        "story_en": "More than 60 Dao and La Chí households pick old Shan tuyết tea trees at 1,200 m and roast the leaves by hand in cast-iron pans.",
    },
    {
        "code": "htx-mat-ong-bac-meo-vac",
        "name": "Hợp tác xã Mật ong bạc hà Mèo Vạc",
        "name_en": "Mèo Vạc Buckwheat Honey Cooperative",
        "kind": "cooperative",
        "representative": "Giàng Mí Chá",
        "phone": "0914730518",
        "email": "htx.matongmeovac@example.vn",
        "registration_number": "5000318842",
        "province_code": TUYEN_QUANG,
        "ward_code": 769,  # Xã Mèo Vạc
        "street": "Thôn Pả Vi Hạ",
        "story": "Đàn ong nội của các hộ Mông hút mật hoa bạc hà (tam giác mạch) nở trắng cao nguyên đá mỗi cuối thu.",
        "story_en": "The Hmong households' native bees gather the nectar of buckwheat flowers that whiten the stone plateau each late autumn.",
    },
    {
        "code": "htx-che-moc-chau",
        "name": "Hợp tác xã Chè Tân Lập Mộc Châu",
        "name_en": "Tân Lập Mộc Châu Tea Cooperative",
        "kind": "cooperative",
        "representative": "Đinh Thị Hằng",
        "phone": "0912805634",
        "email": "htx.chemocchau@example.vn",
        "registration_number": "5500412276",
        "province_code": SON_LA,
        "ward_code": 3980,  # Phường Mộc Châu
        "street": "Tiểu khu Bó Bun",
        "story": "Đồi chè trái tim trên cao nguyên Mộc Châu: chè xanh và ô long trồng theo VietGAP, chế biến ngay trong ngày hái.",
        "story_en": "The heart-shaped tea hills of the Mộc Châu plateau: green and oolong tea grown to VietGAP and processed the day it is picked.",
    },
    {
        "code": "htx-ca-phe-chieng-ban",
        "name": "Hợp tác xã Cà phê Chiềng Ban",
        "name_en": "Chiềng Ban Coffee Cooperative",
        "kind": "cooperative",
        "representative": "Lò Văn Pọm",
        "phone": "0916284375",
        "email": "htx.caphechiengban@example.vn",
        "registration_number": "5500198354",
        "province_code": SON_LA,
        "ward_code": 4105,  # Xã Mai Sơn
        "street": "Bản Củ",
        "story": "Cà phê Arabica Sơn La của đồng bào Thái, hái chín từng quả và rang mộc tại hợp tác xã.",
        "story_en": "Sơn La Arabica from Thái farmers, picked ripe cherry by cherry and roasted plain at the cooperative.",
    },
    {
        "code": "htx-gao-thanh-nua",
        "name": "Hợp tác xã Gạo Thanh Nưa",
        "name_en": "Thanh Nưa Rice Cooperative",
        "kind": "cooperative",
        "representative": "Lường Văn Thắng",
        "phone": "0913527846",
        "email": "htx.gaothanhnua@example.vn",
        "registration_number": "5600127609",
        "province_code": DIEN_BIEN,
        "ward_code": 3328,  # Xã Thanh Nưa
        "street": "Bản Pa Pốm",
        "story": "Lúa Bắc Thơm và Séng Cù cấy trên cánh đồng Mường Thanh, xay xát mỗi tuần để gạo luôn mới.",
        "story_en": "Bắc Thơm and Séng Cù rice planted on the Mường Thanh field and milled weekly so the rice stays fresh.",
    },
    {
        "code": "hkd-lo-thi-xuan",
        "name": "Hộ kinh doanh Lò Thị Xuân",
        "name_en": "Lò Thị Xuân household business",
        "kind": "household",
        "representative": "Lò Thị Xuân",
        "phone": "0917364028",
        "email": "lothixuan.dienbien@example.vn",
        "registration_number": "5600233481",
        "province_code": DIEN_BIEN,
        "ward_code": 3334,  # Phường Mường Thanh
        "street": "Tổ dân phố 5",
        "story": "Bà Xuân làm mắc khén và thịt trâu gác bếp theo cách người Thái Điện Biên, hun trên bếp củi nhiều ngày.",
        "story_en": "Mrs Xuân makes mắc khén pepper and smoked buffalo the Điện Biên Thái way, smoked over a wood fire for days.",
    },
    {
        "code": "htx-atiso-da-lat",
        "name": "Hợp tác xã Atisô Xuân Trường Đà Lạt",
        "name_en": "Xuân Trường Đà Lạt Artichoke Cooperative",
        "kind": "cooperative",
        "representative": "Nguyễn Thị Bích",
        "phone": "0918475206",
        "email": "htx.atisodalat@example.vn",
        "registration_number": "5800361174",
        "province_code": LAM_DONG,
        "ward_code": 24805,  # Phường Xuân Trường - Đà Lạt
        "street": "Thôn Trường Sơn",
        "story": "Atisô trồng trên đồi Xuân Trường, thái lát và sấy lạnh để giữ vị ngọt mát của hoa và lá.",
        "story_en": "Artichokes grown on the Xuân Trường hills, sliced and cold-dried to keep the flowers' and leaves' mild sweetness.",
    },
    {
        "code": "cty-ca-phe-cau-dat",
        "name": "Công ty TNHH Cà phê Cầu Đất",
        "name_en": "Cầu Đất Coffee Co., Ltd",
        "kind": "enterprise",
        "representative": "Phạm Quốc Huy",
        "phone": "0919238570",
        "email": "lienhe.caphecaudat@example.vn",
        "registration_number": "5800524618",
        "province_code": LAM_DONG,
        "ward_code": 24848,  # Xã Lạc Dương
        "street": "Thôn Đưng K'Si",
        "story": "Cà phê Arabica Cầu Đất và Robusta Di Linh, rang mẻ nhỏ tại xưởng, nhập nhân từ các hộ K'Ho trong vùng.",
        "story_en": "Cầu Đất Arabica and Di Linh Robusta roasted in small batches, the green beans bought from K'Ho households nearby.",
    },
]


def _certificate(stars, number, day, issuer, level="province", score=None, old_address=""):
    return {
        "stars": stars,
        "score": score or {3: 62, 4: 77, 5: 91}[stars],
        "decision_number": number,
        "decision_date": day,
        "issuer": issuer,
        "issuer_level": level,
        "old_address": old_address,
    }


# (sku, producer code, title, English title, subgroup, price, weight g, description, English, certificate)
PRODUCTS = [
    ("TQ-001", "htx-che-shan-tuyet-hoang-su-phi", "Chè Shan tuyết Hoàng Su Phì hộp 200g", "Hoàng Su Phì Shan tuyết tea, 200 g box", "tea", 250000, 260,
     "Búp chè Shan tuyết cổ thụ sao tay, nước vàng sánh, hậu ngọt.", "Hand-roasted buds of old Shan tuyết trees: golden liquor, sweet finish.",
     _certificate(4, "2105/QĐ-UBND", "2025-10-20", "UBND tỉnh Tuyên Quang")),
    ("TQ-002", "htx-che-shan-tuyet-hoang-su-phi", "Hồng trà Shan tuyết Hoàng Su Phì túi 100g", "Hoàng Su Phì Shan tuyết black tea, 100 g bag", "tea", 180000, 130,
     "Hồng trà lên men tự nhiên từ lá chè Shan tuyết, vị mật ong, hương gỗ.", "Naturally oxidised black tea from Shan tuyết leaves, honeyed and woody.",
     _certificate(3, "1187/QĐ-UBND", "2024-08-12", "UBND huyện Hoàng Su Phì", "district", old_address="Xã Bản Luốc, huyện Hoàng Su Phì, tỉnh Hà Giang")),
    ("TQ-003", "htx-mat-ong-bac-meo-vac", "Mật ong bạc hà Mèo Vạc chai 500ml", "Mèo Vạc buckwheat honey, 500 ml bottle", "honey", 420000, 720,
     "Mật ong hoa bạc hà cao nguyên đá Đồng Văn, màu vàng nhạt, kết tinh mịn khi trời lạnh.", "Honey of the Đồng Văn stone plateau's buckwheat flowers: pale gold, finely set in the cold.",
     _certificate(4, "2106/QĐ-UBND", "2025-10-20", "UBND tỉnh Tuyên Quang")),
    ("TQ-004", "htx-mat-ong-bac-meo-vac", "Bánh tam giác mạch sấy giòn hộp 300g", "Crisp buckwheat cakes, 300 g box", "processed-food", 85000, 340,
     "Bánh làm từ bột hạt tam giác mạch xay đá, sấy giòn, ít ngọt.", "Cakes of stone-milled buckwheat flour, baked crisp, lightly sweet.",
     _certificate(3, "2231/QĐ-UBND", "2025-11-14", "UBND tỉnh Tuyên Quang")),
    ("SL-001", "htx-che-moc-chau", "Chè ô long Mộc Châu hộp 250g", "Mộc Châu oolong tea, 250 g box", "tea", 320000, 300,
     "Chè ô long vo viên từ giống Kim Tuyên trên cao nguyên Mộc Châu, hương hoa lan.", "Rolled oolong of the Kim Tuyên cultivar from the Mộc Châu plateau, orchid-scented.",
     _certificate(4, "1468/QĐ-UBND", "2025-08-25", "UBND tỉnh Sơn La")),
    ("SL-002", "htx-che-moc-chau", "Chè xanh Mộc Châu túi 500g", "Mộc Châu green tea, 500 g bag", "tea", 150000, 520,
     "Chè xanh sao sấy trong ngày, nước xanh, vị chát dịu.", "Green tea roasted and dried the day it is picked: bright liquor, gentle astringency.",
     _certificate(3, "3012/QĐ-UBND", "2024-05-16", "UBND huyện Mộc Châu", "district", old_address="Xã Tân Lập, huyện Mộc Châu, tỉnh Sơn La")),
    ("SL-003", "htx-ca-phe-chieng-ban", "Cà phê Arabica Sơn La rang xay 500g", "Sơn La Arabica coffee, ground, 500 g", "non-alcoholic", 210000, 520,
     "Arabica Sơn La rang mộc mức vừa, chua thanh, hương trái cây.", "Sơn La Arabica, medium roast with nothing added: bright acidity, fruity aroma.",
     _certificate(4, "1469/QĐ-UBND", "2025-08-25", "UBND tỉnh Sơn La")),
    ("SL-004", "htx-ca-phe-chieng-ban", "Cà phê Arabica Sơn La nguyên hạt 250g", "Sơn La Arabica coffee beans, 250 g", "non-alcoholic", 125000, 270,
     "Hạt Arabica rang mẻ nhỏ, đóng túi van một chiều.", "Small-batch roasted Arabica beans in a one-way valve bag.",
     _certificate(3, "1874/QĐ-UBND", "2025-09-30", "UBND tỉnh Sơn La")),
    ("DB-001", "htx-gao-thanh-nua", "Gạo Bắc Thơm Điện Biên túi 5kg", "Điện Biên Bắc Thơm rice, 5 kg bag", "rice-grains", 160000, 5050,
     "Gạo Bắc Thơm số 7 cánh đồng Mường Thanh, hạt nhỏ, cơm dẻo thơm.", "Bắc Thơm No. 7 rice of the Mường Thanh field: small grains, soft fragrant rice.",
     _certificate(4, "985/QĐ-UBND", "2025-09-08", "UBND tỉnh Điện Biên")),
    ("DB-002", "htx-gao-thanh-nua", "Gạo Séng Cù Điện Biên túi 2kg", "Điện Biên Séng Cù rice, 2 kg bag", "rice-grains", 75000, 2030,
     "Gạo Séng Cù hạt dài, cơm dẻo, để nguội vẫn mềm.", "Long-grain Séng Cù rice, soft and still tender when cold.",
     _certificate(3, "2417/QĐ-UBND", "2024-10-03", "UBND thành phố Điện Biên Phủ", "district", old_address="Xã Thanh Nưa, huyện Điện Biên, tỉnh Điện Biên")),
    ("DB-003", "hkd-lo-thi-xuan", "Thịt trâu gác bếp Điện Biên túi 500g", "Điện Biên smoked buffalo, 500 g bag", "meat-fish", 480000, 520,
     "Thịt trâu tẩm mắc khén, gừng, ớt, hun khói trên bếp củi.", "Buffalo meat rubbed with mắc khén, ginger and chilli, smoked over a wood fire.",
     _certificate(3, "986/QĐ-UBND", "2025-09-08", "UBND tỉnh Điện Biên")),
    ("DB-004", "hkd-lo-thi-xuan", "Hạt mắc khén Điện Biên hũ 100g", "Điện Biên mắc khén pepper, 100 g jar", "sauces-spices", 65000, 160,
     "Hạt mắc khén rừng phơi khô, thơm the, dùng tẩm ướp thịt nướng.", "Dried wild mắc khén seeds, fragrant and tingling, for marinating grilled meat.",
     _certificate(3, "1203/QĐ-UBND", "2025-11-20", "UBND tỉnh Điện Biên")),
    ("LD-001", "htx-atiso-da-lat", "Trà atisô Đà Lạt túi lọc hộp 100 gói", "Đà Lạt artichoke tea, box of 100 bags", "herbal-tea", 135000, 260,
     "Trà túi lọc từ thân, lá, hoa atisô sấy lạnh, vị ngọt mát.", "Tea bags of cold-dried artichoke stems, leaves and flowers: mild and sweet.",
     _certificate(4, "2398/QĐ-UBND", "2025-12-02", "UBND tỉnh Lâm Đồng")),
    ("LD-002", "htx-atiso-da-lat", "Cao atisô Đà Lạt hũ 200g", "Đà Lạt artichoke extract, 200 g jar", "herbal-tea", 160000, 280,
     "Cao atisô đặc nấu từ lá tươi, pha với nước ấm uống hằng ngày.", "A thick extract of fresh artichoke leaves, stirred into warm water daily.",
     _certificate(3, "1506/QĐ-UBND", "2024-06-21", "UBND thành phố Đà Lạt", "district", old_address="Phường 11, thành phố Đà Lạt, tỉnh Lâm Đồng")),
    ("LD-003", "cty-ca-phe-cau-dat", "Cà phê Arabica Cầu Đất rang xay 250g", "Cầu Đất Arabica coffee, ground, 250 g", "non-alcoholic", 145000, 270,
     "Arabica Cầu Đất trồng ở độ cao 1.500 m, rang vừa, hậu vị chocolate.", "Cầu Đất Arabica grown at 1,500 m, medium roast with a chocolate finish.",
     _certificate(5, "412/QĐ-BNNMT", "2025-11-05", "Bộ Nông nghiệp và Môi trường", "central")),
    ("LD-004", "cty-ca-phe-cau-dat", "Cà phê Robusta Di Linh nguyên hạt 500g", "Di Linh Robusta coffee beans, 500 g", "non-alcoholic", 170000, 520,
     "Robusta Di Linh rang đậm cho cà phê phin đặc và sánh.", "Di Linh Robusta, dark roasted for a thick, strong phin coffee.",
     _certificate(4, "2399/QĐ-UBND", "2025-12-02", "UBND tỉnh Lâm Đồng")),
]  # fmt: skip


def ensure_demo_provinces(categories, assistant):
    """The four provinces' offices, producers, listed products and registry counts (see the module's
    docstring); ``categories`` and ``assistant`` are the loader's. Returns the number of products created."""
    password = make_password(REVIEWER_PASSWORD)  # hashed once for the four (the hash is the slow part)
    officers = {code: _ensure_officer(code, password) for code in OFFICES}
    producers = {row["code"]: _ensure_producer(row, assistant, officers[row["province_code"]]) for row in PRODUCERS}
    files = _files_by_subgroup()
    created = 0
    for row in PRODUCTS:
        producer = producers[row[1]]
        created += _ensure_product(row, producer, categories, files, assistant, officers[producer.province_code])
    for code, (_slug, count, _name) in OFFICES.items():
        if not ProvinceRegistry.objects.filter(province_code=code).exists():
            record_count(code, count, REGISTRY_AS_OF, REGISTRY_SOURCE % province_name(code))
    return created


def officer_email(province_code):
    return f"canbo.{OFFICES[province_code][0]}@ocop.example.vn"


def _ensure_officer(province_code, password):
    """The province's OCOP office reviewer: staff with the review permission, working for that province only."""
    User = get_user_model()
    email = officer_email(province_code)
    officer = User.objects.filter(email=email).first()
    if officer is None:
        family, given = OFFICES[province_code][2]
        officer = User.objects.create_user(email=email, password=None, last_name=family, first_name=given)
        officer.is_staff, officer.password = True, password
        officer.save(update_fields=["is_staff", "password"])
        officer.user_permissions.add(
            Permission.objects.get(codename="review_ocop_product", content_type__app_label="catalogue")
        )
    OfficerProvince.objects.get_or_create(user=officer, province_code=province_code)
    return officer


def _ensure_producer(row, assistant, officer):
    has_account = row["kind"] in {"cooperative", "enterprise"}
    producer, _created = Partner.objects.get_or_create(
        code=row["code"],
        defaults={
            "name": row["name"],
            "legal_name": row["name"],
            "name_en": row["name_en"],
            "kind": row["kind"],
            "representative": row["representative"],
            "verification_status": Partner.Verification.VERIFIED,
            "has_epayment_account": has_account,
            "bank_name": "Agribank" if has_account else "",
            "bank_account_number": f"8800{row['registration_number'][-8:]}" if has_account else "",
            "bank_account_holder": row["name"].upper() if has_account else "",
            "phone": national_phone(row["phone"]),
            "email": row["email"],
            "registration_number": row["registration_number"],
            "tax_code": row["registration_number"],
            "province_code": row["province_code"],
            "ward_code": row["ward_code"],
            "street": row["street"],
            "story": row["story"],
            "story_en": row["story_en"],
        },
    )
    # The post office enters the listings on the producer's behalf, as in Lào Cai; the province's office allowed it.
    AssistedEntryGrant.objects.get_or_create(
        partner=producer, user=assistant, defaults={"granted_by": officer, "note": "Bưu điện tỉnh nhập hộ"}
    )
    return producer


def _files_by_subgroup():
    """{subgroup: (picture file name, certificate scan file name)} of the Lào Cai demo — reused, not drawn again."""
    files = {}
    products = Product.objects.filter(upc__startswith="LC-").prefetch_related("images", "ocop_certificates")
    for product in products.order_by("upc"):
        picture = next(iter(product.images.all()), None)
        certificate = next(iter(product.ocop_certificates.all()), None)
        if picture is not None and certificate is not None and certificate.scan:
            files.setdefault(product.ocop_subgroup, (picture.original.name, certificate.scan.name))
    return files


def _ensure_product(row, producer, categories, files, assistant, officer):
    """Create one product as the loader does (``loader.ensure_products``) and run it through the workflow."""

    sku, _code, title, title_en, subgroup, price, weight, description, description_en, certificate = row
    if Product.objects.filter(upc=sku).exists():
        return 0
    group = _group_of(subgroup)
    product = Product.objects.create(
        upc=sku,
        title=title,
        title_en=title_en,
        description=description_html(description),
        description_en=description_html(description_en),
        product_class=product_class(group in taxonomy.SERVICE_GROUPS),
        ocop_group=group,
        ocop_subgroup=subgroup,
        weight_grams=weight,
        structure=Product.STANDALONE,
    )
    product.categories.add(categories[subgroup])
    StockRecord.objects.create(product=product, partner=producer, partner_sku=sku, price=price, num_in_stock=60)
    picture, scan = files.get(subgroup, ("", ""))
    OcopCertificate.objects.create(
        product=product,
        star_rating=certificate["stars"],
        score=certificate["score"],
        decision_number=certificate["decision_number"],
        scan=scan,
        decision_date=datetime.date.fromisoformat(certificate["decision_date"]),
        issuer=certificate["issuer"],
        issuer_level=certificate["issuer_level"],
        taxonomy_version=taxonomy.TAXONOMY_148,
        address_on_document=certificate["old_address"],
    )
    if picture:
        ProductImage.objects.create(product=product, display_order=0, caption=title, original=picture)
    run_demo_workflow(product, sku, assistant, officer)
    return 1


def _group_of(subgroup):
    """The Decision 148 group of a subgroup key."""
    return next(group.key for group in taxonomy.GROUPS_148 if any(row[0] == subgroup for row in group.subgroups))
