"""No page goes live without its required disclaimers, whichever way it is published.

Each publishing path is shown refusing a page whose required kinds do not resolve,
with nothing made live, and then publishing the same page once they resolve:
through the site default or through the page's own choice.
"""

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    APIToken,
    GroupApprovalTask,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Workflow,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.testapp.models import OrdinaryPage
from tests.utils import admin_form_data, make_disclaimer, make_reviewer, make_test_page, recently, set_site_defaults
from wagtail_kratom.disclaimers import DisclaimerInUse, get_required_kinds
from wagtail_kratom.gate import GoLiveRefused, require_go_live
from wagtail_kratom.models import (
    ArticlePageDisclaimer,
    Disclaimer,
    KratomSiteSettings,
    RiskSectionPage,
    SafeUseGuidePage,
    SiteDefaultDisclaimer,
    TopicOverviewPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def medical(site_root):
    return make_disclaimer("medical", title="Not medical advice")


@pytest.fixture
def emergency(site_root):
    return make_disclaimer("emergency", title="In an emergency")


def draft(parent, model=RiskSectionPage, **overrides):
    return make_test_page(parent, model, publish=False, **overrides)


def choose(page, *disclaimers):
    page.kratom_disclaimers = [ArticlePageDisclaimer(disclaimer=disclaimer) for disclaimer in disclaimers]
    return page


def is_live(page) -> bool:
    return Page.objects.get(pk=page.pk).live


# The rule ----------------------------------------------------------------------------


def test_required_kinds_default_per_type():
    assert get_required_kinds(TopicOverviewPage) == ["medical"]
    assert get_required_kinds(RiskSectionPage) == ["medical", "emergency"]
    assert get_required_kinds(SafeUseGuidePage) == ["medical", "dosage", "legal"]


def test_required_kinds_follow_the_setting_one_model_at_a_time(settings):
    settings.WAGTAIL_KRATOM = {"REQUIRED_DISCLAIMER_KINDS": {"wagtail_kratom.riskSectionPage": ["medical"]}}
    assert get_required_kinds(RiskSectionPage) == ["medical"]
    assert get_required_kinds(SafeUseGuidePage) == ["medical", "dosage", "legal"]


def test_unresolved_kinds_come_from_the_page_choice_then_the_site_default(site_root, medical, emergency):
    page = draft(site_root)
    assert page.get_unresolved_disclaimer_kinds() == ["medical", "emergency"]
    set_site_defaults(site_root.get_site(), medical)
    assert page.get_unresolved_disclaimer_kinds() == ["emergency"]
    choose(page, emergency)
    assert page.get_unresolved_disclaimer_kinds() == []
    assert [d.kind for d in page.get_disclaimers()] == ["medical", "emergency"]


def test_page_choice_replaces_the_site_default_of_its_kind(home, medical):
    page = choose(draft(home), medical)
    shown = page.get_disclaimers()
    assert medical in shown
    assert sum(d.kind == "medical" for d in shown) == 1


def test_an_unusable_choice_is_not_replaced_by_the_default(home):
    retired = make_disclaimer("medical", title="Old wording")
    retired.active = False
    retired.save()
    page = choose(draft(home), retired)
    assert page.get_unresolved_disclaimer_kinds() == ["medical"]
    with pytest.raises(GoLiveRefused, match="Old wording"):
        require_go_live(page)


def test_site_defaults_of_kinds_the_type_does_not_require_are_not_shown(home, site_defaults):
    page = draft(home, TopicOverviewPage)
    assert [d.kind for d in page.get_disclaimers()] == ["medical"]


def test_two_disclaimers_of_one_kind_are_refused(home, medical):
    other = make_disclaimer("medical", title="Second wording")
    page = choose(draft(home), medical, other)
    with pytest.raises(ValidationError, match="both medical disclaimers"):
        page.full_clean()


# Publishing paths ------------------------------------------------------------------------


def test_revision_publish_refuses_then_publishes_through_the_site_default(site_root, medical, emergency):
    page = draft(site_root)
    revision = page.get_latest_revision()
    with pytest.raises(GoLiveRefused) as refusal:
        revision.publish()
    assert refusal.value.reason_ids == ["disclaimers.missing"]
    assert "medical and emergency disclaimers" in refusal.value.message
    assert "medical and emergency disclaimers" in refusal.value.message
    assert not is_live(page)
    assert Page.objects.get(pk=page.pk).live_revision is None

    set_site_defaults(site_root.get_site(), medical, emergency)
    revision.publish()
    assert is_live(page)


def test_save_revision_publish_refuses_then_publishes_through_the_page_choice(site_root, medical, emergency):
    page = draft(site_root)
    set_site_defaults(site_root.get_site(), medical)
    with pytest.raises(GoLiveRefused, match="emergency disclaimer"):
        page.save_revision().publish()
    assert not is_live(page)

    choose(page, emergency).save_revision().publish()
    assert is_live(page)


def test_scheduling_in_code_is_refused_too(site_root):
    page = draft(site_root)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(GoLiveRefused):
        page.save_revision().publish()
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_saving_a_live_page_directly_is_refused(site_root, medical, emergency):
    page = draft(site_root)
    page.live = True
    with pytest.raises(GoLiveRefused):
        page.save()
    assert not is_live(page)

    # Wagtail creates pages live unless told otherwise; one that may not go live is created as a draft.
    new_page = RiskSectionPage(title="Created live", slug="created-live", summary="s", intro="<p>i</p>", body=[])
    site_root.add_child(instance=new_page)
    assert not RiskSectionPage.objects.get(slug="created-live").live

    choose(page, medical, emergency).save()
    assert is_live(page)


def test_admin_refuses_moving_a_live_page_to_a_site_without_its_disclaimers(admin_client, live_page):
    other_root = Page.get_first_root_node().add_child(instance=OrdinaryPage(title="Other site", slug="other-site"))
    Site.objects.create(hostname="other.example", root_page=other_root)
    url = reverse("wagtailadmin_pages:move_confirm", args=(live_page.pk, other_root.pk))
    response = admin_client.post(url)
    assert response.status_code == 302
    assert any("cannot go live" in str(message) for message in get_messages(response.wsgi_request))
    assert Page.objects.get(pk=live_page.pk).get_parent().pk != other_root.pk


def test_drafts_save_without_disclaimers(site_root):
    page = draft(site_root)
    page.summary = "An edited summary."
    page.save_revision()
    assert page.get_latest_revision().as_object().summary == "An edited summary."


def test_a_live_page_can_save_a_draft_that_drops_its_disclaimer(home, medical):
    page = choose(draft(home), medical)
    page.save_revision().publish()
    page = RiskSectionPage.objects.get(pk=page.pk)
    choose(page)
    page.save_revision()
    assert is_live(page)
    assert medical in RiskSectionPage.objects.get(pk=page.pk).get_disclaimers()


def publish_form_data(**overrides) -> dict:
    """A medical reviewer's Publish: the form's content, with a review recorded today."""
    overrides.setdefault("medical_reviewer", str(make_reviewer().pk))
    overrides.setdefault("last_reviewed", timezone.localdate().isoformat())
    data = admin_form_data([("What is known", [("paragraph", rich_text("<p>Case reports.</p>"))])], **overrides)
    data["action-publish"] = "action-publish"
    return data


def form_errors(response) -> str:
    return " ".join(str(error) for error in response.context["form"].non_field_errors())


def test_admin_create_and_publish_is_refused_with_the_kinds_named(admin_client, site_root, medical, emergency):
    url = reverse("wagtailadmin_pages:add", args=("wagtail_kratom", "risksectionpage", site_root.pk))
    response = admin_client.post(url, publish_form_data())
    assert response.status_code == 200
    assert "“Kratom and the liver” cannot go live yet. It needs its medical and emergency disclaimers" in form_errors(
        response
    )
    assert not RiskSectionPage.objects.exists()

    chosen = inline_formset([{"disclaimer": medical.pk}, {"disclaimer": emergency.pk}])
    response = admin_client.post(url, publish_form_data(kratom_disclaimers=chosen))
    assert response.status_code == 302
    assert RiskSectionPage.objects.get().live


def test_admin_edit_publish_is_refused_but_saving_a_draft_works(admin_client, site_root, medical, emergency):
    page = draft(site_root)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.post(url, publish_form_data(slug=page.slug))
    assert "cannot go live yet. It needs its medical and emergency disclaimers" in form_errors(response)
    assert not is_live(page)

    data = publish_form_data(slug=page.slug, summary="Saved as a draft.", last_reviewed=recently().isoformat())
    del data["action-publish"]
    assert admin_client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().summary == "Saved as a draft."

    set_site_defaults(site_root.get_site(), medical, emergency)
    assert admin_client.post(url, publish_form_data(slug=page.slug)).status_code == 302
    assert is_live(page)


def test_admin_bulk_publish_is_refused(admin_client, site_root, medical, emergency):
    page = draft(site_root)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    response = admin_client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert any("cannot go live" in str(message) for message in get_messages(response.wsgi_request))
    assert not is_live(page)

    set_site_defaults(site_root.get_site(), medical, emergency)
    admin_client.post(url, {"include_descendants": ""})
    assert is_live(page)


@pytest.fixture
def api_token(admin_user) -> str:
    return APIToken.create_token(user=admin_user, name="tests")[1]


def test_v3_publish_action_answers_422_with_the_message(client, site_root, api_token, medical, emergency):
    page = draft(site_root)
    url = f"/api/v3/pages/{page.pk}/actions/publish/"
    response = client.post(url, HTTP_AUTHORIZATION=f"Bearer {api_token}", content_type="application/json")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert "It needs its medical and emergency disclaimers" in error["msg"]
    assert error["loc"] == ["kratom_disclaimers"]
    assert not is_live(page)

    choose(page, medical, emergency).save_revision()
    response = client.post(url, HTTP_AUTHORIZATION=f"Bearer {api_token}", content_type="application/json")
    assert response.status_code == 200
    assert is_live(page)


def test_v3_update_with_publish_answers_422_and_writes_nothing(client, site_root, api_token, medical, emergency):
    page = draft(site_root)
    payload = {"meta": {"type": "wagtail_kratom.RiskSectionPage", "action": "publish"}, "title": "Renamed"}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {api_token}", "content_type": "application/json"}
    response = client.patch(f"/api/v3/pages/{page.pk}/", payload, **auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["kratom_disclaimers"]
    assert "needs its medical and emergency disclaimers" in response.json()["errors"][0]["msg"]
    assert not is_live(page)
    assert RiskSectionPage.objects.get(pk=page.pk).get_latest_revision_as_object().title != "Renamed"

    set_site_defaults(site_root.get_site(), medical, emergency)
    assert client.patch(f"/api/v3/pages/{page.pk}/", payload, **auth).status_code == 200
    assert RiskSectionPage.objects.get(pk=page.pk).live


def test_approving_the_last_workflow_task_is_refused_in_the_editor(admin_client, admin_user, site_root, medical):
    workflow = Workflow.objects.create(name="Medical review")
    task = GroupApprovalTask.objects.create(name="Clinician approves")
    task.groups.set(Group.objects.filter(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = draft(site_root, TopicOverviewPage)
    workflow.start(page, admin_user)
    data = publish_form_data(slug=page.slug)
    del data["action-publish"]
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    response = admin_client.post(url, data)
    assert "needs its medical disclaimer" in form_errors(response)
    assert not is_live(page)
    assert page.current_workflow_state.status == "in_progress"

    set_site_defaults(site_root.get_site(), medical)
    assert admin_client.post(url, data).status_code == 302
    assert is_live(page)


def test_scheduled_publishing_is_refused_logged_once_and_retried(site_root, medical, emergency, caplog):
    set_site_defaults(site_root.get_site(), medical, emergency)
    page = draft(site_root)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    # The wording is withdrawn before the page goes live (nothing live relies on it yet).
    emergency.active = False
    emergency.save()
    # Move the schedule into the past, as if the go-live time had come.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=revision.content)
    RiskSectionPage.objects.filter(pk=page.pk).update(go_live_at=past)

    with caplog.at_level(logging.WARNING, logger="wagtail_kratom.pages"):
        call_command("publish_scheduled")
        call_command("publish_scheduled")
    assert not is_live(page)
    assert "emergency disclaimer" in caplog.text
    refusals = PageLogEntry.objects.filter(page=page, action="wagtail_kratom.publish_refused")
    assert refusals.count() == 1
    assert refusals.get().message.startswith("Scheduled publishing refused: “Kratom and the liver” cannot go live yet.")
    assert "It needs its emergency disclaimer." in refusals.get().message

    emergency.active = True
    emergency.save()
    call_command("publish_scheduled")
    assert is_live(page)


# Disclaimers that live pages rely on --------------------------------------------------------


@pytest.fixture
def live_page(home, site_defaults):
    return make_test_page(home, RiskSectionPage, title="Liver risks", slug="liver-risks")


def test_deleting_a_site_default_in_use_is_refused_naming_the_pages(live_page, site_defaults):
    with pytest.raises(DisclaimerInUse, match="“Liver risks”") as refusal:
        site_defaults["medical"].delete()
    assert refusal.value.pages == [Page.objects.get(pk=live_page.pk)]
    assert Disclaimer.objects.filter(pk=site_defaults["medical"].pk).exists()


def test_deleting_a_page_choice_in_use_is_refused(home, medical):
    choose(draft(home, title="Chosen page"), medical).save_revision().publish()
    with pytest.raises(DisclaimerInUse, match="Chosen page"):
        medical.delete()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"active": False}, "deactivated"),
        ({"live": False}, "unpublished"),
        ({"kind": "evidence"}, "given another kind"),
    ],
)
def test_withdrawing_a_disclaimer_in_use_in_code_is_refused(live_page, site_defaults, change, expected):
    disclaimer = site_defaults["emergency"]
    for name, value in change.items():
        setattr(disclaimer, name, value)
    with pytest.raises(DisclaimerInUse, match=f"cannot be {expected}: 1 live page"):
        disclaimer.save()
    assert Disclaimer.objects.get(pk=disclaimer.pk).is_usable


