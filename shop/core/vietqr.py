"""VietQR: the NAPAS 247 bank-transfer QR that every Vietnamese banking app scans — the buyers' transfers
(payments.providers.vietqr) and the producers' payouts (payments.payouts) build it here.

An EMVCo merchant-presented payload of ID-length-value fields:

    00 payload format "01" · 01 initiation "11" static / "12" with an amount
    38 merchant account: 00 NAPAS GUID "A000000727", 01 beneficiary (00 bank BIN, 01 account number),
       02 service "QRIBFTTA" (to an account) or "QRIBFTTC" (to a card)
    53 currency "704" (VND) · 54 amount in đồng (no decimals) · 58 country "VN"
    62 additional data: 08 purpose of transaction (our order reference)
    63 CRC: CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over everything before it *including* "6304",
       as four upper-case hex digits.

The purpose text is folded to ASCII (banks show and match it as typed) and cut to 25 characters.
"""

from shop.core.text import fold_vietnamese

NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"
PURPOSE_MAX = 25


class VietQRError(ValueError):
    pass


def crc16_ccitt_false(data):
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def _field(tag, value):
    value = str(value)
    if len(value) > 99:
        raise VietQRError(f"field {tag} longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def purpose_text(text):
    """What fits in the purpose field: ASCII letters, digits and spaces, at most 25 characters."""
    folded = fold_vietnamese(text or "")
    cleaned = "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == " "))
    return " ".join(cleaned.split())[:PURPOSE_MAX].strip()


def payload(bank_bin, account_number, amount=None, purpose="", service=TO_ACCOUNT):
    """The VietQR string for a transfer of ``amount`` đồng (None: the payer types it) to the account."""
    if not (str(bank_bin).isdigit() and len(str(bank_bin)) == 6):
        raise VietQRError("the bank BIN has 6 digits")
    account_number = str(account_number).strip()
    if not account_number or len(account_number) > 19 or not account_number.isalnum():
        raise VietQRError("the account number has 1 to 19 letters or digits")
    if amount is not None and (int(amount) != amount or amount <= 0):
        raise VietQRError("the amount is a positive whole number of đồng")
    beneficiary = _field("00", bank_bin) + _field("01", account_number)
    merchant = _field("00", NAPAS_GUID) + _field("01", beneficiary) + _field("02", service)
    parts = [
        _field("00", "01"),
        _field("01", "12" if amount is not None else "11"),
        _field("38", merchant),
        _field("53", "704"),
    ]
    if amount is not None:
        parts.append(_field("54", int(amount)))
    parts.append(_field("58", "VN"))
    purpose = purpose_text(purpose)
    if purpose:
        parts.append(_field("62", _field("08", purpose)))
    body = "".join(parts) + "6304"
    return body + crc16_ccitt_false(body)


def parse(text):
    """The top-level fields of a payload as {tag: value}, after checking its CRC (VietQRError if wrong)."""
    if len(text) < 8 or text[-8:-4] != "6304" or crc16_ccitt_false(text[:-4]) != text[-4:].upper():
        raise VietQRError("bad or missing CRC")
    return _fields(text[:-8])


def _fields(text):
    fields, i = {}, 0
    while i < len(text):
        tag, length = text[i : i + 2], int(text[i + 2 : i + 4])
        fields[tag] = text[i + 4 : i + 4 + length]
        i += 4 + length
    return fields


def nested(value):
    """Sub-fields of a template field (38, 62)."""
    return _fields(value)
