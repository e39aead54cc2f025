"""Admin import speed: a batch of generated articles through the "Import articles" views, on throwaway SQLite.

    .venv/bin/python bench/admin_import_speed.py [--count 50]

Uploads the articles as files, opens the preview and creates the drafts, as an editor's browser
would, with Django's test client and the demo's settings: the batch waits in the database queue
(django-tasks-db) and a worker started here, as `make demo` starts it, imports it while the
progress endpoint is read every half second, as the result page's progress bar reads it.
Reported, not asserted.
"""

import argparse
import os
import subprocess
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

    assert client.get(response.url).status_code == 200
    progress_url = reverse("wagtail_kratom:import_progress", args=[batch.pk])
    worker_options = ["--queue-name", "*", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    worker = subprocess.Popen(
        [sys.executable, str(REPO / "demo_site" / "manage.py"), "db_worker", "--backend", "imports", *worker_options]
    )
    started = time.perf_counter()
    seen = []
    try:
        while not (progress := client.get(progress_url).json())["finished"]:
            seen.append((time.perf_counter() - started, progress["done"]))
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait()
    timings["worker imports"] = time.perf_counter() - started

    statuses = list(batch.files.values_list("status", flat=True))
    pages = Page.objects.filter(depth__gt=2).count()
    print(f"{options.count} articles uploaded, {pages} draft pages written to SQLite ({workdir})")
    print(f"progress: {progress['done']}/{progress['total']} done; {statuses.count('failed')} failed")
    trace = [f"{seconds:.0f}s {done}" for seconds, done in seen[:: max(1, len(seen) // 12)]]
    print(f"progress bar, seconds after the worker started and files done: {', '.join(trace)}")
    for name, seconds in timings.items():
        print(f"{name:17} {seconds:7.2f} s")
    print(f"{'total':17} {sum(timings.values()):7.2f} s")


if __name__ == "__main__":
    main()
