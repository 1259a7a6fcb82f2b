"""Demo data for the Lào Cai OCOP market: producers and their certified products.

Pure data, no Django: the loader (cms/demo/loader.py) turns it into partners,
products, stock records and OCOP certificates. Places are in the new Lào Cai
province (code 15, merged with Yên Bái on 1 July 2025) with real commune/ward
codes from the vietnam-provinces package. People, phone numbers, e-mails and
registration numbers are invented. Certificates follow the "who recognises
which star" periods in shared/OCOP.md: Decision 1048 before 24 Feb 2023,
Decision 148 until 5 Jul 2025 (★3 district, ★4 province, ★5 ministry), and
from 6 Jul 2025 ★3/★4 province, ★5 Ministry of Agriculture and Environment.
Certificates are valid for 36 months; seen on 23 Nov 2026, LC-014 (Decision
148) and LC-025 (Decision 1048) have expired and LC-010 expires within 30 days
(see the comments on those rows). LC-028 and LC-064 are out of stock.
"""

PROVINCE_LAO_CAI = 15

# Oscar's Country row the market ships to (the demo's loader and the stock Oscar peer of the benchmarks).
VIET_NAM = {
    "iso_3166_1_a2": "VN",
    "iso_3166_1_a3": "VNM",
    "iso_3166_1_numeric": "704",
    "name": "Việt Nam",
    "printable_name": "Việt Nam",
    "is_shipping_country": True,
}

PRODUCERS = [
    # The first producer is the one the demo producer login is attached to.
    {
        "code": "hkd-ly-thi-mai",
        "name": "Hộ kinh doanh Lý Thị Mai",
        "name_en": "Lý Thị Mai household business",
        "kind": "household",
        "representative": "Lý Thị Mai",
        "phone": "0912458307",
        "email": "lythimai.taphin@example.vn",
        "registration_number": "5301048726",
        "citizen_id": "010185004321",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 3013,  # Xã Tả Phìn (former Tả Phìn commune, Sa Pa town)
        "street": "Thôn Sả Séng",
        "story": (
            "Bà Lý Thị Mai, người Dao đỏ ở Tả Phìn, giữ bài thuốc tắm lá gia truyền qua bốn đời. "
            "Gia đình tự trồng và thu hái hơn 20 loại lá thuốc trên nương, phơi sấy tại nhà và cùng "
            "con gái thêu thổ cẩm vào mùa nông nhàn. Từ năm 2019, hộ mở homestay đón khách trải "
            "nghiệm tắm lá thuốc."
        ),
        "story_en": (
            "Lý Thị Mai, a Red Dao woman from Tả Phìn, keeps a herbal-bath recipe handed down over "
            "four generations. The family grows and gathers more than 20 kinds of medicinal leaves on "
            "its hillside plots, dries them at home and embroiders brocade with her daughter in the "
            "slack farming season. Since 2019 the household has run a homestay where guests can try "
            "the herbal bath."
        ),
    },
    {
        "code": "htx-che-shan-tuyet-suoi-giang",
        "name": "Hợp tác xã Chè Shan tuyết Suối Giàng",
        "name_en": "Suối Giàng Shan Tuyết Tea Cooperative",
        "kind": "cooperative",
        "representative": "Sùng A Lử",
        "phone": "0385172946",
        "email": "htx.chesuoigiang@example.vn",
        "registration_number": "5200638154",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 4672,  # Xã Văn Chấn (Sơn Thịnh town + former Suối Giàng, Đồng Khê, Suối Bu communes)
        "street": "Thôn Giàng A",
        "story": (
            "Hợp tác xã được thành lập năm 2016 với 32 thành viên là các hộ người Mông ở Suối Giàng, "
            "chăm sóc hơn 80 ha chè Shan tuyết cổ thụ, nhiều cây đã trên 300 năm tuổi. Búp chè được "
            "hái tay một tôm hai lá và chế biến thủ công ngay trong ngày tại xưởng của hợp tác xã. "
            "Vườn chè không bón phân hóa học, không phun thuốc trừ sâu và thuộc vùng chỉ dẫn địa lý "
            "\u201cSuối Giàng Văn Chấn\u201d."
        ),
        "story_en": (
            "Founded in 2016 by 32 Hmong households of Suối Giàng, the cooperative looks after more "
            "than 80 ha of ancient Shan tuyết tea trees, many of them over 300 years old. Buds are "
            "hand-picked (one bud, two leaves) and processed by hand the same day in the cooperative's "
            "workshop. The gardens get no chemical fertiliser or pesticide and lie within the "
            "\u201cSuối Giàng Văn Chấn\u201d geographical indication."
        ),
    },
    {
        "code": "htx-cam-van-chan",
        "name": "Hợp tác xã Cam Văn Chấn",
        "name_en": "Văn Chấn Orange Cooperative",
        "kind": "cooperative",
        "representative": "Phạm Văn Hùng",
        "phone": "0976203518",
        "email": "htx.camvanchan@example.vn",
        "registration_number": "5200912437",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 4660,  # Xã Liên Sơn (former Liên Sơn farm town, Văn Chấn district)
        "street": "Tổ dân phố 5",
        "story": (
            "Hợp tác xã do 25 hộ trồng cam trên đất Nông trường Liên Sơn cũ góp vốn thành lập năm "
            "2018, canh tác 60 ha cam sành và cam đường canh theo tiêu chuẩn VietGAP. Quả được thu "
            "hái đúng độ chín, phân loại và đóng thùng tại nhà sơ chế của hợp tác xã. Quả loại hai "
            "và vỏ cam được tận dụng làm nước ép và mứt, không bỏ phí sản phẩm."
        ),
        "story_en": (
            "Twenty-five orange-growing households on the land of the former Liên Sơn state farm "
            "pooled their capital to found the cooperative in 2018; they farm 60 ha of king oranges "
            "and sweet oranges to VietGAP standards. Fruit is picked ripe, graded and boxed in the "
            "cooperative's packing house. Second-grade fruit and peel go into juice and candied peel, "
            "so nothing is wasted."
        ),
    },
    {
        "code": "htx-nong-lam-san-mu-cang-chai",
        "name": "Hợp tác xã Nông lâm sản Mù Cang Chải",
        "name_en": "Mù Cang Chải Farm and Forest Products Cooperative",
        "kind": "cooperative",
        "representative": "Giàng A Chu",
        "phone": "0868417259",
        "email": "htx.mucangchai@example.vn",
        "registration_number": "5200754831",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 4456,  # Xã Mù Cang Chải (former Mù Cang Chải town)
        "street": "Tổ dân phố 3",
        "story": (
            "Hợp tác xã có 41 thành viên, phần lớn là hộ người Mông nuôi ong nội dưới tán rừng và "
            "thu hái táo mèo trên các sườn núi cao trên 1.500 m. Mật được quay tại chỗ, lọc và hạ "
            "thủy phần trước khi đóng chai; táo mèo được ngâm rượu, làm giấm, ép nước và sấy khô tại "
            "xưởng của hợp tác xã. Mỗi mùa, hợp tác xã thu mua táo mèo cho hơn 200 hộ trong vùng."
        ),
        "story_en": (
            "The cooperative has 41 members, mostly Hmong households who keep native bees under the "
            "forest canopy and gather táo mèo (Docynia) fruit on slopes above 1,500 m. Honey is "
            "extracted on site, filtered and its moisture reduced before bottling; táo mèo is made "
            "into wine, vinegar, juice and dried fruit in the cooperative's workshop. Each season it "
            "buys táo mèo from more than 200 local households."
        ),
    },
    {
        "code": "htx-que-bao-yen",
        "name": "Hợp tác xã Quế Bảo Yên",
        "name_en": "Bảo Yên Cinnamon Cooperative",
        "kind": "cooperative",
        "representative": "Lục Văn Hải",
        "phone": "0914726380",
        "email": "htx.quebaoyen@example.vn",
        "registration_number": "5300512694",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2947,  # Xã Bảo Yên (former Phố Ràng town, Bảo Yên district)
        "street": "Tổ dân phố 4",
        "story": (
            "Hợp tác xã ra đời năm 2015 từ nhóm hộ trồng quế người Tày, Dao ở Bảo Yên, nay có 56 "
            "thành viên với khoảng 300 ha quế được chứng nhận hữu cơ. Vỏ quế được bóc, phơi và phân "
            "loại thủ công; lá và cành nhỏ được chưng cất hơi nước tại lò của hợp tác xã để lấy tinh "
            "dầu. Nhờ liên kết tiêu thụ, giá vỏ quế của thành viên ổn định hơn so với bán lẻ cho "
            "thương lái."
        ),
        "story_en": (
            "Started in 2015 by a group of Tày and Dao cinnamon growers in Bảo Yên, the cooperative "
            "now has 56 members and about 300 ha of certified organic cinnamon. Bark is peeled, dried "
            "and graded by hand; leaves and twigs are steam-distilled in the cooperative's still for "
            "essential oil. Selling together gives members steadier bark prices than selling to "
            "traders one by one."
        ),
    },
    {
        "code": "htx-nong-san-muong-khuong",
        "name": "Hợp tác xã Nông sản Mường Khương",
        "name_en": "Mường Khương Farm Produce Cooperative",
        "kind": "cooperative",
        "representative": "Lù Thị Dung",
        "phone": "0399641275",
        "email": "htx.muongkhuong@example.vn",
        "registration_number": "5300367158",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2761,  # Xã Mường Khương (former Mường Khương town)
        "street": "Thôn Mã Tuyển",
        "story": (
            "Hợp tác xã do các hộ người Nùng, Mông và Giáy lập năm 2017, làm tương ớt theo cách "
            "truyền thống của Mường Khương: ớt chín đỏ, gạo nếp, tỏi và gừng ủ lên men tự nhiên trong "
            "chum. Các thành viên còn trồng lúa Séng Cù trên ruộng bậc thang và chè Shan tuyết ở các "
            "thôn vùng cao. Hợp tác xã có 38 thành viên và một xưởng chế biến đạt điều kiện an toàn "
            "thực phẩm."
        ),
        "story_en": (
            "Founded in 2017 by Nùng, Hmong and Giáy households, the cooperative makes chili sauce "
            "the traditional Mường Khương way: ripe red chilies, glutinous rice, garlic and ginger "
            "fermented naturally in earthen jars. Members also grow Séng Cù rice on terraced fields "
            "and Shan tuyết tea in the upland villages. It has 38 members and a food-safety certified "
            "processing workshop."
        ),
    },
    {
        "code": "htx-cay-an-qua-bac-ha",
        "name": "Hợp tác xã Cây ăn quả Bắc Hà",
        "name_en": "Bắc Hà Fruit Cooperative",
        "kind": "cooperative",
        "representative": "Hoàng Thị Ngân",
        "phone": "0825317496",
        "email": "htx.caqbacha@example.vn",
        "registration_number": "5300829473",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2839,  # Xã Bắc Hà (former Bắc Hà town)
        "street": "Thôn Na Cồ",
        "story": (
            "Hợp tác xã có 29 thành viên, chăm sóc 45 ha mận tam hoa và bưởi trên cao nguyên Bắc "
            "Hà, nơi hoa mận trắng phủ kín đồi mỗi độ xuân về. Quả được hái khi vừa chín tới, tuyển "
            "chọn tại nhà sơ chế của hợp tác xã và giao đi ngay trong ngày. Ngoài mùa vụ, hợp tác xã "
            "sấy dẻo và ngâm rượu mận để thành viên có thu nhập quanh năm."
        ),
        "story_en": (
            "The cooperative's 29 members tend 45 ha of tam hoa plums and pomelos on the Bắc Hà "
            "plateau, where white plum blossom covers the hills every spring. Fruit is picked just "
            "ripe, sorted in the cooperative's packing house and shipped the same day. Out of season "
            "the cooperative makes dried plums and plum wine, so members earn all year round."
        ),
    },
    {
        "code": "hkd-hoang-van-sinh",
        "name": "Hộ kinh doanh Hoàng Văn Sinh",
        "name_en": "Hoàng Văn Sinh household business",
        "kind": "household",
        "representative": "Hoàng Văn Sinh",
        "phone": "0983560712",
        "email": "hoangvansinh.bacha@example.vn",
        "registration_number": "5300946315",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2839,  # Xã Bắc Hà (former Bắc Hà town)
        "street": "Tổ dân phố Na Quang",
        "story": (
            "Anh Hoàng Văn Sinh, người Tày ở Bắc Hà, học nghề làm thịt gác bếp và nấu rượu ngô men lá "
            "từ cha mẹ. Thịt lợn bản, thịt trâu được tẩm mắc khén, gừng, ớt rồi hun khói bằng củi "
            "nhiều ngày trên gác bếp; rượu được nấu từ ngô nương, ủ bằng men lá rừng. Hộ hiện thu mua "
            "lợn và ngô của khoảng 30 gia đình trong vùng."
        ),
        "story_en": (
            "Hoàng Văn Sinh, a Tày man from Bắc Hà, learnt to smoke meat and distil leaf-yeast corn "
            "liquor from his parents. Local pork and buffalo are rubbed with mắc khén pepper, ginger "
            "and chili, then smoked for days over the wood fire; the liquor is distilled from upland "
            "corn fermented with a yeast of forest leaves. The household buys pigs and corn from about "
            "30 local families."
        ),
    },
    {
        "code": "cty-ca-nuoc-lanh-hoang-lien",
        "name": "Công ty TNHH Cá nước lạnh Hoàng Liên",
        "name_en": "Hoàng Liên Cold-Water Fish Co., Ltd.",
        "kind": "enterprise",
        "representative": "Trần Quốc Bảo",
        "phone": "0912873054",
        "email": "canuoclanh.hoanglien@example.vn",
        "registration_number": "5300601827",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 3006,  # Phường Sa Pa
        "street": "Số 18 đường Điện Biên Phủ",
        "story": (
            "Công ty được thành lập năm 2012, nuôi cá hồi vân và cá tầm trong bể dẫn nước suối lạnh "
            "từ dãy Hoàng Liên, nhiệt độ quanh năm 12–18°C. Cá được nuôi mật độ thưa, cho ăn thức ăn "
            "có nguồn gốc rõ ràng và kiểm tra chất lượng định kỳ. Xưởng sơ chế và hun khói của công "
            "ty đạt chứng nhận HACCP, tạo việc làm cho 35 lao động địa phương."
        ),
        "story_en": (
            "Founded in 2012, the company raises rainbow trout (sold as Sa Pa salmon) and sturgeon in "
            "tanks fed by cold mountain streams from the Hoàng Liên range, at 12–18°C all year. Fish "
            "are stocked sparsely, fed traceable feed and tested regularly. Its HACCP-certified "
            "processing and smoking workshop employs 35 local people."
        ),
    },
    {
        "code": "cty-nong-san-bao-thang",
        "name": "Công ty TNHH Nông sản Bảo Thắng",
        "name_en": "Bảo Thắng Farm Produce Co., Ltd.",
        "kind": "enterprise",
        "representative": "Nguyễn Văn Đức",
        "phone": "0356892014",
        "email": "nongsan.baothang@example.vn",
        "registration_number": "5300458961",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2905,  # Xã Bảo Thắng (former Phố Lu town, Bảo Thắng district)
        "street": "Số 12 đường Điện Biên",
        "story": (
            "Công ty chế biến nông sản cho nông dân Bảo Thắng và các xã lân cận từ năm 2014. Nhà máy "
            "sản xuất miến sâm, sấy dẻo dứa Queen, ép nước dứa và đóng gói chè xanh theo quy trình "
            "ISO 22000. Công ty ký hợp đồng bao tiêu với hơn 150 hộ trồng dứa, chè và dong riềng."
        ),
        "story_en": (
            "Since 2014 the company has processed farm produce for growers in Bảo Thắng and nearby "
            "communes. Its plant makes ginseng vermicelli, soft-dried Queen pineapple, pineapple juice "
            "and packed green tea under ISO 22000. It has purchase contracts with more than 150 "
            "households growing pineapple, tea and canna."
        ),
    },
    {
        "code": "cty-tinh-dau-van-ban",
        "name": "Công ty Cổ phần Tinh dầu Văn Bàn",
        "name_en": "Văn Bàn Essential Oils JSC",
        "kind": "enterprise",
        "representative": "Lê Thị Thu Hà",
        "phone": "0904516238",
        "email": "tinhdau.vanban@example.vn",
        "registration_number": "5300738420",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 3082,  # Xã Văn Bàn
        "street": "Thôn Khe Bá",
        "story": (
            "Công ty xây dựng nhà máy chưng cất tinh dầu ở Văn Bàn năm 2019, thu mua lá quế, sả chanh "
            "và quả màng tang của hơn 400 hộ người Tày, Dao trong vùng. Tinh dầu được chưng cất bằng "
            "hơi nước, lọc và kiểm nghiệm thành phần trước khi đóng chai. Bã sau chưng cất được ủ "
            "thành phân hữu cơ, trả lại cho vườn quế."
        ),
        "story_en": (
            "The company built its essential-oil distillery in Văn Bàn in 2019 and buys cinnamon "
            "leaves, lemongrass and mountain-pepper (màng tang) berries from more than 400 Tày and Dao "
            "households. Oils are steam-distilled, filtered and tested before bottling. The spent "
            "material is composted and returned to the cinnamon gardens."
        ),
    },
    {
        "code": "thtx-det-tho-cam-ta-van",
        "name": "Tổ hợp tác Dệt thổ cẩm Tả Van",
        "name_en": "Tả Van Brocade Weaving Group",
        "kind": "cooperative_group",
        "representative": "Giàng Thị Sua",
        "phone": "0337486129",
        "email": "thocam.tavan@example.vn",
        "registration_number": "5300913572",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 3037,  # Xã Tả Van
        "street": "Thôn Tả Van Mông",
        "story": (
            "Tổ hợp tác gồm 18 phụ nữ Mông ở Tả Van, cùng trồng lanh, se sợi, dệt vải, vẽ sáp ong "
            "và nhuộm chàm theo kỹ thuật học từ mẹ, từ bà. Mỗi tấm vải mất từ một đến ba tháng làm "
            "thủ công hoàn toàn. Tổ còn dẫn khách đi bộ qua các bản và ruộng bậc thang, thu nhập được "
            "chia đều cho các thành viên."
        ),
        "story_en": (
            "Eighteen Hmong women of Tả Van grow hemp, spin, weave, draw with beeswax and dye with "
            "indigo using techniques learnt from their mothers and grandmothers. Each length of cloth "
            "takes one to three months of handwork. The group also guides walkers through the villages "
            "and rice terraces and shares the income equally among its members."
        ),
    },
    {
        "code": "thtx-du-lich-pung-luong",
        "name": "Tổ hợp tác Du lịch cộng đồng Púng Luông",
        "name_en": "Púng Luông Community Tourism Group",
        "kind": "cooperative_group",
        "representative": "Lý A Sình",
        "phone": "0869235147",
        "email": "dulich.pungluong@example.vn",
        "registration_number": "5200864093",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 4492,  # Xã Púng Luông (Mù Cang Chải terraces area)
        "street": "Bản Púng Luông",
        "story": (
            "Tổ hợp tác do 12 hộ người Mông lập năm 2020 để làm du lịch cộng đồng giữa vùng ruộng "
            "bậc thang Mù Cang Chải. Các hộ sửa nhà truyền thống thành homestay, dẫn khách đi bộ qua "
            "ruộng bậc thang và giới thiệu nghề dệt thổ cẩm của phụ nữ Mông. Mùa nước đổ tháng 5 và "
            "mùa lúa chín tháng 9 là thời điểm đông khách nhất."
        ),
        "story_en": (
            "Twelve Hmong households set up the group in 2020 to run community tourism among the Mù "
            "Cang Chải rice terraces. They turned traditional houses into homestays, guide walks "
            "through the terraces and show the brocade weaving of Hmong women. The flooded-terrace "
            "season in May and the golden harvest in September are the busiest times."
        ),
    },
    {
        "code": "hkd-ly-lao-may",
        "name": "Hộ kinh doanh Lý Láo Mẩy",
        "name_en": "Lý Láo Mẩy household business",
        "kind": "household",
        "representative": "Lý Láo Mẩy",
        "phone": "0971638025",
        "email": "lylaomay.yty@example.vn",
        "registration_number": "5300385716",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 2701,  # Xã Y Tý
        "street": "Thôn Lao Chải",
        "story": (
            "Gia đình anh Lý Láo Mẩy trồng tam thất, thảo quả dưới tán rừng già và giữ những nương "
            "chè Shan tuyết cổ thụ ở Y Tý, độ cao gần 2.000 m. Ngôi nhà trình tường của gia đình "
            "được cải tạo thành homestay đón khách lên săn mây từ năm 2018. Các sản phẩm đều được sơ "
            "chế, phơi sấy thủ công ngay tại nhà."
        ),
        "story_en": (
            "Lý Láo Mẩy's family grows notoginseng (tam thất) and black cardamom under old forest and "
            "tends ancient Shan tuyết tea gardens in Y Tý, close to 2,000 m up. Since 2018 their "
            "rammed-earth house has been a homestay for visitors who come to watch the sea of clouds. "
            "Everything is cleaned and dried by hand at home."
        ),
    },
    {
        "code": "hkd-vang-a-su",
        "name": "Hộ kinh doanh Vàng A Sử",
        "name_en": "Vàng A Sử household business",
        "kind": "household",
        "representative": "Vàng A Sử",
        "phone": "0347920581",
        "email": "vangasu.sapa@example.vn",
        "registration_number": "5300672048",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 3006,  # Phường Sa Pa
        "street": "Tổ dân phố 7",
        "story": (
            "Vườn của anh Vàng A Sử ở Sa Pa nhân giống lan Hài và lan kiếm bản địa từ nuôi cấy mô và "
            "gieo hạt, không khai thác cây rừng. Gia đình còn ghép, tạo thế đào Sa Pa và trồng atiso "
            "để sấy làm trà. Mỗi cây bán ra đều có giấy nguồn gốc nhà vườn và hướng dẫn chăm sóc."
        ),
        "story_en": (
            "Vàng A Sử's nursery in Sa Pa propagates native slipper orchids and cymbidiums from tissue "
            "culture and seed, never from wild plants. The family also grafts and shapes Sa Pa peach "
            "trees and grows artichokes to dry for tea. Every plant sold comes with a nursery-origin "
            "note and care instructions."
        ),
    },
    {
        "code": "hkd-nguyen-thi-hoa",
        "name": "Hộ kinh doanh Nguyễn Thị Hoa",
        "name_en": "Nguyễn Thị Hoa household business",
        "kind": "household",
        "representative": "Nguyễn Thị Hoa",
        "phone": "0387154269",
        "email": "nguyenthihoa.tranyen@example.vn",
        "registration_number": "5200937518",
        "province_code": PROVINCE_LAO_CAI,
        "ward_code": 4537,  # Xã Lương Thịnh (former Lương Thịnh commune, Trấn Yên district)
        "street": "Thôn Khe Sến",
        "story": (
            "Chị Nguyễn Thị Hoa cùng 15 chị em trong thôn thu mua măng tre Bát Độ của bà con Trấn "
            "Yên để luộc, phơi và sấy khô theo cách truyền thống. Vào mùa nông nhàn, các chị đan giỏ, "
            "làn và chụp đèn bằng mây tre khai thác từ rừng trồng. Hộ bán hàng qua hội chợ và sàn "
            "thương mại điện tử từ năm 2021."
        ),
        "story_en": (
            "Nguyễn Thị Hoa and 15 women of her village buy Bát Độ bamboo shoots from Trấn Yên farmers "
            "and boil, sun-dry and kiln-dry them the traditional way. In the slack season they weave "
            "baskets, trays and lampshades from rattan and bamboo cut in planted forest. The household "
            "has sold at fairs and on e-commerce platforms since 2021."
        ),
    },
]


