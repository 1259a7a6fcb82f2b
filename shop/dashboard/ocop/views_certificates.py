"""A certificate's scan, streamed to those who may see it (catalogue/ocop/scans.may_view): reviewers and
the producer's own team. It has no public URL."""
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import View
from oscar.core.loading import get_model

from catalogue.ocop import scans

OcopCertificate = get_model("catalogue", "OcopCertificate")


class CertificateScanView(View):
    def get(self, request, pk):
        certificate = get_object_or_404(OcopCertificate.objects.select_related("product"), pk=pk)
        # 404, not 403, for anyone else: guessing ids must not tell which certificates exist.
        if not scans.may_view(request.user, certificate) or not certificate.scan:
            raise Http404(_("Không tìm thấy bản chụp giấy chứng nhận."))
        try:
            stored = certificate.scan.open("rb")
        except FileNotFoundError:
            raise Http404(_("Không tìm thấy bản chụp giấy chứng nhận."))
        extension = scans.sniff_extension(stored)
        response = FileResponse(stored, content_type=scans.CONTENT_TYPES.get(extension,
                                                                          scans.UNKNOWN_CONTENT_TYPE))
        response["Content-Disposition"] = 'inline; filename="%s"' % scans.download_name(
            certificate, extension or ".bin")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