def test_unpublish_in_code_is_refused(live_page, site_defaults):
    with pytest.raises(DisclaimerInUse):
        site_defaults["medical"].unpublish()
    assert Disclaimer.objects.get(pk=site_defaults["medical"].pk).live


def test_disclaimers_no_live_page_relies_on_can_be_withdrawn(home, site_defaults):
    draft(home)
    evidence = site_defaults["evidence"]  # a default of a kind no page type requires
    evidence.active = False
    evidence.save()
    site_defaults["medical"].unpublish()
    assert not Disclaimer.objects.get(pk=site_defaults["medical"].pk).live


def disclaimer_url(action: str, disclaimer) -> str:
    return reverse(f"wagtailsnippets_wagtail_kratom_disclaimer:{action}", args=(disclaimer.pk,))


def test_admin_delete_is_refused_naming_the_pages(admin_client, live_page, site_defaults):
    disclaimer = site_defaults["medical"]
    response = admin_client.post(disclaimer_url("delete", disclaimer))
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("“Liver risks” (/liver-risks/)" in message for message in messages)
    assert Disclaimer.objects.filter(pk=disclaimer.pk).exists()


def test_admin_unpublish_is_refused(admin_client, live_page, site_defaults):
    disclaimer = site_defaults["emergency"]
    response = admin_client.post(disclaimer_url("unpublish", disclaimer))
    assert response.status_code == 302
    assert any("cannot be unpublished" in str(message) for message in get_messages(response.wsgi_request))
    assert Disclaimer.objects.get(pk=disclaimer.pk).live


