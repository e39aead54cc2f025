"""The benchmark's baseline: a plain Wagtail page holding an article's text in one rich-text field."""
