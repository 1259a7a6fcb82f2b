"""A small catalogue written for the relevance table (tests/shop/search/test_relevance.py), not the demo data.

Products come in pairs: the one a query means, and a distractor sharing its syllables in another order or
another field ("Mật ong…" and "Sáp ong mát xa", "Trà sen…" and "Hạt sen sấy giòn vị trà xanh"). Every
product is in one category of its own, so the table searches only this catalogue while the demo's documents
stay in the index (and in its word statistics). Each row: key, title, description, producer, province code,
ward code."""

from oscar.core.loading import get_model

from tests import factories

Category = get_model("catalogue", "Category")

CATEGORY = "Bảng kiểm thử tìm kiếm"

PRODUCTS = [
    (
        "shan",
        "Chè Shan tuyết cổ thụ",
        "Búp chè một tôm hai lá hái từ cây chè trăm năm tuổi, sao thủ công.",
        "HTX Nông lâm sản Bắc Yên",
        14,
        3868,  # Xã Tà Xùa, Sơn La
    ),
    (
        "honey",
        "Mật ong bạc hà",
        "Mật ong từ hoa bạc hà trên cao nguyên đá, thu hoạch vào mùa đông.",
        "HTX Ong mật Sủng Là",
        8,
        721,  # Xã Đồng Văn, Tuyên Quang
    ),
    (
        "beeswax",
        "Sáp ong mát xa",
        "Sáp ong nguyên chất pha tinh dầu, dùng để mát xa.",
        "Cơ sở Sáp ong Hoa Lư",
        37,
        14533,
    ),
    (
        "coffee",
        "Cà phê Arabica rang mộc",
        "Hạt cà phê chè trồng ở độ cao 1.500 m, rang mộc không tẩm.",
        "HTX Cà phê Cầu Đất",
        68,
        None,
    ),
    (
        "ca_phen",
        "Cá phèn kho tiêu",
        "Cá biển nhỏ kho với tiêu và nước hàng, đóng hộp.",
        "Cơ sở Hải sản Giá Rai",
        96,
        31942,
    ),
    (
        "fish_sauce",
        "Nước mắm cá cơm nhĩ",
        "Ủ chượp trong thùng gỗ bời lời mười hai tháng.",
        "Nhà thùng Khải Hoàn",
        91,
        31078,  # Đặc khu Phú Quốc, An Giang
    ),
    (
        "shrimp_paste",
        "Mắm ruốc đặc sản",
        "Ruốc biển ủ muối, pha nước chấm hoặc kho thịt.",
        "Cơ sở Mắm ruốc Thuận An",
        46,
        None,  # Thành phố Huế
    ),
    (
        "lotus_tea",
        "Trà sen Tây Hồ",
        "Chè Tân Cương ướp trong bông sen Bách Diệp, mỗi cân trà cần khoảng một nghìn bông.",
        "Hộ kinh doanh Trà sen Quảng An",
        1,
        103,  # Phường Tây Hồ, Hà Nội
    ),
    (
        "lotus_seeds",
        "Hạt sen sấy giòn vị trà xanh",
        "Hạt sen tươi sấy lạnh, phủ bột trà xanh.",
        "Cơ sở Nông sản Đồng Tháp Mười",
        82,
        None,
    ),
    (
        "sticky_rice",
        "Gạo nếp cái hoa vàng",
        "Nếp cái hoa vàng hạt tròn, dẻo thơm, để đồ xôi và làm bánh.",
        "HTX Nông nghiệp Hải Hậu",
        37,
        14215,  # Xã Hải Hậu, Ninh Bình
    ),
    (
        "rice_wine",
        "Rượu nếp cẩm",
        "Rượu ủ từ gạo nếp cẩm lên men bằng men lá truyền thống.",
        "Cơ sở Rượu Làng Vân",
        24,
        None,
    ),
    (
        "mango",
        "Xoài tròn",
        "Quả nhỏ, vỏ xanh, thịt vàng, thơm đậm.",
        "HTX Cây ăn quả Chiềng Hặc",
        14,
        4075,  # Xã Yên Châu, Sơn La
    ),
    (
        "salmon",
        "Cá hồi hun khói",
        "Cá hồi vân nuôi bằng nước suối lạnh, hun khói gỗ táo mèo.",
        "HTX Thủy sản Tả Van",
        15,
        3006,  # Phường Sa Pa, Lào Cai
    ),
    (
        "star_anise",
        "Hoa hồi khô",
        "Hồi chín phơi khô, thơm nồng, dùng nấu phở.",
        "HTX Hồi quế Văn Quan",
        20,
        None,  # Lạng Sơn
    ),
    (
        "plum",
        "Mận hậu chín cây",
        "Mận hậu chín đỏ tím, giòn, vị chua ngọt.",
        "HTX Mận Nà Ka",
        14,
        3980,  # Phường Mộc Châu, Sơn La
    ),
    (
        "brocade",
        "Khăn thổ cẩm dệt tay",
        "Người Dao đỏ dệt và thêu bằng chỉ nhuộm chàm.",
        "HTX Dệt may Tả Phìn",
        15,
        2839,  # Xã Bắc Hà, Lào Cai
    ),
    (
        "pomelo",
        "Bưởi da xanh",
        "Bưởi ruột hồng, múi ráo, vị ngọt thanh.",
        "HTX Bưởi Bình Minh",
        86,
        None,
    ),
    (
        "soap",
        "Xà bông vỏ bưởi",
        "Xà bông thủ công nấu từ tinh dầu vỏ bưởi và dầu dừa.",
        "Cơ sở Thảo mộc Chợ Lách",
        86,
        None,
    ),
]


def build():
    """Create the catalogue (on sale, in its own category); returns ({key: product}, category)."""
    from shop.core import addresses

    category = Category.add_root(name=CATEGORY, is_public=True)
    made = {}
    for key, title, description, producer_name, province, ward in PRODUCTS:
        ward = ward or addresses.ward_choices(province)[0][0]
        producer = factories.producer(producer_name, province_code=province, ward_code=ward)
        product = factories.product(producer, title=title, description=f"<p>{description}</p>")
        product.categories.add(category)
        made[key] = product
    return made, category
