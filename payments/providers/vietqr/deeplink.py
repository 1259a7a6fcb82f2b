"""Links that open a banking app with the transfer filled in, and the QR as a PNG to save: the phone that
shows the thank-you page cannot scan its own screen.

The deeplink is VietQR.io's published scheme (https://www.vietqr.io/deeplink, 2026)::

    https://dl.vietqr.io/pay?app={appId}&am={amount}&tn={purpose}&ba={account}@{bank code}&bn={name}

``app`` is the banking *app's* id; ``ba`` names the receiving bank by its lower-case VietQR code (not the
BIN) and keeps its ``@`` unencoded; ``am`` is digits only; the other values are query-encoded. The apps
listed are the ones VietQR.io documents as filling in the transfer (autofill); others open without it.
"""

import io
from urllib.parse import quote

import qrcode
from django.conf import settings

DEEPLINK_BASE = "https://dl.vietqr.io/pay"

# The VietQR bank code of the receiving account's bank, by NAPAS BIN (settings.VIETQR_BANK_BIN).
BANK_CODES = {
    "970436": "vcb",  # Vietcombank
    "970415": "icb",  # VietinBank
    "970418": "bidv",  # BIDV
    "970405": "vba",  # Agribank
    "970422": "mb",  # MB
    "970407": "tcb",  # Techcombank
    "970416": "acb",  # ACB
    "970432": "vpb",  # VPBank
    "970423": "tpb",  # TPBank
    "970448": "ocb",  # OCB
}

# (app id, name shown) of apps VietQR.io documents with autofill.
BANK_APPS = [
    ("mb", "MB Bank"),
    ("icb", "VietinBank iPay"),
    ("bidv", "BIDV SmartBanking"),
    ("acb", "ACB ONE"),
    ("ocb", "OCB OMNI"),
]


def bank_code():
    return getattr(settings, "VIETQR_BANK_CODE", "") or BANK_CODES.get(settings.VIETQR_BANK_BIN, "")


def deeplink(app, amount, purpose):
    """The link opening ``app`` with our account, ``amount`` (đồng) and ``purpose`` filled in; "" when the
    receiving bank's code is unknown."""
    code = bank_code()
    if not code:
        return ""
    account = quote(settings.VIETQR_ACCOUNT_NUMBER, safe="")
    return (
        f"{DEEPLINK_BASE}?app={quote(app, safe='')}&am={int(amount)}&tn={quote(purpose, safe='')}"
        f"&ba={account}@{code}&bn={quote(settings.VIETQR_ACCOUNT_NAME, safe='')}"
    )


def app_links(amount, purpose):
    """[(app name, link)] for the thank-you page; empty when no link can be made."""
    links = [(name, deeplink(app, amount, purpose)) for app, name in BANK_APPS]
    return [(name, link) for name, link in links if link]


def qr_png(data):
    """``data`` as a PNG QR code (for "Lưu ảnh QR": a gallery keeps PNGs, not SVGs)."""
    image = qrcode.make(data, box_size=10, border=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
