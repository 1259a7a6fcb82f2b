"""Asking for an export or an import the way a user does (a POST), letting the worker run it (the tests' immediate
backend runs the task when the request's transaction commits), and reading the result (shop/jobs/files.py)."""

from django.urls import reverse

from shop.jobs.models import FileJob


def submit(client, url, data, capture):
    """POST ``data`` to ``url`` with its task run on commit; returns (the response, the job it created)."""
    before = set(FileJob.objects.values_list("pk", flat=True))
    with capture(execute=True):
        response = client.post(url, data)
    created = FileJob.objects.exclude(pk__in=before).order_by("pk")
    return response, created.last()


def download(client, job):
    response = client.get(reverse("dashboard:ocop-file-download", kwargs={"pk": job.pk}))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body
