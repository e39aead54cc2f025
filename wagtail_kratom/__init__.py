"""Structured, reviewed health and harm-reduction pages about kratom for Wagtail."""

__version__ = "0.1.0"