PRODUCTS = [
    # --- Hộ kinh doanh Lý Thị Mai (Tả Phìn) ---------------------------------------------------
    {
        "sku": "LC-001",
        "producer": "hkd-ly-thi-mai",
        "title": "Lá tắm thuốc Dao đỏ Tả Phìn túi 500g",
        "title_en": "Tả Phìn Red Dao herbal bath leaves, 500 g bag",
        "group": "herbal",
        "subgroup": "herbs",
        "description": (
            "Hỗn hợp hơn 20 loại lá rừng theo bài thuốc tắm gia truyền của người Dao đỏ Tả Phìn, thu "
            "hái trên nương và phơi khô tự nhiên. Đun 100g lá với 8–10 lít nước trong 30 phút, pha "
            "thêm nước ấm để tắm hoặc ngâm chân, giúp thư giãn và làm ấm cơ thể. Không dùng cho phụ "
            "nữ có thai. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "A blend of more than 20 forest leaves from the Red Dao family bath recipe of Tả Phìn, "
            "gathered on the hillsides and dried naturally. Simmer 100 g in 8–10 litres of water for "
            "30 minutes and add warm water for a bath or foot soak that relaxes and warms the body. "
            "Not for pregnant women. Shelf life: 12 months."
        ),
        "price": 95000,
        "stock": 120,
        "weight_grams": 550,
        "stars": 3,
        "score": 64,
        "taxonomy": "148",
        "decision_number": "1203/QĐ-UBND",
        "decision_date": "2024-04-18",
        "issuer": "UBND thị xã Sa Pa",
        "issuer_level": "district",
        "old_address": "Thôn Sả Séng, xã Tả Phìn, thị xã Sa Pa, tỉnh Lào Cai",
    },
    {
        "sku": "LC-002",
        "producer": "hkd-ly-thi-mai",
        "title": "Cao lá tắm Dao đỏ chai 500ml",
        "title_en": "Red Dao herbal bath concentrate, 500 ml bottle",
        "group": "herbal",
        "subgroup": "herbal-cosmetics",
        "description": (
            "Nước cao cô đặc từ lá tắm thuốc Dao đỏ, nấu nhiều giờ trên bếp củi rồi lọc kỹ, tiện dùng "
            "khi không có thời gian đun lá. Pha 50ml cao với một bồn nước ấm để tắm, hoặc 20ml với "
            "chậu nước để ngâm chân. Bảo quản nơi khô mát, lắc đều trước khi dùng. Hạn sử dụng: 18 "
            "tháng."
        ),
        "description_en": (
            "A concentrate of Red Dao bath leaves, simmered for hours over a wood fire and carefully "
            "filtered, for when there is no time to boil the leaves. Add 50 ml to a warm bath, or "
            "20 ml to a basin for a foot soak. Store in a cool dry place and shake before use. Shelf "
            "life: 18 months."
        ),
        "price": 180000,
        "stock": 80,
        "weight_grams": 650,
        "stars": 4,
        "score": 76,
        "taxonomy": "148",
        "decision_number": "3502/QĐ-UBND",
        "decision_date": "2024-11-29",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-003",
        "producer": "hkd-ly-thi-mai",
        "title": "Túi đeo vai thêu tay Dao đỏ",
        "title_en": "Hand-embroidered Red Dao shoulder bag",
        "group": "handicraft",
        "subgroup": "embroidery",
        "description": (
            "Túi vải chàm thêu tay hoa văn Dao đỏ bằng chỉ đỏ, vàng, trắng, mỗi chiếc mất khoảng hai "
            "tuần thêu. Kích thước 30 × 35 cm, quai dài 110 cm, có lót trong và khóa kéo. Giặt tay "
            "bằng nước lạnh, không dùng thuốc tẩy, phơi nơi thoáng mát."
        ),
        "description_en": (
            "An indigo bag hand-embroidered with Red Dao motifs in red, yellow and white thread; each "
            "takes about two weeks to embroider. 30 × 35 cm, 110 cm strap, lined, with a zip. Hand "
            "wash cold, no bleach, dry in the shade."
        ),
        "price": 420000,
        "stock": 25,
        "weight_grams": 350,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-004",
        "producer": "hkd-ly-thi-mai",
        "title": "Homestay Tả Phìn kèm tắm lá thuốc Dao đỏ – 1 đêm cho 2 người",
        "title_en": "Tả Phìn homestay with Red Dao herbal bath – 1 night for 2",
        "group": "tourism",
        "subgroup": "community-tourism",
        "description": (
            "Một đêm trong nhà sàn gỗ của gia đình người Dao đỏ, gồm bữa tối món bản địa, bữa sáng và "
            "một lần tắm lá thuốc cho 2 người. Buổi chiều, khách có thể cùng chủ nhà đi hái lá thuốc "
            "hoặc học thêu hoa văn Dao. Chọn ngày khi đặt; đổi ngày miễn phí nếu báo trước 3 ngày."
        ),
        "description_en": (
            "One night in a Red Dao family's wooden house, with a local dinner, breakfast and one "
            "herbal bath for two. In the afternoon guests can gather herbs with the hosts or learn Dao "
            "embroidery. Choose the date when booking; free date change with 3 days' notice."
        ),
        "price": 650000,
        "stock": 12,
        "weight_grams": None,
        "stars": 3,
        "score": 61,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hợp tác xã Chè Shan tuyết Suối Giàng (former Yên Bái) ------------------------------------
    {
        "sku": "LC-005",
        "producer": "htx-che-shan-tuyet-suoi-giang",
        "title": "Chè Shan tuyết Suối Giàng hộp 200g",
        "title_en": "Suối Giàng Shan tuyết tea, 200 g box",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Chè xanh hái từ những cây Shan tuyết cổ thụ trên đỉnh Suối Giàng, độ cao gần 1.400 m, "
            "sao tay trên chảo gang ngay trong ngày hái. Cánh chè xoăn phủ lớp lông tơ trắng như "
            "tuyết, nước xanh vàng, vị chát dịu và hậu ngọt sâu. Pha 5g chè với 150ml nước 85–90°C, "
            "hãm 2 phút, pha được 4–5 lần nước. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Green tea from ancient Shan tuyết trees on the Suối Giàng summit, nearly 1,400 m up, "
            "hand-roasted in cast-iron pans on the day of picking. The curled leaves carry a snow-white "
            "down; the liquor is yellow-green, gently astringent with a long sweet finish. Brew 5 g in "
            "150 ml of water at 85–90°C for 2 minutes; good for 4–5 infusions. Shelf life: 24 months."
        ),
        "price": 450000,
        "stock": 150,
        "weight_grams": 350,
        "stars": 5,
        "score": 91,
        "taxonomy": "148",
        "decision_number": "4870/QĐ-BNN-KTHT",
        "decision_date": "2024-11-18",
        "issuer": "Bộ Nông nghiệp và Phát triển nông thôn",
        "issuer_level": "central",
        "old_address": "",
    },
    {
        "sku": "LC-006",
        "producer": "htx-che-shan-tuyet-suoi-giang",
        "title": "Hồng trà Shan tuyết cổ thụ Suối Giàng túi 100g",
        "title_en": "Suối Giàng ancient-tree Shan tuyết black tea, 100 g pouch",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Hồng trà được làm từ búp chè Shan tuyết cổ thụ, héo tự nhiên, vò tay và lên men hoàn "
            "toàn trước khi sấy. Nước trà màu hổ phách, hương mật ong và quả chín, vị êm không chát. "
            "Pha 4g với 200ml nước sôi, hãm 3 phút; uống nóng hoặc pha trà sữa. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Black tea from ancient Shan tuyết buds, withered naturally, hand-rolled and fully "
            "oxidised before drying. Amber liquor with notes of honey and ripe fruit, smooth and not "
            "bitter. Brew 4 g in 200 ml of boiling water for 3 minutes; drink hot or with milk. Shelf "
            "life: 24 months."
        ),
        "price": 320000,
        "stock": 90,
        "weight_grams": 180,
        "stars": 4,
        "score": 79,
        "taxonomy": "148",
        "decision_number": "2096/QĐ-UBND",
        "decision_date": "2024-08-26",
        "issuer": "UBND tỉnh Yên Bái",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-007",
        "producer": "htx-che-shan-tuyet-suoi-giang",
        "title": "Bạch trà Shan tuyết Suối Giàng hộp 50g",
        "title_en": "Suối Giàng Shan tuyết white tea, 50 g box",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Bạch trà chỉ dùng tôm chè non phủ lông trắng, hái vào những sáng đầu xuân và làm héo, "
            "phơi trong bóng râm mà không sao, không vò. Nước trà vàng nhạt, hương hoa cỏ thanh, vị "
            "ngọt dịu. Pha 3g với 150ml nước 80°C, hãm 3–4 phút. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "White tea made only from downy young buds picked on early spring mornings, withered and "
            "dried in the shade without roasting or rolling. Pale gold liquor, light floral aroma, "
            "gently sweet. Brew 3 g in 150 ml of water at 80°C for 3–4 minutes. Shelf life: 24 months."
        ),
        "price": 580000,
        "stock": 40,
        "weight_grams": 150,
        "stars": 3,
        "score": 67,
        "taxonomy": "148",
        "decision_number": "1824/QĐ-UBND",
        "decision_date": "2024-03-15",
        "issuer": "UBND huyện Văn Chấn",
        "issuer_level": "district",
        "old_address": "Thôn Giàng A, xã Suối Giàng, huyện Văn Chấn, tỉnh Yên Bái",
    },
    {
        "sku": "LC-008",
        "producer": "htx-che-shan-tuyet-suoi-giang",
        "title": "Trà bánh Shan tuyết cổ thụ Suối Giàng bánh 357g",
        "title_en": "Suối Giàng ancient-tree Shan tuyết pressed tea cake, 357 g",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Chè Shan tuyết cổ thụ được hấp mềm và ép thành bánh tròn, gói giấy dó, có thể uống ngay "
            "hoặc cất lâu năm cho hương vị đằm hơn. Tách 5–7g trà, tráng qua nước sôi rồi hãm 30 "
            "giây, pha được 8–10 lần nước. Bảo quản nơi khô, thoáng, tránh mùi lạ. Hạn sử dụng: 60 "
            "tháng."
        ),
        "description_en": (
            "Ancient-tree Shan tuyết tea, steamed and pressed into a round cake wrapped in dó paper; "
            "drink it now or age it for a mellower taste. Break off 5–7 g, rinse with boiling water, "
            "then steep for 30 seconds; good for 8–10 infusions. Keep dry, airy and away from strong "
            "smells. Shelf life: 60 months."
        ),
        "price": 550000,
        "stock": 30,
        "weight_grams": 450,
        "stars": 3,
        "score": 65,
        "taxonomy": "148",
        "decision_number": "1824/QĐ-UBND",
        "decision_date": "2024-03-15",
        "issuer": "UBND huyện Văn Chấn",
        "issuer_level": "district",
        "old_address": "Thôn Giàng A, xã Suối Giàng, huyện Văn Chấn, tỉnh Yên Bái",
    },
    {
        "sku": "LC-009",
        "producer": "htx-che-shan-tuyet-suoi-giang",
        "title": "Vé tham quan Không gian văn hóa trà Suối Giàng kèm thưởng trà",
        "title_en": "Suối Giàng tea culture space – entry ticket with tea tasting",
        "group": "tourism",
        "subgroup": "tourist-sites",
        "description": (
            "Vé vào cửa khu vườn chè cổ thụ và nhà trưng bày văn hóa trà của người Mông Suối Giàng, "
            "kèm một buổi thưởng 4 loại trà với nghệ nhân. Mùa hái chè (tháng 3–10), khách được cùng "
            "bà con hái và sao chè. Mở cửa 7h30–17h hằng ngày; vé dùng cho 1 người vào ngày đã chọn."
        ),
        "description_en": (
            "Entry to the ancient tea garden and the Hmong tea-culture house of Suối Giàng, with a "
            "tasting of four teas led by a tea master. In picking season (March–October) visitors can "
            "pick and pan-roast tea with the villagers. Open daily 7:30–17:00; one ticket admits one "
            "person on the chosen date."
        ),
        "price": 150000,
        "stock": 100,
        "weight_grams": None,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hợp tác xã Cam Văn Chấn (former Yên Bái) --------------------------------------------------
    {
        "sku": "LC-010",
        "producer": "htx-cam-van-chan",
        "title": "Cam sành Văn Chấn thùng 5kg",
        "title_en": "Văn Chấn king oranges, 5 kg box",
        "group": "food",
        "subgroup": "fresh-produce",
        "description": (
            "Cam sành trồng trên đất đồi Văn Chấn theo tiêu chuẩn VietGAP, vỏ mỏng, nhiều nước, vị "
            "ngọt đậm hơi chua nhẹ. Quả được hái đúng độ chín, lau sạch và xếp thùng carton có lót "
            "giấy. Bảo quản nơi thoáng mát hoặc ngăn mát tủ lạnh. Hạn sử dụng: 20 ngày kể từ ngày "
            "thu hoạch."
        ),
        "description_en": (
            "King oranges grown on the Văn Chấn hills to VietGAP standards: thin skin, very juicy, "
            "rich sweetness with a light tang. Picked ripe, wiped clean and packed in a paper-lined "
            "carton. Keep cool or refrigerated. Shelf life: 20 days from harvest."
        ),
        "price": 150000,
        "stock": 200,
        "weight_grams": 5500,
        "stars": 4,
        "score": 75,
        # Note: decided 2023-12-12, so the 36-month certificate expires 2026-12-12 —
        # within 30 days of 2026-11-23: the demo's "expiring soon" warning.
        "taxonomy": "148",
        "decision_number": "1642/QĐ-UBND",
        "decision_date": "2023-12-12",
        "issuer": "UBND tỉnh Yên Bái",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-011",
        "producer": "htx-cam-van-chan",
        "title": "Nước cam Văn Chấn ép nguyên chất thùng 12 chai 330ml",
        "title_en": "Văn Chấn pure orange juice, case of 12 × 330 ml bottles",
        "group": "drinks",
        "subgroup": "non-alcoholic",
        "description": (
            "Nước cam ép 100% từ cam Văn Chấn, không thêm đường, không chất bảo quản, thanh trùng "
            "nhanh để giữ vị tươi. Lắc đều và uống lạnh; sau khi mở nắp giữ trong tủ lạnh và dùng "
            "trong 2 ngày. Hạn sử dụng: 6 tháng."
        ),
        "description_en": (
            "100% juice pressed from Văn Chấn oranges, no added sugar or preservatives, flash "
            "pasteurised to keep it fresh-tasting. Shake and serve chilled; once opened keep "
            "refrigerated and drink within 2 days. Shelf life: 6 months."
        ),
        "price": 216000,
        "stock": 60,
        "weight_grams": 4800,
        "stars": 3,
        "score": 59,
        "taxonomy": "148",
        "decision_number": "3107/QĐ-UBND",
        "decision_date": "2024-10-08",
        "issuer": "UBND huyện Văn Chấn",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 5, thị trấn Nông trường Liên Sơn, huyện Văn Chấn, tỉnh Yên Bái",
    },
    {
        "sku": "LC-012",
        "producer": "htx-cam-van-chan",
        "title": "Mứt vỏ cam Văn Chấn hộp 250g",
        "title_en": "Văn Chấn candied orange peel, 250 g box",
        "group": "food",
        "subgroup": "processed-food",
        "description": (
            "Vỏ cam Văn Chấn được chần bớt đắng, sên với đường mía đến khi trong và dẻo. Vị ngọt "
            "thơm, hơi the, dùng ăn kèm trà hoặc làm bánh. Đậy kín sau khi mở, để nơi khô mát. Hạn sử "
            "dụng: 9 tháng."
        ),
        "description_en": (
            "Văn Chấn orange peel blanched to remove bitterness and slowly cooked in cane sugar until "
            "translucent and chewy. Sweet, fragrant and slightly zesty; enjoy with tea or in baking. "
            "Reseal after opening and keep cool and dry. Shelf life: 9 months."
        ),
        "price": 65000,
        "stock": 110,
        "weight_grams": 320,
        "stars": 3,
        "score": 56,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hợp tác xã Nông lâm sản Mù Cang Chải (former Yên Bái) -------------------------------------
    {
        "sku": "LC-013",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Mật ong hoa rừng Mù Cang Chải chai 500ml",
        "title_en": "Mù Cang Chải wildflower honey, 500 ml bottle",
        "group": "food",
        "subgroup": "honey",
        "description": (
            "Mật ong nội từ đàn ong nuôi dưới tán rừng Mù Cang Chải, lấy mật hoa rừng mùa xuân – hè. "
            "Mật sánh, màu hổ phách sẫm, hương hoa rừng đậm, được lọc và hạ thủy phần dưới 20% mà "
            "không đun nóng. Không dùng cho trẻ dưới 1 tuổi. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Honey from native bees kept under the Mù Cang Chải forest canopy, from spring and summer "
            "wildflowers. Thick and dark amber with a strong wild-flower aroma; filtered and brought "
            "below 20% moisture without heating. Not for infants under one year. Shelf life: 24 "
            "months."
        ),
        "price": 350000,
        "stock": 70,
        "weight_grams": 900,
        "stars": 4,
        "score": 81,
        "taxonomy": "148",
        "decision_number": "986/QĐ-UBND",
        "decision_date": "2024-05-20",
        "issuer": "UBND tỉnh Yên Bái",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-014",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Mật ong hoa táo mèo Mù Cang Chải chai 250ml",
        "title_en": "Mù Cang Chải táo mèo blossom honey, 250 ml bottle",
        "group": "food",
        "subgroup": "honey",
        "description": (
            "Mật ong lấy vào mùa hoa táo mèo tháng 3 trên các sườn núi cao Mù Cang Chải. Mật màu "
            "vàng nhạt, vị ngọt thanh, thoảng hương hoa táo. Dùng pha nước ấm, chấm bánh hoặc ngâm "
            "chanh, gừng. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Honey collected during the March táo mèo blossom on the high slopes of Mù Cang Chải. "
            "Light gold, delicately sweet with a hint of apple blossom. Stir into warm water, drizzle "
            "on bread or use to steep lemon and ginger. Shelf life: 24 months."
        ),
        "price": 190000,
        "stock": 35,
        "weight_grams": 480,
        "stars": 3,
        "score": 60,
        # Note: decided 2023-06-01, so the certificate expired on 2026-06-01: the demo's
        # expired certificate (the product loses its OCOP mark; still listed for the admin to decide).
        "taxonomy": "148",
        "decision_number": "1356/QĐ-UBND",
        "decision_date": "2023-06-01",
        "issuer": "UBND huyện Mù Cang Chải",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 3, thị trấn Mù Cang Chải, huyện Mù Cang Chải, tỉnh Yên Bái",
    },
    {
        "sku": "LC-015",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Rượu táo mèo Mù Cang Chải chai 500ml",
        "title_en": "Mù Cang Chải táo mèo (Docynia) wine, 500 ml bottle",
        "group": "drinks",
        "subgroup": "alcoholic",
        "description": (
            "Quả táo mèo chín vàng được rửa sạch, bổ đôi và ngâm với rượu ngô Mù Cang Chải ít nhất 6 "
            "tháng. Rượu màu hổ phách, thơm mùi táo, vị chát nhẹ và ngọt hậu. Độ cồn 29% vol; không "
            "bán cho người dưới 18 tuổi. Hạn sử dụng: 36 tháng."
        ),
        "description_en": (
            "Ripe yellow táo mèo fruit, washed, halved and steeped in Mù Cang Chải corn liquor for at "
            "least six months. Amber colour, apple aroma, lightly astringent with a sweet finish. "
            "29% ABV; not sold to anyone under 18. Shelf life: 36 months."
        ),
        "price": 120000,
        "stock": 90,
        "weight_grams": 1000,
        "stars": 3,
        "score": 63,
        "taxonomy": "148",
        "decision_number": "2672/QĐ-UBND",
        "decision_date": "2024-09-10",
        "issuer": "UBND huyện Mù Cang Chải",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 3, thị trấn Mù Cang Chải, huyện Mù Cang Chải, tỉnh Yên Bái",
    },
    {
        "sku": "LC-016",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Giấm táo mèo Mù Cang Chải chai 500ml",
        "title_en": "Mù Cang Chải táo mèo vinegar, 500 ml bottle",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Giấm lên men tự nhiên từ quả táo mèo và đường phèn trong chum sành suốt 4 tháng. Vị "
            "chua dịu, thơm mùi táo, dùng trộn gỏi, pha nước chấm hoặc pha loãng với nước ấm và mật "
            "ong để uống. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Vinegar naturally fermented from táo mèo fruit and rock sugar in stoneware jars for four "
            "months. Mildly sour with an apple aroma; use in salads and dipping sauces, or dilute with "
            "warm water and honey as a drink. Shelf life: 24 months."
        ),
        "price": 75000,
        "stock": 85,
        "weight_grams": 700,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-017",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Nước cốt táo mèo Mù Cang Chải chai 500ml",
        "title_en": "Mù Cang Chải táo mèo fruit syrup, 500 ml bottle",
        "group": "drinks",
        "subgroup": "non-alcoholic",
        "description": (
            "Nước cốt ngâm từ táo mèo tươi và đường, không cồn, không phẩm màu. Pha 1 phần nước cốt "
            "với 4 phần nước lạnh và đá để có ly nước táo mèo chua ngọt mát lành. Sau khi mở giữ "
            "trong tủ lạnh. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "A syrup of fresh táo mèo fruit steeped in sugar, alcohol-free and without colouring. Mix "
            "one part syrup with four parts cold water and ice for a refreshing sweet-sour drink. "
            "Refrigerate after opening. Shelf life: 12 months."
        ),
        "price": 95000,
        "stock": 65,
        "weight_grams": 700,
        "stars": 3,
        "score": 55,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-018",
        "producer": "htx-nong-lam-san-mu-cang-chai",
        "title": "Trà sơn tra (táo mèo) túi lọc hộp 25 gói",
        "title_en": "Sơn tra (táo mèo) herbal tea, box of 25 tea bags",
        "group": "herbal",
        "subgroup": "herbal-tea",
        "description": (
            "Quả táo mèo (sơn tra) thái lát, sấy khô ở nhiệt độ thấp và nghiền thô đóng túi lọc. Theo "
            "kinh nghiệm dân gian, trà sơn tra giúp tiêu hóa tốt sau bữa ăn nhiều đạm. Hãm 1 túi với "
            "200ml nước sôi trong 5 phút. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Táo mèo (sơn tra) fruit, sliced, dried at low temperature and coarsely ground into tea "
            "bags. In folk tradition it helps digestion after a rich meal. Steep one bag in 200 ml of "
            "boiling water for 5 minutes. Shelf life: 18 months."
        ),
        "price": 85000,
        "stock": 100,
        "weight_grams": 120,
        "stars": 3,
        "score": 62,
        "taxonomy": "148",
        "decision_number": "845/QĐ-UBND",
        "decision_date": "2025-03-18",
        "issuer": "UBND huyện Mù Cang Chải",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 3, thị trấn Mù Cang Chải, huyện Mù Cang Chải, tỉnh Yên Bái",
    },
    # --- Hợp tác xã Quế Bảo Yên ----------------------------------------------------------------
    {
        "sku": "LC-019",
        "producer": "htx-que-bao-yen",
        "title": "Tinh dầu quế Bảo Yên chai 50ml",
        "title_en": "Bảo Yên cinnamon essential oil, 50 ml bottle",
        "group": "herbal",
        "subgroup": "essential-oils",
        "description": (
            "Tinh dầu chưng cất hơi nước từ lá và cành quế hữu cơ Bảo Yên, hàm lượng cinnamaldehyde "
            "cao, hương ấm và ngọt. Nhỏ 3–5 giọt vào máy khuếch tán để khử mùi, đuổi muỗi; pha loãng "
            "với dầu nền trước khi xoa lên da. Không dùng cho trẻ dưới 3 tuổi và phụ nữ có thai. Hạn "
            "sử dụng: 36 tháng."
        ),
        "description_en": (
            "Steam-distilled from the leaves and twigs of Bảo Yên organic cinnamon, rich in "
            "cinnamaldehyde, with a warm sweet scent. Add 3–5 drops to a diffuser to freshen the air "
            "and keep mosquitoes away; dilute in a carrier oil before applying to skin. Not for "
            "children under 3 or pregnant women. Shelf life: 36 months."
        ),
        "price": 220000,
        "stock": 130,
        "weight_grams": 150,
        "stars": 5,
        "score": 92,
        "taxonomy": "148",
        "decision_number": "3921/QĐ-BNNMT",
        "decision_date": "2025-09-26",
        "issuer": "Bộ Nông nghiệp và Môi trường",
        "issuer_level": "central",
        "old_address": "",
    },
    {
        "sku": "LC-020",
        "producer": "htx-que-bao-yen",
        "title": "Quế ống Bảo Yên loại 1 túi 500g",
        "title_en": "Bảo Yên cinnamon quills, grade 1, 500 g bag",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Vỏ quế từ cây trên 10 năm tuổi, cạo sạch lớp vỏ ngoài và phơi cuộn thành ống dài 40 cm. "
            "Vị cay ngọt, dầu nhiều, dùng nấu phở, kho thịt, pha trà hoặc làm bánh. Bảo quản kín, "
            "nơi khô ráo. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Bark from trees over 10 years old, scraped clean and sun-dried into 40 cm quills. Sweet "
            "and spicy with plenty of oil; for phở broth, braises, tea and baking. Store airtight in a "
            "dry place. Shelf life: 24 months."
        ),
        "price": 120000,
        "stock": 160,
        "weight_grams": 550,
        "stars": 4,
        "score": 77,
        "taxonomy": "148",
        "decision_number": "2213/QĐ-UBND",
        "decision_date": "2024-07-22",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-021",
        "producer": "htx-que-bao-yen",
        "title": "Bột quế Bảo Yên hũ 100g",
        "title_en": "Bảo Yên ground cinnamon, 100 g jar",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Bột quế xay mịn từ vỏ quế hữu cơ Bảo Yên đã sấy khô, không pha trộn tạp chất. Rắc vào "
            "cà phê, sữa chua, bánh nướng hoặc ướp thịt. Đậy kín nắp sau khi dùng. Hạn sử dụng: 18 "
            "tháng."
        ),
        "description_en": (
            "Finely ground dried bark of Bảo Yên organic cinnamon, with nothing added. Sprinkle on "
            "coffee, yoghurt or baked goods, or use in marinades. Close the lid after use. Shelf life: "
            "18 months."
        ),
        "price": 55000,
        "stock": 200,
        "weight_grams": 150,
        "stars": 3,
        "score": 61,
        "taxonomy": "148",
        "decision_number": "1452/QĐ-UBND",
        "decision_date": "2024-04-10",
        "issuer": "UBND huyện Bảo Yên",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 4, thị trấn Phố Ràng, huyện Bảo Yên, tỉnh Lào Cai",
    },
    {
        "sku": "LC-022",
        "producer": "htx-que-bao-yen",
        "title": "Trà quế gừng túi lọc hộp 20 gói",
        "title_en": "Cinnamon and ginger herbal tea, box of 20 tea bags",
        "group": "herbal",
        "subgroup": "herbal-tea",
        "description": (
            "Trà phối trộn vỏ quế Bảo Yên với gừng sẻ và cam thảo, sấy khô và đóng túi lọc. Vị ấm, "
            "cay nhẹ, hợp uống vào sáng sớm hoặc ngày lạnh. Hãm 1 túi với 150ml nước sôi trong 5 "
            "phút, có thể thêm mật ong. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Bảo Yên cinnamon bark blended with small local ginger and liquorice root, dried and "
            "packed in tea bags. Warming and gently spicy, good on early mornings and cold days. Steep "
            "one bag in 150 ml of boiling water for 5 minutes; add honey if you like. Shelf life: 18 "
            "months."
        ),
        "price": 70000,
        "stock": 140,
        "weight_grams": 110,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-023",
        "producer": "htx-que-bao-yen",
        "title": "Bộ đũa gỗ quế Bảo Yên 10 đôi",
        "title_en": "Bảo Yên cinnamon-wood chopsticks, set of 10 pairs",
        "group": "handicraft",
        "subgroup": "wood",
        "description": (
            "Đũa tiện từ thân gỗ quế già sau khi đã bóc vỏ, đánh nhẵn thủ công và không sơn phủ, giữ "
            "mùi quế thoang thoảng. Dài 24 cm, đựng trong hộp giấy kraft. Rửa bằng nước ấm, để khô "
            "tự nhiên, không ngâm lâu trong nước."
        ),
        "description_en": (
            "Chopsticks turned from the trunks of old cinnamon trees after the bark harvest, "
            "hand-sanded and left unvarnished, so they keep a faint cinnamon scent. 24 cm long, in a "
            "kraft-paper box. Wash in warm water and air-dry; do not leave soaking."
        ),
        "price": 95000,
        "stock": 75,
        "weight_grams": 250,
        "stars": 3,
        "score": 55,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hợp tác xã Nông sản Mường Khương -----------------------------------------------------
    {
        "sku": "LC-024",
        "producer": "htx-nong-san-muong-khuong",
        "title": "Tương ớt Mường Khương chai 500ml",
        "title_en": "Mường Khương chili sauce, 500 ml bottle",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Tương ớt lên men tự nhiên từ ớt chín đỏ, gạo nếp, tỏi và gừng theo công thức của người "
            "Nùng Mường Khương, ủ trong chum 3 tháng. Vị cay nồng, thơm, hơi chua nhẹ, dùng chấm "
            "thịt luộc, nem rán hay kèm phở. Không chất bảo quản. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "Chili sauce naturally fermented from ripe red chilies, glutinous rice, garlic and ginger "
            "to the Nùng recipe of Mường Khương, aged three months in jars. Hot, fragrant and slightly "
            "tangy; great with boiled meat, spring rolls or phở. No preservatives. Shelf life: 12 "
            "months."
        ),
        "price": 55000,
        "stock": 250,
        "weight_grams": 700,
        "stars": 4,
        "score": 74,
        "taxonomy": "148",
        "decision_number": "1875/QĐ-UBND",
        "decision_date": "2024-06-14",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-025",
        "producer": "htx-nong-san-muong-khuong",
        "title": "Ớt khô Mường Khương túi 200g",
        "title_en": "Mường Khương dried chilies, 200 g bag",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Ớt chỉ thiên trồng trên nương Mường Khương, phơi nắng rồi sấy than củi cho khô giòn, "
            "giữ màu đỏ tươi. Dùng rang, xay bột hoặc ngâm dầu ớt. Bảo quản kín, tránh ẩm. Hạn sử "
            "dụng: 12 tháng."
        ),
        "description_en": (
            "Bird's-eye chilies from Mường Khương hillside fields, sun-dried then finished over "
            "charcoal until crisp and bright red. Toast, grind or infuse in oil. Keep airtight and "
            "away from damp. Shelf life: 12 months."
        ),
        "price": 45000,
        "stock": 60,
        "weight_grams": 230,
        "stars": 3,
        "score": 56,
        # Note: a Decision 1048 certificate (before 24 Feb 2023, ★3 recognised by the province);
        # decided 2023-01-16, so it expired on 2026-01-16.
        "taxonomy": "1048",
        "decision_number": "156/QĐ-UBND",
        "decision_date": "2023-01-16",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-026",
        "producer": "htx-nong-san-muong-khuong",
        "title": "Gạo Séng Cù Mường Khương túi 5kg",
        "title_en": "Mường Khương Séng Cù rice, 5 kg bag",
        "group": "food",
        "subgroup": "rice-grains",
        "description": (
            "Gạo Séng Cù trồng trên ruộng bậc thang Mường Khương, mỗi năm chỉ cấy một vụ. Hạt gạo "
            "thon dài, trắng trong, cơm dẻo, thơm và vẫn mềm khi nguội. Vo nhẹ, nấu với tỉ lệ 1 gạo "
            "1,1 nước. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "Séng Cù rice from the Mường Khương terraces, planted only one crop a year. Long, "
            "translucent grains cook up soft, fragrant and stay tender when cool. Rinse gently and "
            "cook at 1 part rice to 1.1 parts water. Shelf life: 12 months."
        ),
        "price": 165000,
        "stock": 180,
        "weight_grams": 5100,
        "stars": 3,
        "score": 66,
        "taxonomy": "148",
        "decision_number": "4125/QĐ-UBND",
        "decision_date": "2024-01-15",
        "issuer": "UBND huyện Mường Khương",
        "issuer_level": "district",
        "old_address": "Thôn Mã Tuyển, thị trấn Mường Khương, huyện Mường Khương, tỉnh Lào Cai",
    },
    {
        "sku": "LC-027",
        "producer": "htx-nong-san-muong-khuong",
        "title": "Chè Shan tuyết Mường Khương túi 200g",
        "title_en": "Mường Khương Shan tuyết tea, 200 g pouch",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Chè xanh từ những nương Shan tuyết ở các thôn vùng cao Mường Khương, sao lửa than theo "
            "kiểu truyền thống. Nước xanh vàng sáng, hương cốm, vị chát dịu. Pha 5g với 150ml nước "
            "90°C, hãm 2 phút. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Green tea from Shan tuyết gardens in the upland villages of Mường Khương, roasted over "
            "charcoal the traditional way. Bright yellow-green liquor, young-rice aroma and mild "
            "astringency. Brew 5 g in 150 ml of water at 90°C for 2 minutes. Shelf life: 18 months."
        ),
        "price": 180000,
        "stock": 95,
        "weight_grams": 230,
        "stars": 3,
        "score": 59,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hợp tác xã Cây ăn quả Bắc Hà ---------------------------------------------------------
    {
        "sku": "LC-028",
        "producer": "htx-cay-an-qua-bac-ha",
        "title": "Mận tam hoa Bắc Hà hộp 2kg",
        "title_en": "Bắc Hà tam hoa plums, 2 kg box",
        "group": "food",
        "subgroup": "fresh-produce",
        "description": (
            "Mận tam hoa đặc sản cao nguyên Bắc Hà, quả to, vỏ phủ phấn trắng, thịt đỏ, giòn, ngọt "
            "đậm hậu chua nhẹ. Chỉ có từ cuối tháng 5 đến tháng 7; hết mùa, sản phẩm tạm hết hàng. "
            "Bảo quản ngăn mát tủ lạnh. Hạn sử dụng: 7 ngày kể từ ngày thu hoạch."
        ),
        "description_en": (
            "Tam hoa plums, the speciality of the Bắc Hà plateau: large fruit with a white bloom and "
            "crisp red flesh, rich sweetness and a light tartness. Available only from late May to "
            "July; out of stock out of season. Keep refrigerated. Shelf life: 7 days from harvest."
        ),
        "price": 120000,
        "stock": 0,  # out of season: shows the out-of-stock state
        "weight_grams": 2300,
        "stars": 3,
        "score": 61,
        "taxonomy": "148",
        "decision_number": "1563/QĐ-UBND",
        "decision_date": "2024-05-06",
        "issuer": "UBND huyện Bắc Hà",
        "issuer_level": "district",
        "old_address": "Thôn Na Cồ, thị trấn Bắc Hà, huyện Bắc Hà, tỉnh Lào Cai",
    },
    {
        "sku": "LC-029",
        "producer": "htx-cay-an-qua-bac-ha",
        "title": "Bưởi Múc Bắc Hà thùng 5kg",
        "title_en": "Bắc Hà Múc pomelos, 5 kg box",
        "group": "food",
        "subgroup": "fresh-produce",
        "description": (
            "Bưởi Múc trồng trên đồi Bắc Hà, quả tròn, vỏ mỏng, tép vàng nhạt, mọng nước, vị ngọt "
            "thanh không đắng. Mỗi thùng 3–4 quả, thu hoạch từ tháng 9 đến tháng 12. Để nơi thoáng "
            "mát, ăn ngon nhất sau khi hái 1–2 tuần. Hạn sử dụng: 30 ngày kể từ ngày thu hoạch."
        ),
        "description_en": (
            "Múc pomelos grown on the Bắc Hà hills: round, thin-skinned, with juicy pale-yellow "
            "segments, clean sweetness and no bitterness. 3–4 fruit per box, harvested September to "
            "December. Keep in a cool airy place; best 1–2 weeks after picking. Shelf life: 30 days "
            "from harvest."
        ),
        "price": 180000,
        "stock": 45,
        "weight_grams": 5400,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "3390/QĐ-UBND",
        "decision_date": "2024-10-21",
        "issuer": "UBND huyện Bắc Hà",
        "issuer_level": "district",
        "old_address": "Thôn Na Cồ, thị trấn Bắc Hà, huyện Bắc Hà, tỉnh Lào Cai",
    },
    {
        "sku": "LC-030",
        "producer": "htx-cay-an-qua-bac-ha",
        "title": "Mận tam hoa sấy dẻo Bắc Hà hộp 300g",
        "title_en": "Bắc Hà soft-dried tam hoa plums, 300 g box",
        "group": "food",
        "subgroup": "processed-food",
        "description": (
            "Mận tam hoa chín được tách hạt, ướp ít đường và sấy lạnh đến độ dẻo, giữ màu đỏ và vị "
            "chua ngọt tự nhiên. Món ăn vặt hoặc dùng kèm trà. Đậy kín sau khi mở. Hạn sử dụng: 12 "
            "tháng."
        ),
        "description_en": (
            "Ripe tam hoa plums, stoned, lightly sugared and cold-dried until chewy, keeping their red "
            "colour and natural sweet-sour taste. A snack or a companion to tea. Reseal after opening. "
            "Shelf life: 12 months."
        ),
        "price": 85000,
        "stock": 120,
        "weight_grams": 380,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-031",
        "producer": "htx-cay-an-qua-bac-ha",
        "title": "Rượu mận tam hoa Bắc Hà chai 500ml",
        "title_en": "Bắc Hà tam hoa plum wine, 500 ml bottle",
        "group": "drinks",
        "subgroup": "alcoholic",
        "description": (
            "Mận tam hoa chín ngâm cùng rượu ngô Bắc Hà và đường phèn trong bình thủy tinh ít nhất 6 "
            "tháng. Rượu màu đỏ hồng, thơm mùi mận, vị ngọt chua hài hòa. Độ cồn 25% vol; không bán "
            "cho người dưới 18 tuổi. Hạn sử dụng: 36 tháng."
        ),
        "description_en": (
            "Ripe tam hoa plums steeped with Bắc Hà corn liquor and rock sugar in glass jars for at "
            "least six months. Rosy red, plum-scented, a balanced sweet-sour taste. 25% ABV; not sold "
            "to anyone under 18. Shelf life: 36 months."
        ),
        "price": 150000,
        "stock": 70,
        "weight_grams": 1000,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hộ kinh doanh Hoàng Văn Sinh (Bắc Hà) ------------------------------------------------
    {
        "sku": "LC-032",
        "producer": "hkd-hoang-van-sinh",
        "title": "Thịt lợn gác bếp Bắc Hà túi 500g",
        "title_en": "Bắc Hà smoked (gác bếp) pork, 500 g pack",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Thịt lợn bản thả đồi được tẩm mắc khén, gừng, ớt, tỏi rồi hun khói bằng củi trên gác "
            "bếp 7–10 ngày. Hấp cách thủy 15 phút, xé nhỏ, chấm chẩm chéo. Đóng gói hút chân không; "
            "bảo quản ngăn mát. Hạn sử dụng: 3 tháng ở 0–5°C."
        ),
        "description_en": (
            "Free-range local pork rubbed with mắc khén pepper, ginger, chili and garlic, then smoked "
            "over a wood fire for 7–10 days. Steam for 15 minutes, shred and dip in chẩm chéo sauce. "
            "Vacuum-packed; keep refrigerated. Shelf life: 3 months at 0–5°C."
        ),
        "price": 350000,
        "stock": 90,
        "weight_grams": 550,
        "stars": 3,
        "score": 65,
        "taxonomy": "148",
        "decision_number": "1187/QĐ-UBND",
        "decision_date": "2024-03-25",
        "issuer": "UBND huyện Bắc Hà",
        "issuer_level": "district",
        "old_address": "Tổ dân phố Na Quang, thị trấn Bắc Hà, huyện Bắc Hà, tỉnh Lào Cai",
    },
    {
        "sku": "LC-033",
        "producer": "hkd-hoang-van-sinh",
        "title": "Lạp xưởng gác bếp Bắc Hà túi 500g",
        "title_en": "Bắc Hà smoked sausage, 500 g pack",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Lạp xưởng nhồi từ thịt lợn bản nạc vai và mỡ phần, ướp rượu ngô và mắc khén, hun khói "
            "trên gác bếp. Chiên nhỏ lửa hoặc hấp rồi thái lát ăn với cơm nóng. Bảo quản ngăn mát. "
            "Hạn sử dụng: 3 tháng ở 0–5°C."
        ),
        "description_en": (
            "Sausage filled with local pork shoulder and back fat, seasoned with corn liquor and mắc "
            "khén pepper and smoked above the kitchen fire. Pan-fry gently or steam, then slice and "
            "serve with hot rice. Keep refrigerated. Shelf life: 3 months at 0–5°C."
        ),
        "price": 190000,
        "stock": 110,
        "weight_grams": 550,
        "stars": 3,
        "score": 62,
        "taxonomy": "148",
        "decision_number": "1187/QĐ-UBND",
        "decision_date": "2024-03-25",
        "issuer": "UBND huyện Bắc Hà",
        "issuer_level": "district",
        "old_address": "Tổ dân phố Na Quang, thị trấn Bắc Hà, huyện Bắc Hà, tỉnh Lào Cai",
    },
    {
        "sku": "LC-034",
        "producer": "hkd-hoang-van-sinh",
        "title": "Thịt trâu gác bếp Bắc Hà túi 500g",
        "title_en": "Bắc Hà smoked buffalo, 500 g pack",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Thịt bắp trâu thái thớ dọc, ướp mắc khén, hạt dổi, gừng và ớt, hun khói củi nghiến "
            "trên gác bếp đến khi khô săn. Xé sợi ăn ngay hoặc nướng sơ cho dậy mùi. Đóng gói hút "
            "chân không. Hạn sử dụng: 6 tháng ở 0–5°C."
        ),
        "description_en": (
            "Buffalo shank cut along the grain, marinated with mắc khén pepper, dổi seeds, ginger and "
            "chili, and smoked over the fire until dry and firm. Tear into strips and eat as is, or "
            "grill briefly to bring out the aroma. Vacuum-packed. Shelf life: 6 months at 0–5°C."
        ),
        "price": 480000,
        "stock": 55,
        "weight_grams": 550,
        "stars": 3,
        "score": 63,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-035",
        "producer": "hkd-hoang-van-sinh",
        "title": "Rượu ngô men lá Bắc Hà chai 1 lít",
        "title_en": "Bắc Hà leaf-yeast corn liquor, 1 litre bottle",
        "group": "drinks",
        "subgroup": "alcoholic",
        "description": (
            "Rượu nấu từ ngô nương, ủ bằng men lá rừng theo bí quyết gia đình và chưng cất bằng nồi "
            "đồng trên bếp củi. Rượu trong, thơm mùi ngô và men lá, êm, không gây đau đầu. Độ cồn "
            "40% vol; không bán cho người dưới 18 tuổi. Hạn sử dụng: 60 tháng."
        ),
        "description_en": (
            "Liquor from upland corn fermented with a family recipe of forest-leaf yeast and distilled "
            "in a copper pot over a wood fire. Clear, with the aroma of corn and leaf yeast, smooth on "
            "the palate. 40% ABV; not sold to anyone under 18. Shelf life: 60 months."
        ),
        "price": 140000,
        "stock": 80,
        "weight_grams": 1700,
        "stars": 4,
        "score": 72,
        "taxonomy": "148",
        "decision_number": "3502/QĐ-UBND",
        "decision_date": "2024-11-29",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Công ty TNHH Cá nước lạnh Hoàng Liên (Sa Pa) -----------------------------------------
    {
        "sku": "LC-036",
        "producer": "cty-ca-nuoc-lanh-hoang-lien",
        "title": "Cá hồi Sa Pa phi lê tươi 1kg",
        "title_en": "Sa Pa salmon (rainbow trout) fresh fillet, 1 kg",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Cá hồi vân nuôi bằng nước suối lạnh Hoàng Liên, thu hoạch khi đạt 2–3 kg, phi lê và "
            "đóng gói trong ngày. Thịt đỏ cam, săn chắc, vân mỡ đều, dùng làm gỏi, sashimi, nướng "
            "hoặc nấu lẩu. Giao trong thùng xốp có đá gel. Hạn sử dụng: 5 ngày ở 0–4°C."
        ),
        "description_en": (
            "Rainbow trout raised in the cold streams of the Hoàng Liên range, harvested at 2–3 kg, "
            "filleted and packed the same day. Firm orange-red flesh with even marbling, for salads, "
            "sashimi, grilling or hot pot. Shipped in a foam box with gel ice. Shelf life: 5 days at "
            "0–4°C."
        ),
        "price": 480000,
        "stock": 40,
        "weight_grams": 1600,
        "stars": 5,
        "score": 93,
        "taxonomy": "148",
        "decision_number": "4870/QĐ-BNN-KTHT",
        "decision_date": "2024-11-18",
        "issuer": "Bộ Nông nghiệp và Phát triển nông thôn",
        "issuer_level": "central",
        "old_address": "",
    },
    {
        "sku": "LC-037",
        "producer": "cty-ca-nuoc-lanh-hoang-lien",
        "title": "Cá tầm Sa Pa làm sạch 1kg",
        "title_en": "Sa Pa sturgeon, cleaned, 1 kg",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Cá tầm nuôi trong nước suối lạnh Sa Pa, làm sạch, cắt khúc và đóng gói lạnh. Thịt "
            "trắng, ngọt, sụn giòn, hợp nấu lẩu măng chua, hấp gừng hoặc nướng muối ớt. Giao trong "
            "thùng xốp có đá gel. Hạn sử dụng: 3 ngày ở 0–4°C."
        ),
        "description_en": (
            "Sturgeon raised in Sa Pa's cold spring water, cleaned, cut into steaks and chilled. Sweet "
            "white flesh and crunchy cartilage, ideal for sour bamboo-shoot hot pot, steaming with "
            "ginger or grilling with chili salt. Shipped in a foam box with gel ice. Shelf life: 3 "
            "days at 0–4°C."
        ),
        "price": 380000,
        "stock": 35,
        "weight_grams": 1600,
        "stars": 4,
        "score": 77,
        "taxonomy": "148",
        "decision_number": "2213/QĐ-UBND",
        "decision_date": "2024-07-22",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-038",
        "producer": "cty-ca-nuoc-lanh-hoang-lien",
        "title": "Cá hồi Sa Pa hun khói gói 200g",
        "title_en": "Sa Pa smoked salmon, 200 g pack",
        "group": "food",
        "subgroup": "meat-fish",
        "description": (
            "Phi lê cá hồi Sa Pa ướp muối biển, đường và thì là, hun khói lạnh bằng gỗ táo mèo rồi "
            "thái lát mỏng. Dùng ngay với bánh mì, salad hoặc cuộn rau. Đóng gói hút chân không. Hạn "
            "sử dụng: 30 ngày ở 0–4°C."
        ),
        "description_en": (
            "Sa Pa salmon fillet cured with sea salt, sugar and dill, cold-smoked over táo mèo wood "
            "and thinly sliced. Ready to eat with bread, in salads or in rolls. Vacuum-packed. Shelf "
            "life: 30 days at 0–4°C."
        ),
        "price": 230000,
        "stock": 60,
        "weight_grams": 400,
        "stars": 3,
        "score": 66,
        "taxonomy": "148",
        "decision_number": "2941/QĐ-UBND",
        "decision_date": "2024-09-12",
        "issuer": "UBND thị xã Sa Pa",
        "issuer_level": "district",
        "old_address": "Số 18 đường Điện Biên Phủ, phường Sa Pa, thị xã Sa Pa, tỉnh Lào Cai",
    },
    # --- Công ty TNHH Nông sản Bảo Thắng ------------------------------------------------------
    {
        "sku": "LC-039",
        "producer": "cty-nong-san-bao-thang",
        "title": "Miến sâm Lào Cai gói 500g",
        "title_en": "Lào Cai ginseng vermicelli, 500 g pack",
        "group": "food",
        "subgroup": "processed-food",
        "description": (
            "Sợi miến làm từ tinh bột dong riềng trồng tại địa phương, phối trộn bột củ sâm, phơi "
            "nắng tự nhiên. Sợi dai, không nát khi nấu, dùng nấu miến gà, xào hoặc thả lẩu. Ngâm "
            "nước ấm 5 phút trước khi chế biến. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "Vermicelli made from locally grown canna starch blended with ginseng-root flour and "
            "sun-dried. Chewy strands that hold together when cooked; for chicken noodle soup, "
            "stir-fries or hot pot. Soak in warm water for 5 minutes before cooking. Shelf life: 12 "
            "months."
        ),
        "price": 75000,
        "stock": 220,
        "weight_grams": 550,
        "stars": 3,
        "score": 63,
        "taxonomy": "148",
        "decision_number": "2034/QĐ-UBND",
        "decision_date": "2024-06-03",
        "issuer": "UBND huyện Bảo Thắng",
        "issuer_level": "district",
        "old_address": "Số 12 đường Điện Biên, thị trấn Phố Lu, huyện Bảo Thắng, tỉnh Lào Cai",
    },
    {
        "sku": "LC-040",
        "producer": "cty-nong-san-bao-thang",
        "title": "Dứa sấy dẻo Bảo Thắng hộp 250g",
        "title_en": "Bảo Thắng soft-dried pineapple, 250 g box",
        "group": "food",
        "subgroup": "processed-food",
        "description": (
            "Dứa Queen Bảo Thắng chín cây được gọt, thái lát và sấy lạnh, giữ vị chua ngọt và mùi "
            "thơm tự nhiên, không phẩm màu. Ăn vặt, làm bánh hoặc pha trà trái cây. Đậy kín sau khi "
            "mở. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "Tree-ripened Queen pineapple from Bảo Thắng, peeled, sliced and cold-dried, keeping its "
            "natural sweet-sour taste and aroma, with no colouring. A snack, a baking ingredient or a "
            "fruit-tea base. Reseal after opening. Shelf life: 12 months."
        ),
        "price": 60000,
        "stock": 150,
        "weight_grams": 320,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "2034/QĐ-UBND",
        "decision_date": "2024-06-03",
        "issuer": "UBND huyện Bảo Thắng",
        "issuer_level": "district",
        "old_address": "Số 12 đường Điện Biên, thị trấn Phố Lu, huyện Bảo Thắng, tỉnh Lào Cai",
    },
    {
        "sku": "LC-041",
        "producer": "cty-nong-san-bao-thang",
        "title": "Trà xanh Phong Hải túi 200g",
        "title_en": "Phong Hải green tea, 200 g pouch",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Chè xanh từ đồi chè Phong Hải, hái một tôm hai lá, diệt men bằng chảo quay và sấy than. "
            "Nước xanh trong, hương cốm non, vị chát dịu ngọt hậu. Pha 5g với 150ml nước 85°C, hãm "
            "2 phút. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Green tea from the Phong Hải tea hills, one bud and two leaves, pan-fired in a rotating "
            "drum and charcoal-dried. Clear green liquor, young-rice aroma, gentle astringency and a "
            "sweet finish. Brew 5 g in 150 ml of water at 85°C for 2 minutes. Shelf life: 18 months."
        ),
        "price": 150000,
        "stock": 130,
        "weight_grams": 230,
        "stars": 3,
        "score": 55,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-042",
        "producer": "cty-nong-san-bao-thang",
        "title": "Nước dứa ép Bảo Thắng thùng 12 chai 330ml",
        "title_en": "Bảo Thắng pineapple juice, case of 12 × 330 ml bottles",
        "group": "drinks",
        "subgroup": "non-alcoholic",
        "description": (
            "Nước ép từ dứa Queen Bảo Thắng, thêm ít đường mía, thanh trùng và đóng chai thủy tinh. "
            "Vị chua ngọt tươi mát, ngon nhất khi uống lạnh. Sau khi mở giữ trong tủ lạnh, dùng trong "
            "2 ngày. Hạn sử dụng: 9 tháng."
        ),
        "description_en": (
            "Juice pressed from Bảo Thắng Queen pineapples with a little cane sugar, pasteurised and "
            "bottled in glass. Fresh sweet-sour taste, best served chilled. Once opened, refrigerate "
            "and drink within 2 days. Shelf life: 9 months."
        ),
        "price": 168000,
        "stock": 50,
        "weight_grams": 4800,
        "stars": 3,
        "score": 54,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Công ty Cổ phần Tinh dầu Văn Bàn -----------------------------------------------------
    {
        "sku": "LC-043",
        "producer": "cty-tinh-dau-van-ban",
        "title": "Tinh dầu sả chanh Văn Bàn chai 50ml",
        "title_en": "Văn Bàn lemongrass essential oil, 50 ml bottle",
        "group": "herbal",
        "subgroup": "essential-oils",
        "description": (
            "Tinh dầu chưng cất hơi nước từ sả chanh trồng tại Văn Bàn, hương chanh tươi mát. Nhỏ "
            "vài giọt vào máy khuếch tán hoặc nước lau nhà để khử mùi, đuổi muỗi. Không uống, tránh "
            "tiếp xúc với mắt. Hạn sử dụng: 36 tháng."
        ),
        "description_en": (
            "Steam-distilled from lemongrass grown in Văn Bàn, with a fresh lemony scent. Add a few "
            "drops to a diffuser or to floor-cleaning water to freshen the air and repel mosquitoes. "
            "Not for ingestion; avoid contact with eyes. Shelf life: 36 months."
        ),
        "price": 120000,
        "stock": 140,
        "weight_grams": 150,
        "stars": 4,
        "score": 73,
        "taxonomy": "148",
        "decision_number": "3502/QĐ-UBND",
        "decision_date": "2024-11-29",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-044",
        "producer": "cty-tinh-dau-van-ban",
        "title": "Tinh dầu màng tang Văn Bàn chai 10ml",
        "title_en": "Văn Bàn mountain pepper (Litsea cubeba) essential oil, 10 ml bottle",
        "group": "herbal",
        "subgroup": "essential-oils",
        "description": (
            "Tinh dầu chưng cất từ quả màng tang (khương mộc) hái trên rừng Văn Bàn, hương chanh "
            "gừng ấm nồng. Dùng xông phòng, pha loãng với dầu nền để xoa bóp khi nhức mỏi. Để xa tầm "
            "tay trẻ em. Hạn sử dụng: 36 tháng."
        ),
        "description_en": (
            "Distilled from màng tang (Litsea cubeba) berries gathered in the Văn Bàn forests, with a "
            "warm lemon-ginger scent. Use in a diffuser, or dilute in a carrier oil for massaging "
            "tired muscles. Keep out of reach of children. Shelf life: 36 months."
        ),
        "price": 65000,
        "stock": 160,
        "weight_grams": 60,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-045",
        "producer": "cty-tinh-dau-van-ban",
        "title": "Xà phòng thảo dược quế – sả chanh bánh 100g",
        "title_en": "Cinnamon and lemongrass herbal soap, 100 g bar",
        "group": "herbal",
        "subgroup": "herbal-cosmetics",
        "description": (
            "Xà phòng nấu lạnh từ dầu dừa, dầu ô liu, tinh dầu quế và sả chanh Văn Bàn, ủ 6 tuần "
            "trước khi đóng gói. Bọt mịn, làm sạch nhẹ nhàng, hương thảo mộc ấm. Để khô ráo giữa các "
            "lần dùng. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Cold-process soap from coconut and olive oils with Văn Bàn cinnamon and lemongrass "
            "essential oils, cured for six weeks before packing. Fine lather, gentle cleansing and a "
            "warm herbal scent. Let it dry between uses. Shelf life: 24 months."
        ),
        "price": 45000,
        "stock": 200,
        "weight_grams": 130,
        "stars": 3,
        "score": 56,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-046",
        "producer": "cty-tinh-dau-van-ban",
        "title": "Dầu xoa bóp quế – gừng chai 30ml",
        "title_en": "Cinnamon and ginger massage oil, 30 ml bottle",
        "group": "herbal",
        "subgroup": "herbal-cosmetics",
        "description": (
            "Dầu xoa bóp pha từ tinh dầu quế, gừng và màng tang trong dầu nền thực vật. Thoa và xoa "
            "nhẹ lên vai, gáy, bắp chân khi nhức mỏi hoặc trời lạnh. Không dùng trên vết thương hở, "
            "tránh vùng mắt. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "A massage oil of cinnamon, ginger and màng tang essential oils in a plant carrier oil. "
            "Rub gently into shoulders, neck and calves when tired or in cold weather. Not for open "
            "wounds; keep away from the eyes. Shelf life: 24 months."
        ),
        "price": 75000,
        "stock": 90,
        "weight_grams": 90,
        "stars": 3,
        "score": 59,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-047",
        "producer": "cty-tinh-dau-van-ban",
        "title": "Quế thanh cạo vỏ Văn Bàn túi 300g",
        "title_en": "Văn Bàn scraped cinnamon sticks, 300 g bag",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Quế Văn Bàn cạo sạch vỏ lụa ngoài, cắt thanh 8 cm và sấy khô, tiện dùng trong bếp. Vị "
            "ngọt cay, thơm đậm, dùng nấu phở, kho, hầm hoặc pha đồ uống. Bảo quản kín, nơi khô ráo. "
            "Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Văn Bàn cinnamon with the outer bark scraped off, cut into 8 cm sticks and dried, ready "
            "for the kitchen. Sweet, spicy and aromatic; for phở, braises, stews and drinks. Store "
            "airtight in a dry place. Shelf life: 24 months."
        ),
        "price": 90000,
        "stock": 100,
        "weight_grams": 330,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Tổ hợp tác Dệt thổ cẩm Tả Van --------------------------------------------------------
    {
        "sku": "LC-048",
        "producer": "thtx-det-tho-cam-ta-van",
        "title": "Túi đeo chéo thổ cẩm Mông nhuộm chàm",
        "title_en": "Indigo-dyed Hmong brocade cross-body bag",
        "group": "handicraft",
        "subgroup": "brocade",
        "description": (
            "Túi may từ vải lanh tự dệt, vẽ hoa văn sáp ong và nhuộm chàm nhiều lần, viền thổ cẩm "
            "thêu tay của phụ nữ Mông Tả Van. Kích thước 25 × 20 cm, quai điều chỉnh được, có túi "
            "nhỏ bên trong. Vải chàm có thể phai nhẹ ở những lần giặt đầu: giặt riêng bằng tay."
        ),
        "description_en": (
            "Sewn from handwoven hemp drawn with beeswax patterns and dipped in indigo many times, "
            "trimmed with brocade hand-embroidered by Hmong women of Tả Van. 25 × 20 cm, adjustable "
            "strap, small inner pocket. Indigo may bleed slightly in the first washes: hand wash "
            "separately."
        ),
        "price": 380000,
        "stock": 30,
        "weight_grams": 300,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "1203/QĐ-UBND",
        "decision_date": "2024-04-18",
        "issuer": "UBND thị xã Sa Pa",
        "issuer_level": "district",
        "old_address": "Thôn Tả Van Mông, xã Tả Van, thị xã Sa Pa, tỉnh Lào Cai",
    },
    {
        "sku": "LC-049",
        "producer": "thtx-det-tho-cam-ta-van",
        "title": "Khăn choàng vải lanh vẽ sáp ong nhuộm chàm",
        "title_en": "Beeswax-batik indigo hemp shawl",
        "group": "handicraft",
        "subgroup": "brocade",
        "description": (
            "Khăn choàng dệt tay từ sợi lanh, vẽ hoa văn truyền thống bằng sáp ong nóng rồi nhuộm "
            "chàm, mỗi chiếc mất gần hai tháng. Kích thước 180 × 50 cm, mềm dần sau mỗi lần dùng. "
            "Giặt tay bằng nước lạnh, phơi trong bóng râm."
        ),
        "description_en": (
            "A hand-woven hemp shawl drawn with traditional motifs in hot beeswax and dyed with "
            "indigo; each takes almost two months. 180 × 50 cm, softening with every use. Hand wash "
            "cold and dry in the shade."
        ),
        "price": 650000,
        "stock": 20,
        "weight_grams": 250,
        "stars": 4,
        "score": 71,
        "taxonomy": "148",
        "decision_number": "2213/QĐ-UBND",
        "decision_date": "2024-07-22",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-050",
        "producer": "thtx-det-tho-cam-ta-van",
        "title": "Vỏ gối thổ cẩm Mông 45 × 45 cm",
        "title_en": "Hmong brocade cushion cover, 45 × 45 cm",
        "group": "handicraft",
        "subgroup": "brocade",
        "description": (
            "Vỏ gối ghép từ các mảnh thổ cẩm Mông thêu tay và vải chàm, khóa kéo giấu ở cạnh dưới. "
            "Mỗi chiếc có hoa văn khác nhau, không lặp lại. Không kèm ruột gối; giặt tay bằng nước "
            "lạnh."
        ),
        "description_en": (
            "A cushion cover pieced from hand-embroidered Hmong brocade and indigo cloth, with a "
            "hidden zip along the bottom edge. No two patterns are the same. Insert not included; "
            "hand wash cold."
        ),
        "price": 260000,
        "stock": 40,
        "weight_grams": 200,
        "stars": 3,
        "score": 55,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-051",
        "producer": "thtx-det-tho-cam-ta-van",
        "title": "Ví cầm tay thêu tay Mông",
        "title_en": "Hand-embroidered Hmong clutch purse",
        "group": "handicraft",
        "subgroup": "embroidery",
        "description": (
            "Ví cầm tay thêu tay hoa văn xoắn ốc và hoa núi của người Mông trên nền vải chàm, có lót "
            "trong và khóa kéo. Kích thước 22 × 12 cm, vừa điện thoại và thẻ. Lau nhẹ bằng khăn ẩm, "
            "tránh giặt máy."
        ),
        "description_en": (
            "A clutch purse hand-embroidered with Hmong spiral and mountain-flower motifs on indigo "
            "cloth, lined and zipped. 22 × 12 cm, fits a phone and cards. Wipe gently with a damp "
            "cloth; do not machine wash."
        ),
        "price": 250000,
        "stock": 45,
        "weight_grams": 150,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-052",
        "producer": "thtx-det-tho-cam-ta-van",
        "title": "Trekking Sa Pa – Lao Chải – Tả Van 1 ngày cùng hướng dẫn viên người Mông",
        "title_en": "Sa Pa – Lao Chải – Tả Van one-day trek with a Hmong guide",
        "group": "tourism",
        "subgroup": "eco-tourism",
        "description": (
            "Hành trình đi bộ khoảng 12 km qua thung lũng Mường Hoa, bản Lao Chải và Tả Van cùng "
            "hướng dẫn viên là thành viên tổ hợp tác. Giá gồm hướng dẫn viên, bữa trưa tại nhà dân, "
            "vé tham quan và xe đưa về trung tâm Sa Pa. Xuất phát 8h30 tại trung tâm Sa Pa; chọn "
            "ngày khi đặt, nhóm tối đa 8 người."
        ),
        "description_en": (
            "A walk of about 12 km through the Mường Hoa valley and the villages of Lao Chải and Tả "
            "Van, guided by a member of the group. Includes the guide, lunch in a village home, entry "
            "fees and a car back to central Sa Pa. Starts 8:30 in central Sa Pa; choose the date when "
            "booking, groups of up to 8."
        ),
        "price": 650000,
        "stock": 20,
        "weight_grams": None,
        "stars": 3,
        "score": 62,
        "taxonomy": "148",
        "decision_number": "3355/QĐ-UBND",
        "decision_date": "2024-10-30",
        "issuer": "UBND thị xã Sa Pa",
        "issuer_level": "district",
        "old_address": "Thôn Tả Van Mông, xã Tả Van, thị xã Sa Pa, tỉnh Lào Cai",
    },
    # --- Tổ hợp tác Du lịch cộng đồng Púng Luông (Mù Cang Chải) --------------------------------
    {
        "sku": "LC-053",
        "producer": "thtx-du-lich-pung-luong",
        "title": "Homestay Púng Luông ngắm ruộng bậc thang – 1 đêm cho 2 người",
        "title_en": "Púng Luông terrace-view homestay – 1 night for 2",
        "group": "tourism",
        "subgroup": "community-tourism",
        "description": (
            "Một đêm trong nhà trình tường của người Mông nhìn ra ruộng bậc thang Mù Cang Chải, gồm "
            "bữa tối, bữa sáng và trà nóng bên bếp lửa cho 2 người. Đẹp nhất vào mùa nước đổ (tháng "
            "5–6) và mùa lúa chín (tháng 9–10). Chọn ngày khi đặt; nhận phòng từ 14h."
        ),
        "description_en": (
            "One night in a Hmong rammed-earth house overlooking the Mù Cang Chải terraces, with "
            "dinner, breakfast and hot tea by the fire for two. Most beautiful in the flooded season "
            "(May–June) and at harvest (September–October). Choose the date when booking; check-in "
            "from 14:00."
        ),
        "price": 450000,
        "stock": 15,
        "weight_grams": None,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-054",
        "producer": "thtx-du-lich-pung-luong",
        "title": "Trekking ruộng bậc thang Mù Cang Chải 2 ngày 1 đêm",
        "title_en": "Mù Cang Chải rice terraces trek, 2 days 1 night",
        "group": "tourism",
        "subgroup": "eco-tourism",
        "description": (
            "Hai ngày đi bộ khoảng 25 km qua các bản Mông và ruộng bậc thang quanh Púng Luông, La Pán "
            "Tẩn, ngủ đêm tại homestay trong bản. Giá cho 1 người, gồm hướng dẫn viên địa phương, 3 "
            "bữa ăn, chỗ ngủ và nước uống. Xuất phát 8h ngày thứ nhất; cần sức khỏe tốt, mang giày "
            "đi bộ."
        ),
        "description_en": (
            "Two days and about 25 km on foot through Hmong villages and terraces around Púng Luông "
            "and La Pán Tẩn, with a night at a village homestay. Price per person, including a local "
            "guide, 3 meals, accommodation and drinking water. Starts 8:00 on day one; good fitness "
            "and walking shoes needed."
        ),
        "price": 1350000,
        "stock": 10,
        "weight_grams": None,
        "stars": 4,
        "score": 74,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-055",
        "producer": "thtx-du-lich-pung-luong",
        "title": "Khăn thổ cẩm Mông Mù Cang Chải",
        "title_en": "Mù Cang Chải Hmong brocade scarf",
        "group": "handicraft",
        "subgroup": "brocade",
        "description": (
            "Khăn dệt và thêu tay bởi phụ nữ Mông Mù Cang Chải, hoa văn ô vuông và răng cưa đỏ, "
            "xanh, vàng trên nền chàm. Kích thước 150 × 35 cm, dùng quàng cổ hoặc trang trí. Giặt "
            "tay nhẹ nhàng bằng nước lạnh."
        ),
        "description_en": (
            "A scarf woven and hand-embroidered by Hmong women of Mù Cang Chải, with squares and "
            "saw-tooth motifs in red, green and yellow on indigo. 150 × 35 cm, to wear or as "
            "decoration. Hand wash gently in cold water."
        ),
        "price": 280000,
        "stock": 35,
        "weight_grams": 200,
        "stars": 3,
        "score": 56,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hộ kinh doanh Lý Láo Mẩy (Y Tý) ------------------------------------------------------
    {
        "sku": "LC-056",
        "producer": "hkd-ly-lao-may",
        "title": "Tam thất Y Tý củ khô túi 200g",
        "title_en": "Y Tý dried notoginseng (tam thất) roots, 200 g bag",
        "group": "herbal",
        "subgroup": "herbs",
        "description": (
            "Củ tam thất trồng dưới tán rừng Y Tý từ 3 năm tuổi trở lên, rửa sạch, phơi và sấy khô. "
            "Theo kinh nghiệm dân gian, tam thất được dùng hầm gà, ngâm rượu hoặc tán bột để bồi bổ "
            "sức khỏe. Sản phẩm không phải là thuốc; phụ nữ có thai không dùng. Hạn sử dụng: 24 "
            "tháng."
        ),
        "description_en": (
            "Notoginseng roots grown for at least three years under the Y Tý forest, washed, "
            "sun-dried and kiln-dried. Traditionally stewed with chicken, steeped in liquor or ground "
            "into powder as a tonic. Not a medicine; not for pregnant women. Shelf life: 24 months."
        ),
        "price": 380000,
        "stock": 50,
        "weight_grams": 230,
        "stars": 3,
        "score": 64,
        "taxonomy": "148",
        "decision_number": "1690/QĐ-UBND",
        "decision_date": "2024-05-27",
        "issuer": "UBND huyện Bát Xát",
        "issuer_level": "district",
        "old_address": "Thôn Lao Chải, xã Y Tý, huyện Bát Xát, tỉnh Lào Cai",
    },
    {
        "sku": "LC-057",
        "producer": "hkd-ly-lao-may",
        "title": "Thảo quả khô Y Tý túi 500g",
        "title_en": "Y Tý dried black cardamom (thảo quả), 500 g bag",
        "group": "food",
        "subgroup": "sauces-spices",
        "description": (
            "Quả thảo quả thu hái dưới tán rừng già Y Tý vào tháng 10–11, sấy bằng lò củi truyền "
            "thống. Hương thơm nồng, ấm, là gia vị không thể thiếu khi nấu phở, thắng cố và các món "
            "hầm. Đập dập, rang sơ trước khi dùng. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Black cardamom pods harvested under old forest in Y Tý in October–November and dried in "
            "traditional wood-fired kilns. Strong, warm aroma, essential for phở, thắng cố and "
            "stews. Crack and toast lightly before use. Shelf life: 24 months."
        ),
        "price": 150000,
        "stock": 120,
        "weight_grams": 550,
        "stars": 3,
        "score": 61,
        "taxonomy": "148",
        "decision_number": "1690/QĐ-UBND",
        "decision_date": "2024-05-27",
        "issuer": "UBND huyện Bát Xát",
        "issuer_level": "district",
        "old_address": "Thôn Lao Chải, xã Y Tý, huyện Bát Xát, tỉnh Lào Cai",
    },
    {
        "sku": "LC-058",
        "producer": "hkd-ly-lao-may",
        "title": "Trà hoa tam thất Y Tý hộp 100g",
        "title_en": "Y Tý notoginseng flower tea, 100 g box",
        "group": "herbal",
        "subgroup": "herbal-tea",
        "description": (
            "Nụ hoa tam thất hái trên cây 2–3 năm tuổi, sấy ở nhiệt độ thấp giữ màu xanh. Nước trà "
            "vàng nhạt, vị đắng nhẹ rồi ngọt hậu, thường dùng buổi tối giúp dễ ngủ. Hãm 3–5 nụ với "
            "200ml nước sôi trong 5 phút. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Notoginseng flower buds picked from two- to three-year-old plants and dried at low "
            "temperature to keep them green. Pale yellow tea, lightly bitter then sweet, "
            "traditionally drunk in the evening to help sleep. Steep 3–5 buds in 200 ml of boiling "
            "water for 5 minutes. Shelf life: 18 months."
        ),
        "price": 160000,
        "stock": 70,
        "weight_grams": 180,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-059",
        "producer": "hkd-ly-lao-may",
        "title": "Chè Shan tuyết cổ thụ Y Tý túi 200g",
        "title_en": "Y Tý ancient-tree Shan tuyết tea, 200 g pouch",
        "group": "drinks",
        "subgroup": "tea",
        "description": (
            "Chè hái từ những cây Shan tuyết cổ thụ quanh bản Lao Chải ở độ cao gần 2.000 m, quanh "
            "năm mây phủ. Sao tay, cánh chè to, nước vàng sáng, vị đậm và ngọt hậu kéo dài. Pha 5g "
            "với 150ml nước 90°C, hãm 2 phút. Hạn sử dụng: 24 tháng."
        ),
        "description_en": (
            "Tea from ancient Shan tuyết trees around Lao Chải village, close to 2,000 m up and "
            "wrapped in cloud most of the year. Hand-roasted large leaves, bright yellow liquor, a "
            "bold taste and a long sweet finish. Brew 5 g in 150 ml of water at 90°C for 2 minutes. "
            "Shelf life: 24 months."
        ),
        "price": 220000,
        "stock": 60,
        "weight_grams": 230,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-060",
        "producer": "hkd-ly-lao-may",
        "title": "Rượu thóc Y Tý chai 500ml",
        "title_en": "Y Tý paddy-rice liquor, 500 ml bottle",
        "group": "drinks",
        "subgroup": "alcoholic",
        "description": (
            "Rượu nấu từ thóc nương Y Tý ủ men lá, chưng cất thủ công theo cách của người vùng cao. "
            "Rượu trong, thơm mùi lúa mới, êm và ấm. Độ cồn 35% vol; không bán cho người dưới 18 "
            "tuổi. Hạn sử dụng: 60 tháng."
        ),
        "description_en": (
            "Liquor distilled by hand from Y Tý upland paddy rice fermented with leaf yeast, the "
            "highland way. Clear, with the scent of new rice, smooth and warming. 35% ABV; not sold "
            "to anyone under 18. Shelf life: 60 months."
        ),
        "price": 90000,
        "stock": 80,
        "weight_grams": 1000,
        "stars": 3,
        "score": 55,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-061",
        "producer": "hkd-ly-lao-may",
        "title": "Homestay săn mây Y Tý – 1 đêm cho 2 người",
        "title_en": "Y Tý cloud-hunting homestay – 1 night for 2",
        "group": "tourism",
        "subgroup": "community-tourism",
        "description": (
            "Một đêm trong nhà trình tường mái cỏ ở thôn Lao Chải, gồm bữa tối món bản địa, bữa sáng "
            "và hướng dẫn lên điểm ngắm biển mây lúc bình minh cho 2 người. Mây đẹp nhất từ tháng 9 "
            "đến tháng 4. Chọn ngày khi đặt; có thể đón khách tại trung tâm xã Y Tý."
        ),
        "description_en": (
            "One night in a thatched rammed-earth house in Lao Chải village, with a local dinner, "
            "breakfast and a guided walk to a sea-of-clouds viewpoint at dawn for two. Clouds are best "
            "from September to April. Choose the date when booking; pick-up from the Y Tý commune "
            "centre available."
        ),
        "price": 500000,
        "stock": 8,
        "weight_grams": None,
        "stars": 3,
        "score": 61,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hộ kinh doanh Vàng A Sử (Sa Pa) ------------------------------------------------------
    {
        "sku": "LC-062",
        "producer": "hkd-vang-a-su",
        "title": "Lan Hài Sa Pa chậu 3 giò",
        "title_en": "Sa Pa slipper orchid (Paphiopedilum), pot of 3 growths",
        "group": "ornamental",
        "subgroup": "ornamental-plants",
        "description": (
            "Lan Hài bản địa Sa Pa nhân giống tại nhà vườn từ nuôi cấy mô, không khai thác từ rừng, "
            "có giấy nguồn gốc kèm theo. Chậu 3 giò trưởng thành, hoa nở vào mùa xuân, bền 4–6 "
            "tuần. Đặt nơi mát, có ánh sáng tán xạ, tưới khi giá thể se mặt."
        ),
        "description_en": (
            "A native Sa Pa slipper orchid propagated in the nursery from tissue culture, never taken "
            "from the wild, with an origin certificate. Pot of three mature growths, flowering in "
            "spring for 4–6 weeks. Keep cool in bright indirect light; water when the surface of the "
            "medium is just dry."
        ),
        "price": 850000,
        "stock": 25,
        "weight_grams": 2000,
        "stars": 3,
        "score": 63,
        "taxonomy": "148",
        "decision_number": "3918/QĐ-UBND",
        "decision_date": "2024-12-20",
        "issuer": "UBND thị xã Sa Pa",
        "issuer_level": "district",
        "old_address": "Tổ dân phố 7, phường Sa Pa, thị xã Sa Pa, tỉnh Lào Cai",
    },
    {
        "sku": "LC-063",
        "producer": "hkd-vang-a-su",
        "title": "Lan kiếm Sa Pa chậu 2 cành hoa",
        "title_en": "Sa Pa cymbidium orchid, pot with 2 flower spikes",
        "group": "ornamental",
        "subgroup": "ornamental-plants",
        "description": (
            "Lan kiếm (địa lan) giống bản địa Sa Pa trồng trong chậu gốm, đã ra 2 cành nụ, hoa nở dịp "
            "Tết và bền 6–8 tuần. Cây được nhân giống và chăm sóc tại vườn ở độ cao 1.500 m. Để nơi "
            "thoáng mát, tránh nắng gắt, tưới 2–3 lần mỗi tuần."
        ),
        "description_en": (
            "A native Sa Pa cymbidium in a ceramic pot with two budding spikes, flowering around Tết "
            "and lasting 6–8 weeks. Propagated and grown in the nursery at 1,500 m. Keep in a cool "
            "airy spot out of harsh sun; water 2–3 times a week."
        ),
        "price": 1200000,
        "stock": 15,
        "weight_grams": 3000,
        "stars": 4,
        "score": 72,
        "taxonomy": "148",
        "decision_number": "2213/QĐ-UBND",
        "decision_date": "2024-07-22",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-064",
        "producer": "hkd-vang-a-su",
        "title": "Cây đào Sa Pa thế chậu cao 1,2 m",
        "title_en": "Shaped Sa Pa peach tree in a pot, 1.2 m tall",
        "group": "ornamental",
        "subgroup": "ornamental-plants",
        "description": (
            "Cây đào Sa Pa ghép gốc đào rừng, tạo thế nhiều năm, trồng trong chậu xi măng giả gốm. "
            "Hoa cánh kép hồng đậm, nở đúng dịp Tết nếu được chăm sóc theo hướng dẫn đi kèm. Hiện "
            "đã bán hết lứa cây năm nay; vườn nhận đặt trước cho vụ sau."
        ),
        "description_en": (
            "A Sa Pa peach grafted onto wild peach rootstock and shaped over several years, in a "
            "ceramic-look cement pot. Deep pink double blossoms open for Tết if cared for as the "
            "enclosed guide explains. This year's trees are sold out; the nursery takes advance "
            "orders for next season."
        ),
        "price": 1800000,
        "stock": 0,  # sold out: shows the out-of-stock state
        "weight_grams": 15000,
        "stars": 3,
        "score": 58,
        "taxonomy": "148",
        "decision_number": "1755/QĐ-UBND",
        "decision_date": "2025-08-27",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-065",
        "producer": "hkd-vang-a-su",
        "title": "Trà atiso Sa Pa túi lọc hộp 25 gói",
        "title_en": "Sa Pa artichoke tea, box of 25 tea bags",
        "group": "herbal",
        "subgroup": "herbal-tea",
        "description": (
            "Hoa, lá và thân atiso trồng trên ruộng bậc thang Sa Pa, thái nhỏ và sấy khô đóng túi "
            "lọc. Vị ngọt nhẹ, hơi đắng, theo kinh nghiệm dân gian giúp thanh nhiệt, mát gan. Hãm 1 "
            "túi với 200ml nước sôi trong 5 phút. Hạn sử dụng: 18 tháng."
        ),
        "description_en": (
            "Flowers, leaves and stems of artichokes grown on the Sa Pa terraces, chopped, dried and "
            "packed in tea bags. Lightly sweet and slightly bitter; traditionally drunk to cool the "
            "body and support the liver. Steep one bag in 200 ml of boiling water for 5 minutes. "
            "Shelf life: 18 months."
        ),
        "price": 75000,
        "stock": 150,
        "weight_grams": 120,
        "stars": 3,
        "score": 60,
        "taxonomy": "148",
        "decision_number": "2290/QĐ-UBND",
        "decision_date": "2025-09-24",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    # --- Hộ kinh doanh Nguyễn Thị Hoa (Trấn Yên, former Yên Bái) -------------------------------
    {
        "sku": "LC-066",
        "producer": "hkd-nguyen-thi-hoa",
        "title": "Măng tre Bát Độ khô Trấn Yên túi 500g",
        "title_en": "Trấn Yên dried Bát Độ bamboo shoots, 500 g bag",
        "group": "food",
        "subgroup": "processed-food",
        "description": (
            "Măng tre Bát Độ hái vào mùa mưa, luộc kỹ, phơi nắng rồi sấy than củi cho khô đều, không "
            "dùng lưu huỳnh. Ngâm nước vo gạo qua đêm, luộc lại 2–3 lần trước khi nấu canh, hầm xương "
            "hoặc xào. Bảo quản nơi khô ráo. Hạn sử dụng: 12 tháng."
        ),
        "description_en": (
            "Bát Độ bamboo shoots picked in the rainy season, boiled thoroughly, sun-dried and "
            "finished over charcoal, with no sulphur. Soak overnight in rice-rinsing water and boil "
            "2–3 times before using in soups, stews or stir-fries. Keep dry. Shelf life: 12 months."
        ),
        "price": 140000,
        "stock": 100,
        "weight_grams": 550,
        "stars": 3,
        "score": 62,
        "taxonomy": "148",
        "decision_number": "2518/QĐ-UBND",
        "decision_date": "2024-08-14",
        "issuer": "UBND huyện Trấn Yên",
        "issuer_level": "district",
        "old_address": "Thôn Khe Sến, xã Lương Thịnh, huyện Trấn Yên, tỉnh Yên Bái",
    },
    {
        "sku": "LC-067",
        "producer": "hkd-nguyen-thi-hoa",
        "title": "Giỏ mây tre đan Trấn Yên bộ 3 chiếc",
        "title_en": "Trấn Yên woven rattan and bamboo baskets, set of 3",
        "group": "handicraft",
        "subgroup": "bamboo-rattan",
        "description": (
            "Bộ 3 giỏ lồng vào nhau (đường kính 22, 28 và 34 cm), đan tay từ mây và tre rừng trồng, "
            "xử lý chống mốc bằng cách luộc và hun khói. Dùng đựng hoa quả, đồ khô hoặc trang trí. "
            "Lau bằng khăn khô, tránh để nơi ẩm ướt."
        ),
        "description_en": (
            "Three nesting baskets (22, 28 and 34 cm across), hand-woven from rattan and bamboo from "
            "planted forest, boiled and smoked against mould. For fruit, dry goods or decoration. "
            "Wipe with a dry cloth; keep away from damp."
        ),
        "price": 320000,
        "stock": 30,
        "weight_grams": 1200,
        "stars": 3,
        "score": 57,
        "taxonomy": "148",
        "decision_number": "1268/QĐ-UBND",
        "decision_date": "2025-07-28",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
    {
        "sku": "LC-068",
        "producer": "hkd-nguyen-thi-hoa",
        "title": "Chụp đèn tre đan thủ công đường kính 35 cm",
        "title_en": "Hand-woven bamboo lampshade, 35 cm diameter",
        "group": "handicraft",
        "subgroup": "bamboo-rattan",
        "description": (
            "Chụp đèn đan tay từ nan tre vót mỏng theo kiểu mắt cáo, tạo bóng sáng đẹp khi bật đèn. "
            "Đường kính 35 cm, kèm dây treo và đui đèn E27 (không kèm bóng). Phủ dầu lau gỗ gốc "
            "nước, an toàn khi dùng trong nhà."
        ),
        "description_en": (
            "A lampshade hand-woven from thin bamboo strips in an open lattice that casts a lovely "
            "pattern of light. 35 cm across, with hanging cord and E27 socket (bulb not included). "
            "Finished with water-based wood oil, safe indoors."
        ),
        "price": 280000,
        "stock": 20,
        "weight_grams": 800,
        "stars": 3,
        "score": 54,
        "taxonomy": "148",
        "decision_number": "2874/QĐ-UBND",
        "decision_date": "2025-10-13",
        "issuer": "UBND tỉnh Lào Cai",
        "issuer_level": "province",
        "old_address": "",
    },
]
