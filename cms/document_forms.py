"""Wagtail's document form with the file checked by content (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

from wagtail.documents.forms import BaseDocumentForm

from shop.core.uploads import validate_editor_document


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_editor_document(upload)
        return upload