def test_admin_deactivate_is_a_form_error_on_the_field(admin_client, live_page, site_defaults):
    disclaimer = site_defaults["medical"]
    data = nested_form_data(
        {"kind": "medical", "title": disclaimer.title, "body": rich_text(disclaimer.body), "action-publish": "1"}
    )
    response = admin_client.post(disclaimer_url("edit", disclaimer), data)
    assert response.status_code == 200
    assert "cannot be deactivated" in str(response.context["form"].errors["active"])
    assert Disclaimer.objects.get(pk=disclaimer.pk).active


def settings_form_data(site, *disclaimers) -> dict:
    """The settings form as an editor leaves it: existing defaults kept or deleted, new ones added."""
    existing = list(SiteDefaultDisclaimer.objects.filter(settings__site=site))
    kept = [link.disclaimer for link in existing]
    items = [
        {"id": link.pk, "disclaimer": link.disclaimer_id, "DELETE": "" if link.disclaimer in disclaimers else "1"}
        for link in existing
    ]
    items += [{"disclaimer": disclaimer.pk} for disclaimer in disclaimers if disclaimer not in kept]
    return nested_form_data(
        {"review_cycle_months": "12", "default_disclaimers": inline_formset(items, initial=len(existing))}
    )


def test_removing_a_site_default_in_use_is_refused_in_settings(admin_client, live_page, site_defaults):
    site = live_page.get_site()
    url = reverse("wagtailsettings:edit", args=("wagtail_kratom", "kratomsitesettings", site.pk))
    kept = [site_defaults[kind] for kind in ("medical", "dosage", "legal", "evidence")]
    response = admin_client.post(url, settings_form_data(site, *kept))
    assert response.status_code == 200
    assert "cannot be removed from the site defaults" in " ".join(response.context["form"].non_field_errors())
    assert SiteDefaultDisclaimer.objects.filter(disclaimer=site_defaults["emergency"]).exists()

    replacement = make_disclaimer("emergency", title="Call for help")
    assert admin_client.post(url, settings_form_data(site, *kept, replacement)).status_code == 302
    assert KratomSiteSettings.for_site(site).get_default_disclaimers()["emergency"] == replacement


