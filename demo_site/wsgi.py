"""WSGI entry point for serving the demo site, for example with gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings.production")

application = get_wsgi_application()
