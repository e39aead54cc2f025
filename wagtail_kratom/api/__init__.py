"""The package's side of Wagtail's headless APIs: typed fields (``fields``) and the v2 endpoint (``views``)."""
