"""VNPay's redirect protocol, version 2.1.0: the signed payment URL and the check of what VNPay sends back.

- Amounts travel as đồng × 100 (``vnp_Amount``).
- The signature (``vnp_SecureHash``) is HMAC-SHA512, keyed with the merchant's hash secret, over the
  ``vnp_`` parameters sorted by name and joined as a URL query string (values URL-encoded with ``+``
  for spaces), leaving out ``vnp_SecureHash`` and ``vnp_SecureHashType`` themselves.
- Only the IPN (server-to-server) may mark an order paid; the return URL shows the result to the buyer.
"""

import datetime
import hashlib
import hmac
import zoneinfo
from urllib.parse import urlencode

VERSION = "2.1.0"
SUCCESS = "00"
# VNPay's dates (vnp_CreateDate, vnp_ExpireDate, vnp_PayDate) are yyyyMMddHHmmss in Vietnam's time (GMT+7).
VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TIME_FORMAT = "%Y%m%d%H%M%S"


def amount_field(amount_vnd):
    return str(int(amount_vnd) * 100)


def amount_from_field(value):
    """vnp_Amount back to đồng (an amount that is not a whole number of đồng is refused)."""
    hundredths = int(value)
    if hundredths % 100:
        raise ValueError("vnp_Amount is not a whole number of đồng")
    return hundredths // 100


def _hash_data(params):
    fields = sorted(
        (key, str(value))
        for key, value in params.items()
        if key.startswith("vnp_") and key not in ("vnp_SecureHash", "vnp_SecureHashType") and value not in (None, "")
    )
    return urlencode(fields)


def sign(params, hash_secret):
    return hmac.new(hash_secret.encode(), _hash_data(params).encode(), hashlib.sha512).hexdigest()


def payment_url(
    gateway_url,
    tmn_code,
    hash_secret,
    *,
    txn_ref,
    amount_vnd,
    order_info,
    return_url,
    ip_address,
    created_at,
    expires_at,
    locale="vn",
    bank_code="",
):
    """The URL to send the buyer to. ``created_at``/``expires_at`` are aware datetimes (sent in GMT+7)."""
    params = {
        "vnp_Version": VERSION,
        "vnp_Command": "pay",
        "vnp_TmnCode": tmn_code,
        "vnp_Amount": amount_field(amount_vnd),
        "vnp_CurrCode": "VND",
        "vnp_TxnRef": txn_ref,
        "vnp_OrderInfo": order_info,
        "vnp_OrderType": "other",
        "vnp_Locale": locale,
        "vnp_ReturnUrl": return_url,
        "vnp_IpAddr": ip_address,
        "vnp_CreateDate": format_time(created_at),
        "vnp_ExpireDate": format_time(expires_at),
    }
    if bank_code:
        params["vnp_BankCode"] = bank_code
    params["vnp_SecureHash"] = sign(params, hash_secret)
    return f"{gateway_url}?{urlencode(sorted(params.items()))}"


def format_time(moment):
    return moment.astimezone(VIETNAM).strftime(TIME_FORMAT)


def parse_time(value):
    """A VNPay date back to an aware datetime; None when missing or malformed."""
    try:
        return datetime.datetime.strptime(str(value), TIME_FORMAT).replace(tzinfo=VIETNAM)
    except ValueError:
        return None


def succeeded(params):
    """Whether VNPay reports the transaction as paid: both the response and the transaction status are 00."""
    return params.get("vnp_ResponseCode") == SUCCESS and params.get("vnp_TransactionStatus") == SUCCESS


def signature_is_valid(params, hash_secret):
    """Whether ``params`` (the query VNPay sent, as a dict) carry a valid signature; constant-time.
    Nothing is valid without a secret: VNPay switched off (empty key) must not accept notices signed
    with the empty key, which anyone can compute."""
    if not hash_secret:
        return False
    received = str(params.get("vnp_SecureHash", ""))
    # As bytes: compare_digest refuses str with non-ASCII characters, which anyone can send.
    return bool(received) and hmac.compare_digest(received.lower().encode(), sign(params, hash_secret).encode())
