"""VNPay 2.1.0 signing: the URL VNPay receives and the check of what it sends back."""

import datetime
import hashlib
import hmac
from urllib.parse import parse_qsl, urlsplit

import pytest

from payments.providers.vnpay import signing as vnpay

SECRET = "VNPAYSECRETKEYFORTESTS0123456789"
NOW = datetime.datetime(2026, 11, 23, 8, 30, tzinfo=datetime.timezone.utc)


def _url():
    return vnpay.payment_url(
        "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
        "OCOPTEST",
        SECRET,
        txn_ref="100023-1",
        amount_vnd=1234567,
        order_info="Thanh toan don hang 100023",
        return_url="https://cho-ocop.example.vn/thanh-toan/vnpay/ket-qua/",
        ip_address="203.0.113.7",
        created_at=NOW,
        expires_at=NOW + datetime.timedelta(minutes=15),
    )


def test_payment_url_carries_amount_times_100_and_vietnam_time():
    params = dict(parse_qsl(urlsplit(_url()).query))
    assert params["vnp_Amount"] == "123456700"
    assert params["vnp_CreateDate"] == "20261123153000" and params["vnp_ExpireDate"] == "20261123154500"
    assert params["vnp_Version"] == "2.1.0" and params["vnp_CurrCode"] == "VND"


def test_signature_is_hmac_sha512_over_the_sorted_encoded_fields():
    query = urlsplit(_url()).query
    params = dict(parse_qsl(query))
    # The encoded pairs exactly as they travel, without the signature, in name order.
    pairs = sorted(pair.split("=", 1) for pair in query.split("&") if not pair.startswith("vnp_SecureHash="))
    signed = "&".join(f"{key}={value}" for key, value in pairs)
    expected = hmac.new(SECRET.encode(), signed.encode(), hashlib.sha512).hexdigest()
    assert params["vnp_SecureHash"] == expected
    assert "vnp_OrderInfo=Thanh+toan+don+hang+100023" in signed  # spaces as "+", as VNPay signs them


def test_what_vnpay_sends_back_is_checked():
    params = {
        "vnp_Amount": "123456700",
        "vnp_ResponseCode": "00",
        "vnp_TxnRef": "100023-1",
        "vnp_TransactionNo": "14212345",
        "vnp_TmnCode": "OCOPTEST",
        "vnp_SecureHashType": "HmacSHA512",
    }
    params["vnp_SecureHash"] = vnpay.sign(params, SECRET)
    assert vnpay.signature_is_valid(params, SECRET)
    assert vnpay.signature_is_valid({**params, "vnp_SecureHash": params["vnp_SecureHash"].upper()}, SECRET)
    assert not vnpay.signature_is_valid({**params, "vnp_Amount": "999900"}, SECRET)
    assert not vnpay.signature_is_valid(params, "another-secret")
    assert not vnpay.signature_is_valid({k: v for k, v in params.items() if k != "vnp_SecureHash"}, SECRET)


def test_amounts_come_back_in_dong():
    assert vnpay.amount_from_field("123456700") == 1234567
    with pytest.raises(ValueError):
        vnpay.amount_from_field("123456750")
