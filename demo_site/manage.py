#!/usr/bin/env python
"""Django's command-line utility for the wagtail-kratom demo site."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # The demo site is a package at the repository root, beside wagtail_kratom.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demo_site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
