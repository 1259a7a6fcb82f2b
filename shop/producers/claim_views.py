"""The claim pages under /ban-hang/nhan-quan-ly/: a signed-in owner finds their producer in the province's OCOP
registry, asks for a code sent to the phone or email on record, and types it. Thin views over
``shop.producers.claiming``; a producer that is not an unclaimed stub answers 404 (its id reveals nothing)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from oscar.core.loading import get_model

from shop.producers import claiming
from shop.producers.claim_forms import ClaimCodeForm, ClaimCodeRequestForm, ClaimSearchForm

Partner = get_model("partner", "Partner")


class ClaimFindView(LoginRequiredMixin, View):
    template_name = "partner/claim/find.html"

    def get(self, request):
        form = ClaimSearchForm(request.GET or None)
        results = None
        if form.is_bound and form.is_valid():
            results = claiming.find_claimable(form.cleaned_data["province"], form.cleaned_data["q"])
        return render(request, self.template_name, {"form": form, "results": results})


class ClaimStubMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.producer = get_object_or_404(Partner, pk=kwargs["pk"])
        if not claiming.is_claimable(self.producer):
            done = self.producer.claims.filter(user=request.user, proven_at__isnull=False).first()
            if done is not None:
                return render(request, "partner/claim/done.html", {"producer": self.producer, "claim": done})
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def page(self, template, status=200, **context):
        context = {"producer": self.producer, "options": claiming.contact_options(self.producer), **context}
        return render(self.request, template, context, status=status)


class ClaimView(ClaimStubMixin, View):
    """Step 2: the registration number and where to send the code."""

    template_name = "partner/claim/start.html"

    def get(self, request, pk):
        return self.page(self.template_name, form=ClaimCodeRequestForm(producer=self.producer))

    def post(self, request, pk):
        form = ClaimCodeRequestForm(request.POST, producer=self.producer)
        if form.is_valid():
            try:
                claiming.request_code(
                    self.producer,
                    request.user,
                    registration_number=form.cleaned_data.get("registration_number", ""),
                    channel=form.cleaned_data["channel"],
                )
            except claiming.ClaimRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect("selling:claim-verify", pk=self.producer.pk)
        return self.page(self.template_name, status=400, form=form)


class ClaimVerifyView(ClaimStubMixin, View):
    """Step 3: the code."""

    template_name = "partner/claim/verify.html"

    def get(self, request, pk):
        claim = claiming.open_claim(self.producer, request.user)
        if claim is None or not claim.code_hash:
            return redirect("selling:claim", pk=self.producer.pk)
        return self.page(self.template_name, form=ClaimCodeForm(), claim=claim)

    def post(self, request, pk):
        form = ClaimCodeForm(request.POST)
        claim = claiming.open_claim(self.producer, request.user)
        if form.is_valid():
            try:
                claim = claiming.confirm_code(self.producer, request.user, form.cleaned_data["code"])
            except claiming.ClaimRefused as refusal:
                form.add_error("code", str(refusal))
            else:
                self.producer.refresh_from_db()
                return self.page("partner/claim/done.html", claim=claim)
        return self.page(self.template_name, status=400, form=form, claim=claim)
