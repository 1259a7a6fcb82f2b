"""The field table of the e-invoice XML we write, and a validator that checks a document against it.

Source: the e-invoice data format of the General Department of Taxation, Decision 1450/QĐ-TCT of 7 October
2021 ("Quy định về thành phần chứa dữ liệu nghiệp vụ hóa đơn điện tử…"), which applies Decree 123/2020/NĐ-CP
and Circular 78/2021/TT-BTC: element names, order, data types and maximum lengths of the invoice part
(``HDon/DLHDon``: TTChung, NDHDon with NBan, NMua, DSHHDVu/HHDVu, TToan). We could not obtain the published XSD
from a public source, nor the text of the later amendments to the decision, so this table is what we check
against; elements we do not write (signatures DSCKS, MCCQT, DLQRCode, TTKhac, fees DSLPhi…) are left out.

Each row: path below HDon, required, type, maximum length. ``required`` is True (always), False (optional) or
``AT_ISSUE`` (given by the provider when the invoice is issued: empty in a draft's export). Types: ``text``,
``date`` (YYYY-MM-DD), ``int`` (whole number), ``dec`` (decimal number), ``rate`` (a VAT rate: "0%", "5%", "8%",
"10%", "KCT", "KKKNT", "KHAC:…").
"""

import re
import xml.etree.ElementTree as ET

AT_ISSUE = "at_issue"

FIELDS = [
    ("DLHDon", True, "node", None),
    ("DLHDon/TTChung", True, "node", None),
    ("DLHDon/TTChung/PBan", True, "text", 6),
    ("DLHDon/TTChung/THDon", True, "text", 100),
    ("DLHDon/TTChung/KHMSHDon", True, "int", 1),
    ("DLHDon/TTChung/KHHDon", AT_ISSUE, "text", 6),
    ("DLHDon/TTChung/SHDon", AT_ISSUE, "int", 8),
    ("DLHDon/TTChung/NLap", True, "date", None),
    ("DLHDon/TTChung/DVTTe", True, "text", 3),
    ("DLHDon/TTChung/HTTToan", False, "text", 50),
    ("DLHDon/TTChung/TTHDLQuan", False, "node", None),
    ("DLHDon/TTChung/TTHDLQuan/TCHDon", True, "int", 1),
    ("DLHDon/TTChung/TTHDLQuan/LHDCLQuan", True, "int", 1),
    ("DLHDon/TTChung/TTHDLQuan/KHMSHDCLQuan", True, "text", 11),
    ("DLHDon/TTChung/TTHDLQuan/KHHDCLQuan", True, "text", 8),
    ("DLHDon/TTChung/TTHDLQuan/SHDCLQuan", True, "text", 8),
    ("DLHDon/TTChung/TTHDLQuan/NLHDCLQuan", True, "date", None),
    ("DLHDon/TTChung/TTHDLQuan/GChu", False, "text", 255),
    ("DLHDon/NDHDon", True, "node", None),
    ("DLHDon/NDHDon/NBan", True, "node", None),
    ("DLHDon/NDHDon/NBan/Ten", True, "text", 400),
    ("DLHDon/NDHDon/NBan/MST", True, "text", 14),
    ("DLHDon/NDHDon/NBan/DChi", True, "text", 400),
    ("DLHDon/NDHDon/NBan/SDThoai", False, "text", 20),
    ("DLHDon/NDHDon/NBan/DCTDTu", False, "text", 50),
    ("DLHDon/NDHDon/NMua", True, "node", None),
    ("DLHDon/NDHDon/NMua/Ten", False, "text", 400),
    ("DLHDon/NDHDon/NMua/MST", False, "text", 14),
    ("DLHDon/NDHDon/NMua/DChi", False, "text", 400),
    ("DLHDon/NDHDon/NMua/SDThoai", False, "text", 20),
    ("DLHDon/NDHDon/NMua/DCTDTu", False, "text", 50),
    ("DLHDon/NDHDon/NMua/HVTNMHang", False, "text", 100),
    ("DLHDon/NDHDon/DSHHDVu", True, "node", None),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu", True, "node", None),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/TChat", True, "int", 1),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/STT", True, "int", 4),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/MHHDVu", False, "text", 50),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/THHDVu", True, "text", 500),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/DVTinh", False, "text", 50),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/SLuong", False, "dec", 21),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/DGia", False, "dec", 21),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/TLCKhau", False, "dec", 6),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/STCKhau", False, "dec", 21),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/ThTien", False, "dec", 21),
    ("DLHDon/NDHDon/DSHHDVu/HHDVu/TSuat", False, "rate", 11),
    ("DLHDon/NDHDon/TToan", True, "node", None),
    ("DLHDon/NDHDon/TToan/THTTLTSuat", False, "node", None),
    ("DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat", False, "node", None),
    ("DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/TSuat", True, "rate", 11),
    ("DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/ThTien", True, "dec", 21),
    ("DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat/TThue", True, "dec", 21),
    ("DLHDon/NDHDon/TToan/TgTCThue", False, "dec", 21),
    ("DLHDon/NDHDon/TToan/TgTThue", False, "dec", 21),
    ("DLHDon/NDHDon/TToan/TTCKTMai", False, "dec", 21),
    ("DLHDon/NDHDon/TToan/TgTTTBSo", True, "dec", 21),
    ("DLHDon/NDHDon/TToan/TgTTTBChu", True, "text", 255),
]
BY_PATH = {path: (required, kind, length) for path, required, kind, length in FIELDS}

_PATTERNS = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "int": re.compile(r"^\d+$"),
    "dec": re.compile(r"^-?\d+(\.\d+)?$"),
    "rate": re.compile(r"^(\d{1,2}(\.\d+)?%|KCT|KKKNT|KHAC:.+)$"),
}


def validate(document: bytes, issued: bool = False) -> list[str]:
    """The ways ``document`` breaks the field table (empty when it conforms). ``issued``: the provider's
    series and number must be there."""
    root = ET.fromstring(document)
    errors = [] if root.tag == "HDon" else [f"root element is {root.tag}, not HDon"]

    def walk(element, path):
        for child in element:
            child_path = f"{path}/{child.tag}" if path else child.tag
            if child_path not in BY_PATH:
                errors.append(f"{child_path}: not in the field table")
                continue
            required, kind, length = BY_PATH[child_path]
            if kind == "node":
                walk(child, child_path)
                continue
            text = child.text or ""
            if not text:
                if required is True or (required == AT_ISSUE and issued):
                    errors.append(f"{child_path}: empty")
                continue
            if length is not None and len(text) > length:
                errors.append(f"{child_path}: longer than {length} characters")
            pattern = _PATTERNS.get(kind)
            if pattern is not None and not pattern.match(text):
                errors.append(f"{child_path}: {text!r} is not a valid {kind}")
        present = {f"{path}/{child.tag}" if path else child.tag for child in element}
        for field_path, (required, _kind, _length) in BY_PATH.items():
            parent = field_path.rpartition("/")[0]
            if parent == path and field_path not in present and (required is True or (required and issued)):
                errors.append(f"{field_path}: missing")

    walk(root, "")
    return errors
