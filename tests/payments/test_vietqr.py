"""VietQR payloads and their CRC, checked against published payloads and the CRC's standard check value."""

import pytest

from shop.core import vietqr

# Payloads published with VietQR implementations, whole — CRC included.
PUBLISHED_TRANSFER = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
    "530370454061200005802VN62170813ung ho lu lut6304C15C"
)
PUBLISHED_MERCHANT = (
    "00020101021138480010A00000072701300006970403011621129950446040255204581253037045802VN"
    "5910PHUONG CAC6005HANOI62110307NPS686963045802"
)


def test_crc_is_ccitt_false():
    assert vietqr.crc16_ccitt_false("123456789") == "29B1"  # the algorithm's catalogued check value


@pytest.mark.parametrize("published", [PUBLISHED_TRANSFER, PUBLISHED_MERCHANT])
def test_crc_of_published_payloads(published):
    assert vietqr.crc16_ccitt_false(published[:-4]) == published[-4:]
    assert vietqr.parse(published)["58"] == "VN"


def test_builds_the_published_transfer_exactly():
    # 120.000 ₫ to VietinBank (BIN 970415) account 0011001932418, purpose "ủng hộ lũ lụt" folded to ASCII
    assert vietqr.payload("970415", "0011001932418", 120000, "ủng hộ lũ lụt") == PUBLISHED_TRANSFER


def test_fields_of_an_order_payment():
    text = vietqr.payload("970405", "8800123456", 1234567, "OCOP Đơn 100023")
    fields = vietqr.parse(text)
    assert fields["01"] == "12" and fields["53"] == "704" and fields["54"] == "1234567"
    merchant = vietqr.nested(fields["38"])
    assert merchant["00"] == "A000000727" and merchant["02"] == "QRIBFTTA"
    assert vietqr.nested(merchant["01"]) == {"00": "970405", "01": "8800123456"}
    assert vietqr.nested(fields["62"]) == {"08": "OCOP Don 100023"}


def test_static_code_has_no_amount():
    fields = vietqr.parse(vietqr.payload("970405", "8800123456"))
    assert fields["01"] == "11" and "54" not in fields


def test_purpose_is_ascii_and_at_most_25_characters():
    assert vietqr.purpose_text("Thanh toán đơn hàng số 1000234567 – Chợ OCOP") == "Thanh toan don hang so 10"
    assert len(vietqr.purpose_text("x" * 40)) == 25


def test_a_changed_character_fails_the_crc():
    tampered = PUBLISHED_TRANSFER.replace("120000", "920000")
    with pytest.raises(vietqr.VietQRError):
        vietqr.parse(tampered)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"bank_bin": "97041", "account_number": "1"},
        {"bank_bin": "970415", "account_number": ""},
        {"bank_bin": "970415", "account_number": "1", "amount": 0},
        {"bank_bin": "970415", "account_number": "1", "amount": 10.5},
    ],
)
def test_invalid_input_is_refused(kwargs):
    with pytest.raises(vietqr.VietQRError):
        vietqr.payload(**kwargs)
