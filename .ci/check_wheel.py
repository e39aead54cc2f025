"""Check that the built wheel ships templates, static files and migrations, and no tests or demo site."""

import sys
import zipfile
from pathlib import Path

REQUIRED = [
    "wagtail_kratom/templates/wagtail_kratom/article_page.html",
    "wagtail_kratom/templates/wagtail_kratom/blocks/dosage.html",
    "wagtail_kratom/static/wagtail_kratom/css/kratom.css",
    "wagtail_kratom/migrations/0001_initial.py",
    "wagtail_kratom/templatetags/wagtail_kratom_tags.py",
    "wagtail_kratom/api/schemas/wagtail_kratom.SafeUseGuidePage.v2.json",
    "wagtail_kratom/templates/wagtail_kratom/headless_preview.html",
]
FORBIDDEN_PREFIXES = ("tests/", "demo_site/", "docs/", ".ci/")

(wheel,) = Path("dist").glob("wagtail_kratom-*.whl")
names = zipfile.ZipFile(wheel).namelist()
missing = [name for name in REQUIRED if name not in names]
forbidden = [name for name in names if name.startswith(FORBIDDEN_PREFIXES)]
if missing or forbidden:
    sys.exit(f"{wheel.name}: missing {missing}, should not contain {forbidden}")
print(f"{wheel.name}: {len(names)} files; templates, static files and migrations present; no tests or demo site.")