def test_site_defaults_must_be_usable_and_one_per_kind(admin_client, home, site_defaults):
    site = home.get_site()
    url = reverse("wagtailsettings:edit", args=("wagtail_kratom", "kratomsitesettings", site.pk))
    unpublished = Disclaimer.objects.create(kind="legal", title="Unapproved", body="<p>x</p>", live=False)
    response = admin_client.post(url, settings_form_data(site, unpublished))
    assert "not published or not active" in " ".join(response.context["form"].non_field_errors())
    second = make_disclaimer("medical", title="Another medical")
    response = admin_client.post(url, settings_form_data(site, site_defaults["medical"], second))
    assert "both medical disclaimers" in " ".join(response.context["form"].non_field_errors())


# Output ----------------------------------------------------------------------------------


def test_rendered_page_shows_every_resolved_disclaimer_once(client, live_page, site_defaults):
    soup = BeautifulSoup(client.get(live_page.url).content, "html.parser")
    shown = [aside["class"][-1] for aside in soup.select("aside.kratom-disclaimer")]
    assert sorted(shown) == ["kratom-disclaimer--emergency", "kratom-disclaimer--medical"]


def test_both_apis_serve_resolved_disclaimers(client, live_page, site_defaults):
    detail = client.get(f"/api/v2/pages/{live_page.pk}/").json()
    assert detail["disclaimers"] == [
        {"kind": kind, "title": site_defaults[kind].title, "body": site_defaults[kind].body}
        for kind in ("medical", "emergency")
    ]
    listing = client.get("/api/v2/pages/?type=wagtail_kratom.RiskSectionPage").json()
    assert "disclaimers" not in listing["items"][0]
    listing = client.get("/api/v2/pages/?type=wagtail_kratom.RiskSectionPage&fields=disclaimers").json()
    assert listing["items"][0]["disclaimers"] == detail["disclaimers"]
    assert client.get(f"/api/v3/pages/{live_page.pk}/").json()["disclaimers"] == detail["disclaimers"]


