import datetime
import os

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.testapp.models import OrdinaryPage
from tests.utils import make_disclaimer, set_site_defaults
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.disclaimers import BUILT_IN_KINDS


def pytest_configure(config: pytest.Config) -> None:
    """Move the clock for the whole run to the date in ``KRATOM_TEST_CLOCK`` (such as 2030-01-01), if set.

    CI runs the suite a second time this way, so a test that only passes before some date fails now.
    """
    clock = os.environ.get("KRATOM_TEST_CLOCK")
    if not clock:
        return
    import time_machine  # Only needed for this run.

    traveller = time_machine.travel(datetime.datetime.fromisoformat(clock).replace(tzinfo=datetime.UTC), tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests and its ids are
    used again, so a page part cached by one test could otherwise be found by the next."""
    cache.clear()


def pytest_report_header(config: pytest.Config) -> str | None:
    clock = os.environ.get("KRATOM_TEST_CLOCK")
    return f"clock moved to {clock} (KRATOM_TEST_CLOCK)" if clock else None


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_root(db) -> OrdinaryPage:
    """An ordinary page of the site's own type as the default site's root, with no site default disclaimers."""
    root = BasePage.get_first_root_node()
    home = OrdinaryPage(title="Home", slug="test-home")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def site_defaults(site_root) -> dict:
    """A published site default disclaimer of every built-in kind, by kind."""
    defaults = {kind: make_disclaimer(kind, title=f"Default {kind} disclaimer") for kind, _label in BUILT_IN_KINDS}
    set_site_defaults(site_root.get_site(), *defaults.values())
    return defaults


@pytest.fixture
def home(site_root, site_defaults) -> OrdinaryPage:
    """The site root of a site whose defaults cover every required disclaimer kind."""
    return site_root
