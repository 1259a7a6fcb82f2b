"""`manage.py ocop_certificate_expiry [--date YYYY-MM-DD]`: the daily certificate expiry pass.

Production runs it once a day (see catalogue/ocop/tasks.py). Re-running it, also
for a past day with ``--date``, sends nothing twice.
"""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from catalogue import listing
from catalogue.ocop.expiry import run_certificate_expiry


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("Ngày “%(value)s” không hợp lệ: hãy viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-23.") % {"value": value}
        )


def _dmy(day):
    return day.strftime("%d/%m/%Y")


class Command(BaseCommand):
    help = (
        "Nhắc chủ thể về giấy chứng nhận OCOP sắp hết hạn (trước 30 ngày) và ghi nhận giấy đã hết hạn. "
        "Chạy hằng ngày; chạy lại không gửi thông báo hai lần."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=_day,
            default=None,
            metavar="YYYY-MM-DD",
            help="Chạy cho ngày này thay cho hôm nay (để chạy bù một ngày bị lỡ).",
        )

    def handle(self, *args, date=None, **options):
        report = run_certificate_expiry(today=date)
        write = self.stdout.write
        write(_("Kiểm tra hạn giấy chứng nhận OCOP ngày %(day)s") % {"day": _dmy(report.today)})

        write(_("Đã nhắc sắp hết hạn: %(count)s") % {"count": len(report.warned)})
        for certificate in report.warned:
            write(
                "  - "
                + _("%(product)s — giấy chứng nhận %(number)s hết hạn ngày %(day)s (còn %(days)s ngày)")
                % {**self._names(certificate), "days": (certificate.expires_on - report.today).days}
            )

        write(_("Đã hết hạn: %(count)s") % {"count": len(report.expired)})
        for certificate in report.expired:
            line = _("%(product)s — giấy chứng nhận %(number)s hết hạn ngày %(day)s; sản phẩm không còn dấu OCOP")
            if listing.is_for_sale(certificate.product, report.today):
                line += _(" (vẫn bán theo quyết định của ban quản lý hoặc giấy chứng nhận khác)")
            else:
                line += _(" và đã ngừng bán")
            write("  - " + line % self._names(certificate))

        write(_("Đã ghi nhận nhưng không gửi thông báo: %(count)s") % {"count": len(report.not_notified)})
        for item in report.not_notified:
            write(
                "  - "
                + _("%(product)s — giấy chứng nhận %(number)s (%(status)s): %(reason)s")
                % {
                    **self._names(item.certificate),
                    "status": item.certificate.get_status_display(),
                    "reason": item.reason,
                }
            )

        if report.failed:
            self.stderr.write(_("Lỗi: %(count)s") % {"count": len(report.failed)})
            for failure in report.failed:
                self.stderr.write(
                    "  - "
                    + _("giấy chứng nhận #%(id)s: %(error)s")
                    % {"id": failure.certificate_id, "error": repr(failure.error)}
                )

        counts = report.counts
        write(
            _("Tổng cộng: nhắc %(warned)s, hết hạn %(expired)s, không gửi thông báo %(not_notified)s, lỗi %(failed)s.")
            % counts
        )
        if report.failed:
            raise CommandError(
                _("Có %(count)s giấy chứng nhận chưa xử lý được; xem nhật ký lỗi rồi chạy lại.")
                % {"count": counts["failed"]}
            )

    @staticmethod
    def _names(certificate):
        product = certificate.product
        return {
            "product": f"{product.upc} {product.title}",
            "number": certificate.decision_number,
            "day": _dmy(certificate.expires_on),
        }