def test_disclaimer_links_are_served_as_real_urls(client, live_page, site_defaults):
    medical = site_defaults["medical"]
    medical.body = f'<p>See <a linktype="page" id="{live_page.pk}">the risks</a>.</p>'
    medical.save()
    body = client.get(f"/api/v2/pages/{live_page.pk}/").json()["disclaimers"][0]["body"]
    assert 'href="/liver-risks/"' in body
    assert "linktype" not in body


def test_an_expired_disclaimer_in_use_stays_live_and_scheduled_publishing_carries_on(
    home, site_defaults, django_capture_on_commit_callbacks, caplog
):
    past = timezone.now() - datetime.timedelta(minutes=1)
    live_page = make_test_page(home, RiskSectionPage, title="Liver risks", slug="liver-risks")
    expiring_page = make_test_page(home, RiskSectionPage, title="Old news", slug="old-news")
    scheduled_page = draft(home, title="Heart risks", slug="heart-risks")
    scheduled_page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = scheduled_page.save_revision()
    revision.publish()
    revision.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=revision.content)
    RiskSectionPage.objects.filter(pk=scheduled_page.pk).update(go_live_at=past)
    RiskSectionPage.objects.filter(pk=expiring_page.pk).update(expire_at=past)
    # The site's emergency wording, which the live pages show, reaches its expiry date.
    emergency = site_defaults["emergency"]
    Disclaimer.objects.filter(pk=emergency.pk).update(expire_at=past)
    # A scheduled revision that would deactivate the medical wording the live pages show.
    medical = site_defaults["medical"]
    medical.active = False
    medical_revision = medical.save_revision(clean=False)
    Revision.objects.filter(pk=medical_revision.pk).update(approved_go_live_at=past)

    with caplog.at_level(logging.WARNING, logger="wagtail_kratom.disclaimers"):
        call_command("publish_scheduled")
        call_command("publish_scheduled")

    assert is_live(scheduled_page)
    assert not is_live(expiring_page)
    assert is_live(live_page)
    assert Disclaimer.objects.get(pk=emergency.pk).live
    assert Disclaimer.objects.get(pk=medical.pk).active
    assert Revision.objects.get(pk=medical_revision.pk).approved_go_live_at == past
    assert "reached its expiry date and stays live" in caplog.text
    assert "Scheduled publishing of disclaimer" in caplog.text
