"""The benchmark harness: what the package's pages cost against plain Wagtail pages, measured in one run.

Run it with ``make bench`` (or ``python -m bench --help``); see docs/performance.md.
"""
