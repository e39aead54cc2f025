"""An autosave and a publish of one page at the same moment, on a file SQLite database with the demo's settings.

Run as a script (``python -m tests.concurrent_edits DB_PATH``) because the test suite's own database is in memory
and shared by one thread; this needs a database file that two threads reach through their own connections.
``--without-sqlite-options`` drops the demo's SQLite options, to show what they prevent.
Prints one line per failed save and exits 1 if any failed.
"""

import os
import sys
import threading

ROUNDS = 5
LABEL = "wagtail_kratom.SafeUseGuidePage"


def main(db_path: str, without_options: bool) -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "demo_site.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django
    from django.conf import settings

    if without_options:
        settings.DATABASES["default"].pop("OPTIONS", None)
    # The medical review is not what this is about: a reviewed page is published again and again.
    settings.WAGTAIL_KRATOM = {**settings.WAGTAIL_KRATOM, "GO_LIVE_CHECKS": {LABEL: ["disclaimers", "findings"]}}
    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction
    from wagtail.models import Site

    from tests.utils import make_disclaimer, make_test_page, set_site_defaults
    from wagtail_kratom.disclaimers import BUILT_IN_KINDS
    from wagtail_kratom.models import SafeUseGuidePage

    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    set_site_defaults(site, *(make_disclaimer(kind, title=f"Default {kind}") for kind, _label in BUILT_IN_KINDS))
    page = make_test_page(site.root_page, SafeUseGuidePage, title="Kratom: safer use", slug="safer-use")

    failures: list[str] = []

    def autosave(round_number: int) -> None:
        """What the editor's autosave does: store the form as a new draft revision."""
        draft = SafeUseGuidePage.objects.get(pk=page.pk)
        draft.summary = f"Draft {round_number}: kratom can, rarely, injure the liver."
        draft.save_revision(log_action=True)

    def publish(round_number: int) -> None:
        """What the Publish button does: save a revision and publish it, in one transaction."""
        with transaction.atomic():
            edited = SafeUseGuidePage.objects.get(pk=page.pk)
            edited.title = f"Kratom: safer use ({round_number})"
            edited.save_revision(log_action=True).publish()

    def run(action, round_number: int, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            action(round_number)
        except Exception as error:  # Every failure is reported, whatever its type.
            failures.append(f"round {round_number}, {action.__name__}: {type(error).__name__}: {error}")
        finally:
            connection.close()

    for round_number in range(ROUNDS):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=run, args=(action, round_number, barrier)) for action in (autosave, publish)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    live = SafeUseGuidePage.objects.get(pk=page.pk)
    print(f"{ROUNDS} rounds, {len(failures)} failed saves; the page is live: {live.live}")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--without-sqlite-options" in sys.argv[2:]))
