"""Settings for the test suite: SQLite in memory, or ``DATABASE_URL`` (for example PostgreSQL)."""

import os

import dj_database_url

from demo_site.settings.base import *  # noqa: F403
from demo_site.settings.base import INSTALLED_APPS, WAGTAIL_KRATOM

SECRET_KEY = "tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = ["tests.testapp", *INSTALLED_APPS]

DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
if os.environ.get("DATABASE_URL"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_wagtail_kratom")}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Import batches run within the request, as on a site without a worker; the demo's database queue and its
# worker are tested in a process of their own (tests/test_admin_import.py).
WAGTAIL_KRATOM = {**WAGTAIL_KRATOM, "IMPORT_TASK_BACKEND": "default"}
