"""Admin import speed: a batch of generated articles through the "Import articles" views, on throwaway SQLite.

    .venv/bin/python bench/admin_import_speed.py [--count 50]

Uploads the articles as files, opens the preview, creates the drafts and reads the progress
and the result page, as an editor's browser would, with Django's test client. Reported, not
asserted. With the default task backend (ImmediateBackend) the batch runs inside the
"Create drafts" request; with a worker it runs there instead and the progress endpoint moves.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "demo_site")]

from bench.import_speed import generated_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50, help="How many articles to upload (default 50).")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="kratom-admin-import-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/db.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo_site.settings.dev"

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from wagtail.models import Page

    from wagtail_kratom.import_sources import ImportBatch

    setup_test_environment()
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_superuser("bench", "bench@example.com", "bench-pass-123")
    parent = Page.objects.get(depth=2)
    client = Client()
    client.force_login(user)
    files = [
        SimpleUploadedFile(f"article-{number:03}.txt", generated_article(number).encode())
        for number in range(options.count)
    ]

    timings = {}
    started = time.perf_counter()
    response = client.post(reverse("wagtail_kratom:import_articles"), {"files": files, "parent": parent.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    timings["upload and check"] = time.perf_counter() - started
    batch = ImportBatch.objects.get()

    started = time.perf_counter()
    assert client.get(response.url).status_code == 200
    timings["preview"] = time.perf_counter() - started

    started = time.perf_counter()
    response = client.post(reverse("wagtail_kratom:import_preview", args=[batch.pk]), {"action": "create"})
    timings["create drafts"] = time.perf_counter() - started

    started = time.perf_counter()
    progress = client.get(reverse("wagtail_kratom:import_progress", args=[batch.pk])).json()
    assert client.get(response.url).status_code == 200
    timings["result page"] = time.perf_counter() - started

    statuses = list(batch.files.values_list("status", flat=True))
    pages = Page.objects.filter(depth__gt=2).count()
    print(f"{options.count} articles uploaded, {pages} draft pages written to SQLite ({workdir})")
    print(f"progress: {progress['done']}/{progress['total']} done; {statuses.count('failed')} failed")
    for name, seconds in timings.items():
        print(f"{name:17} {seconds:7.2f} s")
    print(f"{'total':17} {sum(timings.values()):7.2f} s")


if __name__ == "__main__":
    main()
