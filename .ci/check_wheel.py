"""Check the built wheel and sdist as the package index would see them.

The wheel ships templates, static files and migrations, and no tests or demo site; the sdist holds the package,
README and licence; the long description links and images only by absolute URL (relative ones break on the
index); every classifier is one the index accepts.
"""

import re
import sys
import tarfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

from trove_classifiers import classifiers as KNOWN_CLASSIFIERS

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
SDIST_REQUIRED = ["README.md", "LICENSE", "pyproject.toml", "wagtail_kratom/__init__.py", "wagtail_kratom/apps.py"]
# Markdown links and images, inline ([text](target)) or as reference definitions ([label]: target).
LINK_TARGETS = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*(\S+)", re.MULTILINE)

problems = []
(wheel,) = Path("dist").glob("wagtail_kratom-*.whl")
(sdist,) = Path("dist").glob("wagtail_kratom-*.tar.gz")

with zipfile.ZipFile(wheel) as archive:
    names = archive.namelist()
    (metadata_name,) = [name for name in names if name.endswith(".dist-info/METADATA")]
    metadata = HeaderParser().parsestr(archive.read(metadata_name).decode())
if missing := [name for name in REQUIRED if name not in names]:
    problems.append(f"{wheel.name} lacks {missing}")
if forbidden := [name for name in names if name.startswith(FORBIDDEN_PREFIXES)]:
    problems.append(f"{wheel.name} should not contain {forbidden}")

with tarfile.open(sdist) as archive:
    sdist_names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
if missing := [name for name in SDIST_REQUIRED if name not in sdist_names]:
    problems.append(f"{sdist.name} lacks {missing}")

description = metadata.get_payload()
targets = [inline or reference for inline, reference in LINK_TARGETS.findall(description)]
if relative := [target for target in targets if not target.startswith(("https://", "http://", "mailto:", "#"))]:
    problems.append(f"the long description has relative links or images, broken on the index: {relative}")
if unknown := [value for value in metadata.get_all("Classifier", []) if value not in KNOWN_CLASSIFIERS]:
    problems.append(f"unknown classifiers: {unknown}")
if not metadata.get_all("Project-URL"):
    problems.append("no Project-URL: add [project.urls] to pyproject.toml")

if problems:
    sys.exit("\n".join(problems))
print(
    f"{wheel.name}: {len(names)} files; templates, static files and migrations present; no tests or demo site. "
    f"{sdist.name}: {len(sdist_names)} files. Long description: {len(targets)} links and images, all absolute."
)
