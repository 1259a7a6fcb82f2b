"""The OCOP product taxonomies: the one place that lists product groups.

Decision 148/QĐ-TTg (2023) is current and drives the browsing categories.
Decision 1048/QĐ-TTg (2019) is kept because certificates issued under it stay
valid until they expire, and each certificate records the version it was
issued under.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TAXONOMY_148 = "148"
TAXONOMY_1048 = "1048"
TAXONOMY_CHOICES = [
    (TAXONOMY_148, _("Quyết định 148/QĐ-TTg (2023)")),
    (TAXONOMY_1048, _("Quyết định 1048/QĐ-TTg (2019)")),
]


@dataclass(frozen=True)
class Group:
    key: str
    number: int
    name: str  # Vietnamese, as the decision names it
    name_en: str
    subgroups: tuple = field(default_factory=tuple)  # ((key, name, name_en), ...)

    def subgroup_keys(self):
        return [key for key, _name, _name_en in self.subgroups]


# Decision 148: six groups. Subgroup keys are stable identifiers used by data
# and code; names are what the storefront shows.
GROUPS_148 = (
    Group(
        "food",
        1,
        "Thực phẩm",
        "Food",
        (
            ("fresh-produce", "Nông sản tươi", "Fresh produce"),
            ("rice-grains", "Gạo và ngũ cốc", "Rice and grains"),
            ("honey", "Mật ong", "Honey"),
            ("processed-food", "Thực phẩm chế biến", "Processed foods"),
            ("meat-fish", "Sản phẩm từ thịt, cá", "Meat and fish products"),
            ("sauces-spices", "Gia vị, tương, nước chấm", "Sauces and spices"),
        ),
    ),
    Group(
        "drinks",
        2,
        "Đồ uống",
        "Drinks",
        (
            ("alcoholic", "Đồ uống có cồn", "Alcoholic drinks"),
            ("tea", "Chè (trà)", "Tea"),
            ("non-alcoholic", "Đồ uống không cồn khác", "Other non-alcoholic drinks"),
        ),
    ),
    Group(
        "herbal",
        3,
        "Dược liệu và sản phẩm từ dược liệu",
        "Medicinal herbs and herbal products",
        (
            ("essential-oils", "Tinh dầu", "Essential oils"),
            ("herbal-tea", "Trà dược liệu", "Herbal teas"),
            ("herbal-cosmetics", "Mỹ phẩm từ dược liệu", "Herbal cosmetics"),
            ("herbs", "Dược liệu", "Medicinal herbs"),
        ),
    ),
    Group(
        "handicraft",
        4,
        "Hàng thủ công mỹ nghệ",
        "Handicrafts",
        (
            ("wood", "Đồ gỗ", "Wood"),
            ("bamboo-rattan", "Mây tre đan", "Bamboo and rattan"),
            ("ceramics", "Gốm sứ", "Ceramics"),
            ("brocade", "Dệt may, thổ cẩm", "Textiles and brocade"),
            ("embroidery", "Thêu", "Embroidery"),
        ),
    ),
    Group(
        "ornamental",
        5,
        "Sinh vật cảnh",
        "Ornamental plants and animals",
        (
            ("ornamental-plants", "Hoa, cây cảnh", "Ornamental plants"),
            ("ornamental-animals", "Động vật cảnh", "Ornamental animals"),
        ),
    ),
    Group(
        "tourism",
        6,
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Community tourism, eco-tourism and tourist sites",
        (
            ("community-tourism", "Du lịch cộng đồng, homestay", "Community tourism and homestays"),
            ("eco-tourism", "Du lịch sinh thái, trekking", "Eco-tourism and treks"),
            ("tourist-sites", "Điểm du lịch", "Tourist sites"),
        ),
    ),
)

# Decision 1048: the legacy six groups, for certificates issued under it.
GROUPS_1048 = (
    Group("food", 1, "Thực phẩm", "Food"),
    Group("drinks", 2, "Đồ uống", "Drinks"),
    Group("herbal", 3, "Thảo dược", "Herbs"),
    Group("textiles", 4, "Vải và may mặc", "Textiles and garments"),
    Group("souvenirs", 5, "Lưu niệm – nội thất – trang trí", "Souvenirs, furniture and decoration"),
    Group("rural-tourism", 6, "Dịch vụ du lịch nông thôn", "Rural tourism services"),
)

GROUPS_BY_TAXONOMY = {TAXONOMY_148: GROUPS_148, TAXONOMY_1048: GROUPS_1048}

# A Decision 1048 group as the current taxonomy files it (a registry line of an old certificate), and the 1048
# group an old certificate of a current group names (the demo's, the registry import's).
GROUP_148_OF_1048 = {
    "food": "food",
    "drinks": "drinks",
    "herbal": "herbal",
    "textiles": "handicraft",
    "souvenirs": "handicraft",
    "rural-tourism": "tourism",
}
GROUP_1048_OF_148 = {
    "food": "food",
    "drinks": "drinks",
    "herbal": "herbal",
    "handicraft": "souvenirs",
    "ornamental": "souvenirs",
    "tourism": "rural-tourism",
}

# Groups whose products are services: no shipping, a date instead.
SERVICE_GROUPS = frozenset({"tourism"})


def group(key, taxonomy=TAXONOMY_148):
    for candidate in GROUPS_BY_TAXONOMY[taxonomy]:
        if candidate.key == key:
            return candidate
    raise KeyError(f"Unknown OCOP group {key!r} in taxonomy {taxonomy}")
