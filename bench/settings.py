"""Settings for the benchmark: the demo site's, with the baseline app, production-like serving and a
throwaway database.

The harness sets ``BENCH_DATABASE_URL`` (a fresh SQLite file unless it is given a PostgreSQL
database) and, for the cached serving cases, ``PAGE_CACHE_SECONDS``; ``REDIS_URL`` selects Redis
as Django's cache through django-redis, which keeps its client across requests, as on the demo site.
"""

import os

import dj_database_url

from demo_site.settings.base import *  # noqa: F403
from demo_site.settings.base import CACHES, INSTALLED_APPS, MIDDLEWARE, SQLITE_OPTIONS

DEBUG = False
SECRET_KEY = "wagtail-kratom-benchmark-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# The harness serves on this address (BENCH_PORT), so absolute URLs and cache purges name the right host.
WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{os.environ.get('BENCH_PORT', '8765')}"

INSTALLED_APPS = ["bench.baseline", *INSTALLED_APPS]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL", "sqlite:///bench-results/bench.sqlite3"), conn_max_age=600
    )
}
# SQLite as the demo runs it: write-ahead log, and a commit is not written through to the disk.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS

# Each run has its own key prefix, so a shared Redis keeps other runs' (and other sites') entries apart.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "kratom-bench")

# Static files as a production site might serve them without a web server in front: WhiteNoise.
# WhiteNoise goes straight after SecurityMiddleware, as its documentation asks.
SECURITY_MIDDLEWARE = "django.middleware.security.SecurityMiddleware"
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index(SECURITY_MIDDLEWARE) + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index(SECURITY_MIDDLEWARE) + 1 :],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "bench-results/static")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
