"""Settings shared by the demo site's development and production configurations.

SQLite and the local-memory cache by default; ``DATABASE_URL`` selects another
database (for example PostgreSQL) and ``REDIS_URL`` a Redis cache. A positive
``PAGE_CACHE_SECONDS`` keeps pages in that cache for so many seconds, purged
when they change (see docs/deployment.md).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

DEMO_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "demo_site.home",
    "wagtail_kratom",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtail_kratom.middleware.APIInputValidationMiddleware",
]

ROOT_URLCONF = "demo_site.urls"
WSGI_APPLICATION = "demo_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [DEMO_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DEMO_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# An autosave and a publish of one page at once otherwise end in "database is locked": a deferred transaction
# that reads first cannot take the write lock another holds, and SQLite fails it without waiting. IMMEDIATE
# takes the lock at BEGIN, so the timeout (seconds) applies; WAL lets readers carry on meanwhile.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend indexes with PostgreSQL's full-text fields, which Django 6.1 checks for.
    INSTALLED_APPS.append("django.contrib.postgres")

if REDIS_URL := os.environ.get("REDIS_URL"):
    # An outage of Redis degrades to a site without a cache, never to error pages: django-redis turns errors into
    # misses (logged), and gives up on a Redis that does not answer within a second. Wagtail reads the cache on
    # every page (its site root paths), so catching errors in the page cache middleware alone would not do.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Room for two cached parts of every page (wagtail_kratom.fragment_cache) besides the page cache:
    # at Django's default of 300 entries, a site of a few hundred pages would keep evicting them.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20_000}}
    }

# Purges reach Django's cache whether or not this process caches pages: the importer or the
# scheduler may run without PAGE_CACHE_SECONDS while the web server caches.
WAGTAILFRONTENDCACHE = {"django": {"BACKEND": "wagtail_kratom.frontend_cache.DjangoCacheBackend"}}

try:
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS") or 0)
except ValueError as error:
    raise ImproperlyConfigured("PAGE_CACHE_SECONDS must be a whole number of seconds.") from error
if PAGE_CACHE_SECONDS > 0:
    # Django's cache middleware with the package's fixes for Wagtail (see wagtail_kratom.middleware): storing
    # first, so it sees the final response; fetching straight after SecurityMiddleware, so a cached page skips
    # the sessions, authentication and messages a reader without cookies never needs (this site has no
    # LocaleMiddleware, which would have to come before it).
    CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
    MIDDLEWARE = [
        "wagtail_kratom.middleware.UpdatePageCacheMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "wagtail_kratom.middleware.FetchFromPageCacheMiddleware",
        *(middleware for middleware in MIDDLEWARE if middleware != "django.middleware.security.SecurityMiddleware"),
    ]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DEMO_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DEMO_DIR / "media"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Kratom facts (wagtail-kratom demo)"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# API consumers get rich text as HTML with real URLs, not Wagtail's database format.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Let API clients read a topic's pages in one listing; Wagtail's default is 20.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Admin import batches wait in a database queue (django-tasks-db) for the worker that `make demo` starts
# beside the server (`manage.py db_worker --backend imports`), so an editor can close the browser. Wagtail's
# own tasks, the search and reference index updates, still run at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

WAGTAIL_KRATOM = {
    # The page editor's preview offers a "Front end" mode, shown by the demo's stand-in front end.
    "HEADLESS_PREVIEW_URL": "/headless-preview/",
    "IMPORT_TASK_BACKEND": "imports",
}
