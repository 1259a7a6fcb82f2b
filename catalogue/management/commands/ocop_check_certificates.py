"""`manage.py ocop_check_certificates`: lists every stored certificate that breaks an OCOP rule.

Read-only: it changes nothing (catalogue/ocop/checks.py). The same list is on the dashboard at
/dashboard/ocop/certificates/checks/.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from catalogue.ocop.checks import certificates_breaking_rules
from catalogue.programme.rules import dmy


class Command(BaseCommand):
    help = (
        "Liệt kê các giấy chứng nhận OCOP đã lưu vi phạm quy định (cấp công nhận theo hạng sao và thời kỳ, "
        "bộ tiêu chí, hạn hiệu lực…). Không thay đổi dữ liệu."
    )

    def handle(self, *args, **options):
        breaches = certificates_breaking_rules()
        write = self.stdout.write
        for breach in breaches:
            certificate, producer = breach.certificate, breach.producer
            write(
                _(
                    "%(upc)s %(title)s — %(producer)s — giấy chứng nhận %(number)s ngày %(day)s "
                    "(%(stars)s sao, %(issuer)s):"
                )
                % {
                    "upc": breach.product.upc,
                    "title": breach.product.title,
                    "producer": producer.name if producer else "—",
                    "number": certificate.decision_number,
                    "day": dmy(certificate.decision_date),
                    "stars": certificate.star_rating,
                    "issuer": certificate.issuer,
                }
            )
            for message in breach.messages:
                write(f"  - {message}")
        write(
            _("Tổng cộng: %(count)s giấy chứng nhận vi phạm quy định; không có dữ liệu nào bị thay đổi.")
            % {"count": len(breaches)}
        )
