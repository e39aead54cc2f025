import pytest
from wagtail.models import Page, Site

from tests.testapp.models import OrdinaryPage


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_root(db) -> OrdinaryPage:
    """An ordinary page of the site's own type as the default site's root."""
    root = Page.get_first_root_node()
    home = OrdinaryPage(title="Home", slug="test-home")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
