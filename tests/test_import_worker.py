"""The demo's background imports: a batch waits in the database queue until the worker runs it.

Run in processes of their own on a file database, with the demo's settings, because the import task is
bound to its backend when the package loads (``IMPORT_TASK_BACKEND``), and the test suite's is immediate.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "articles"

QUEUE_A_BATCH = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from demo_site.home.models import HomePage
from wagtail_kratom.import_service import queue_batch, read_source
from wagtail_kratom.import_sources import ImportBatch, ImportBatchFile

paths = sys.argv[1:]
with transaction.atomic():
    editor = get_user_model().objects.get(username="editor")
    batch = ImportBatch.objects.create(parent=HomePage.objects.get(), user=editor)
    for position, path in enumerate(paths):
        with open(path, "rb") as file:
            source = read_source(path.rsplit("/", 1)[-1], file.read())
        ImportBatchFile.objects.create(
            batch=batch, position=position, file_name=source.file_name, checksum=source.checksum,
            source_format=source.source_format, source_text=source.text,
        )
    queue_batch(batch)
print(json.dumps({"batch": batch.pk, "queued": DBTaskResult.objects.filter(status="READY").count(),
                  "statuses": sorted(batch.files.values_list("status", flat=True))}))
"""

BATCH_OUTCOME = """
import json, sys
import django
django.setup()
from wagtail_kratom.import_sources import ImportBatch, ImportedSource
batch = ImportBatch.objects.get(pk=int(sys.argv[1]))
print(json.dumps({
    "statuses": sorted(batch.files.values_list("status", flat=True)),
    "sources": sorted(set(ImportedSource.objects.values_list("file_name", flat=True))),
    "importer": sorted(set(ImportedSource.objects.values_list("imported_by__username", flat=True))),
}))
"""


@pytest.fixture
def demo_database(tmp_path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "demo_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DEMO_ADMIN_PASSWORD": "worker-test-password",
        "PYTHONPATH": str(REPO),
    }
    env.pop("REDIS_URL", None)
    for command in (["migrate", "--no-input"], ["load_initial_data"]):
        subprocess.run(
            [sys.executable, "demo_site/manage.py", *command], cwd=REPO, env=env, check=True, capture_output=True
        )
    return env


def run_python(code: str, env: dict, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=REPO, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_batch_waits_in_the_queue_until_the_worker_imports_it(demo_database):
    paths = [str(FIXTURES / "article-a.txt"), str(FIXTURES / "article-b.txt")]
    queued = run_python(QUEUE_A_BATCH, demo_database, *paths)
    assert queued["queued"] == 1
    assert queued["statuses"] == ["waiting", "waiting"]

    worker = [sys.executable, "demo_site/manage.py", "db_worker", "--backend", "imports", "--queue-name", "*"]
    subprocess.run([*worker, "--batch", "--no-reload", "--no-startup-delay"], cwd=REPO, env=demo_database, check=True)

    outcome = run_python(BATCH_OUTCOME, demo_database, str(queued["batch"]))
    assert outcome == {
        "statuses": ["done", "done"],
        "sources": ["article-a.txt", "article-b.txt"],
        "importer": ["editor"],
    }
