"""The go-live gate: one rule (disclaimers, medical review, blocking findings), asked on every publishing path.

Disclaimers on each path are shown in test_disclaimers.py; here each path refuses a page for its review or
for an unsupported claim, keeps it a draft with a message that says what to do, and publishes it once the
reason is gone. Medical reviewers' acceptances of findings are covered at the end.
"""

import csv
import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, PageLogEntry, Revision, Workflow, WorkflowTask
from wagtail.test.utils.form_data import rich_text

from tests.utils import EDIT_AND_PUBLISH, admin_form_data, make_admin_group, make_reviewer, make_test_page, recently
from wagtail_kratom.acceptances import FINDING_ACCEPTED_LOG_ACTION, FindingAcceptance, accept_finding
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.checks import check_go_live_checks
from wagtail_kratom.gate import GoLiveRefused, blocking_findings, checked_findings, go_live_reasons
from wagtail_kratom.models import MedicalReviewTask, RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.page_audit import audit_page

pytestmark = pytest.mark.django_db

#: An unsupported claim the audit reports as an error, and a careful sentence to replace it with.
CLAIM = "Kratom is completely safe and has no side effects."
CAREFUL = "Kratom can cause side effects, some of them serious."


def draft(parent, model=RiskSectionPage, **overrides):
    return make_test_page(parent, model, publish=False, **overrides)


def is_live(page) -> bool:
    return BasePage.objects.get(pk=page.pk).live


def unreviewed(parent, **overrides):
    """A draft with disclaimers and clean text, but no medical reviewer and no review dates."""
    return draft(parent, medical_reviewer=None, last_reviewed=None, **overrides)


def with_claim(parent, **overrides):
    """A reviewed draft whose summary makes an unsupported health claim."""
    return draft(parent, summary=CLAIM, **overrides)


def the_claim(page):
    [finding] = blocking_findings(audit_page(page.get_latest_revision_as_object()))
    return finding


@pytest.fixture
def medical_reviewer(django_user_model, home):
    """A member of the Medical reviewers group, who may edit and publish pages and accept findings."""
    user = django_user_model.objects.create_user("reviewer", password="reviewer-pass-123", first_name="Alex")
    user.last_name = "Morgan"
    user.save()
    user.groups.add(
        make_admin_group(
            "Medical reviewers", home, EDIT_AND_PUBLISH, Permission.objects.get(codename="add_findingacceptance")
        )
    )
    return user


@pytest.fixture
def medical_review(medical_reviewer):
    """A "Medical review" workflow with one MedicalReviewTask for the Medical reviewers group; (workflow, task)."""
    task = MedicalReviewTask.objects.create(name="Medical review")
    task.groups.set(Group.objects.filter(name="Medical reviewers"))
    workflow = Workflow.objects.create(name="Medical review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow, task


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# The rule ----------------------------------------------------------------------------------


def test_the_rule_gives_every_reason_at_once_each_saying_what_to_do(site_root):
    page = unreviewed(site_root, summary=CLAIM)
    reasons = go_live_reasons(page)
    assert [reason.id for reason in reasons] == [
        "disclaimers.missing",
        "review.no-reviewer",
        "review.no-date",
        "findings.open",
    ]
    by_id = {reason.id: reason for reason in reasons}
    assert "Choose them under “Disclaimers and related”" in by_id["disclaimers.missing"].message
    assert "Submit the page for medical review" in by_id["review.no-reviewer"].message
    assert "Record when it was last reviewed" in by_id["review.no-date"].message
    assert "ask a medical reviewer to accept each finding" in by_id["findings.open"].message
    assert [reason.field for reason in reasons[:3]] == ["kratom_disclaimers", "medical_reviewer", "last_reviewed"]


def test_an_overdue_review_keeps_a_page_from_going_live(home):
    two_years_ago = timezone.localdate() - datetime.timedelta(days=730)
    page = draft(home, last_reviewed=two_years_ago)
    [reason] = go_live_reasons(page)
    assert reason.id == "review.overdue"
    assert page.next_review_due.isoformat() in reason.message


def test_a_page_that_passes_has_no_reasons(home):
    assert go_live_reasons(draft(home)) == []


def test_checks_are_switched_off_per_page_type(home, settings):
    settings.WAGTAIL_KRATOM = {"GO_LIVE_CHECKS": {"wagtail_kratom.RiskSectionPage": ["disclaimers"]}}
    risks = unreviewed(home, summary=CLAIM)
    guide = unreviewed(home, model=SafeUseGuidePage, slug="guide", summary=CLAIM)
    assert go_live_reasons(risks) == []
    assert [reason.id for reason in go_live_reasons(guide)] == ["review.no-reviewer", "review.no-date", "findings.open"]
    risks.get_latest_revision().publish()
    assert is_live(risks)


def test_the_checks_setting_is_validated():
    assert check_go_live_checks({"wagtail_kratom.RiskSectionPage": ["disclaimers", "review", "findings"]}) == []
    [unknown] = check_go_live_checks({"wagtail_kratom.RiskSectionPage": ["reveiw"]})
    assert unknown.id == "wagtail_kratom.E009" and "unknown checks reveiw" in unknown.msg
    [not_a_page] = check_go_live_checks({"auth.User": ["review"]})
    assert "is not an installed article page model" in not_a_page.msg


# Paths ---------------------------------------------------------------------------------------


def test_revision_publish_refuses_an_unreviewed_page_then_publishes_it(home):
    page = unreviewed(home)
    with pytest.raises(GoLiveRefused) as refusal:
        page.get_latest_revision().publish()
    assert refusal.value.reason_ids == ["review.no-reviewer", "review.no-date"]
    assert refusal.value.message.startswith("“Kratom and the liver” cannot go live yet. No medical reviewer is named.")
    assert not is_live(page)

    page.medical_reviewer = make_reviewer()
    page.last_reviewed = recently()
    page.save_revision().publish()
    assert is_live(page)


def test_revision_publish_refuses_an_open_claim(home):
    page = with_claim(home)
    with pytest.raises(GoLiveRefused) as refusal:
        page.get_latest_revision().publish()
    assert refusal.value.reason_ids == ["findings.open"]
    assert not is_live(page)

    page.summary = CAREFUL
    page.save_revision().publish()
    assert is_live(page)


def test_saving_a_page_live_in_code_asks_the_gate(home):
    page = with_claim(home)
    page.live = True
    with pytest.raises(GoLiveRefused):
        page.save()
    assert not is_live(page)


def test_scheduled_publishing_refuses_a_claim_and_logs_why(home):
    page = with_claim(home)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.get_latest_revision()
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past)
    call_command("publish_scheduled")
    assert not is_live(page)
    refusal = PageLogEntry.objects.get(page=page, action="wagtail_kratom.publish_refused")
    assert "The editorial checks found 1 error that blocks publishing" in refusal.message


def publish_form_data(page, **overrides) -> dict:
    overrides.setdefault("medical_reviewer", str(make_reviewer().pk))
    data = admin_form_data(
        [("What is known", [("paragraph", rich_text("<p>Case reports.</p>"))])], slug=page.slug, **overrides
    )
    data["action-publish"] = "action-publish"
    return data


def messages_of(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_admin_publish_without_a_reviewer_saves_a_draft_and_says_why(admin_client, home):
    page = unreviewed(home)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.post(url, publish_form_data(page, medical_reviewer="", summary="An edited summary."))
    assert response.status_code == 302 and response.url == url
    message = messages_of(response)
    assert "Your changes are saved as a draft. “Kratom and the liver” cannot go live yet." in message
    assert "No medical reviewer is named." in message
    page = RiskSectionPage.objects.get(pk=page.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().summary == "An edited summary."

    response = admin_client.post(url, publish_form_data(page))
    assert response.status_code == 302
    assert is_live(page)


def test_admin_publish_of_an_unsupported_claim_is_refused(admin_client, home):
    page = draft(home)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.post(url, publish_form_data(page, summary=CLAIM))
    assert "The editorial checks found 1 error that blocks publishing" in messages_of(response)
    assert not is_live(page)


def test_v3_publish_answers_422_at_the_review_fields(client, admin_user, home):
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    page = unreviewed(home)
    url = f"/api/v3/pages/{page.pk}/actions/publish/"
    response = client.post(url, HTTP_AUTHORIZATION=f"Bearer {token}", content_type="application/json")
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["errors"]] == [["medical_reviewer"], ["last_reviewed"]]
    assert not is_live(page)


def test_v3_cannot_write_the_accepted_findings_count(client, admin_user, home):
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    page = with_claim(home)
    payload = {"meta": {"type": "wagtail_kratom.RiskSectionPage", "action": "publish"}, "accepted_findings": 1}
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}
    response = client.patch(f"/api/v3/pages/{page.pk}/", payload, **auth)
    assert response.status_code == 422
    assert not is_live(page)
    assert not FindingAcceptance.objects.exists()


def test_bulk_publish_refuses_an_unreviewed_page(admin_client, home):
    page = unreviewed(home)
    url = (
        reverse("wagtail_bulk_action", args=(BasePage._meta.app_label, BasePage._meta.model_name, "publish"))
        + f"?id={page.pk}"
    )
    response = admin_client.post(url, {"include_descendants": ""})
    assert "No medical reviewer is named." in messages_of(response)
    assert not is_live(page)


def test_copying_a_live_page_keeps_the_copy_live_only_when_it_passes(admin_user, home):
    page = make_test_page(home, RiskSectionPage)
    copy = page.copy(update_attrs={"slug": "copy"}, keep_live=True, user=admin_user)
    assert copy.live

    legacy = page.copy(update_attrs={"slug": "legacy", "summary": CLAIM}, keep_live=True, user=admin_user)
    assert not is_live(legacy)


def test_workflow_approval_is_withheld_until_a_claim_is_accepted(home, medical_reviewer, medical_review):
    workflow, task = medical_review
    page = unreviewed(home, summary=CLAIM)
    task_state = workflow.start(page, medical_reviewer).current_task_state
    assert [name for name, _label, _modal in task.get_actions(page, medical_reviewer)] == ["reject"]

    accept_finding(page, the_claim(page), user=medical_reviewer, reason="Quoted in order to refute it.")
    assert "approve" in [name for name, _label, _modal in task.get_actions(page, medical_reviewer)]
    task.on_action(task_state, medical_reviewer, "approve")
    page = RiskSectionPage.objects.get(pk=page.pk)
    assert page.live and page.accepted_findings == 1
    assert page.medical_reviewer.user == medical_reviewer


# Acceptances -------------------------------------------------------------------------------------


def accept_url(page, finding) -> str:
    [checked] = [item for item in checked_findings(page.get_latest_revision_as_object()) if item.finding == finding]
    return reverse("wagtail_kratom:accept_finding", args=(page.pk, checked.fingerprint))


def test_a_medical_reviewer_accepts_a_claim_with_a_reason_and_the_page_may_go_live(home, medical_reviewer):
    page = with_claim(home)
    reviewer = client_for(medical_reviewer)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    editor_screen = reviewer.get(edit_url).content.decode()
    assert "Blocks publishing until the text is changed or a medical reviewer accepts it." in editor_screen
    url = accept_url(page, the_claim(page))
    assert url in editor_screen

    form = reviewer.get(url)
    assert form.status_code == 200 and CLAIM in form.content.decode()
    assert reviewer.post(url, {"reason": ""}).status_code == 200
    assert not FindingAcceptance.objects.exists()

    response = reviewer.post(url, {"reason": "Quoted in order to refute it."})
    assert response.status_code == 302 and response.url == edit_url
    acceptance = FindingAcceptance.objects.get()
    assert (acceptance.page_id, acceptance.accepted_by, acceptance.revision) == (
        page.pk,
        medical_reviewer,
        page.get_latest_revision(),
    )
    history = PageLogEntry.objects.get(page=page, action=FINDING_ACCEPTED_LOG_ACTION)
    assert history.user == medical_reviewer and "Quoted in order to refute it." in history.message
    assert "Accepted by Alex Morgan on" in reviewer.get(edit_url).content.decode()

    page.get_latest_revision().publish()
    page = RiskSectionPage.objects.get(pk=page.pk)
    assert page.live and page.accepted_findings == 1
    review = Client().get(f"/api/v2/pages/{page.pk}/").json()["review"]
    assert review["accepted_findings"] == 1


def test_editors_who_are_not_medical_reviewers_cannot_accept(home, django_user_model):
    page = with_claim(home)
    editor = django_user_model.objects.create_user("editor", password="editor-pass-123")
    editor.groups.add(make_admin_group("Writers", home, EDIT_AND_PUBLISH))
    client = client_for(editor)
    url = accept_url(page, the_claim(page))
    assert url not in client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    # Wagtail's admin answers a permission error by sending the user to the dashboard with a message.
    for response in (client.get(url), client.post(url, {"reason": "Looks fine to me."})):
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        assert "you do not have permission" in messages_of(response)
    assert not FindingAcceptance.objects.exists()


def test_editing_the_accepted_sentence_reopens_the_finding_but_other_edits_do_not(home, medical_reviewer):
    page = with_claim(home)
    accept_finding(page, the_claim(page), user=medical_reviewer, reason="Quoted in order to refute it.")

    page.intro = "<p>An edit elsewhere on the page.</p>"
    page.save_revision()
    assert go_live_reasons(page) == []

    page.summary = CLAIM.replace("completely", "totally")
    page.save_revision()
    assert [reason.id for reason in go_live_reasons(page)] == ["findings.open"]
    with pytest.raises(GoLiveRefused):
        page.get_latest_revision().publish()


def test_the_audit_report_lists_and_exports_acceptances(admin_client, home, medical_reviewer):
    accepted = with_claim(home, title="Accepted claim", slug="accepted")
    accept_finding(accepted, the_claim(accepted), user=medical_reviewer, reason="Quoted in order to refute it.")
    with_claim(home, model=TopicOverviewPage, title="Open claim", slug="open")

    response = admin_client.get(reverse("wagtail_kratom:audit_report") + "?export=csv")
    rows = {
        row["Page"]: row
        for row in csv.DictReader(StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        if row["Severity"] == "error"
    }
    assert rows["Accepted claim"]["Publishing"] == "Accepted"
    assert rows["Accepted claim"]["Accepted by"] == "Alex Morgan"
    assert rows["Accepted claim"]["Reason"] == "Quoted in order to refute it."
    assert rows["Open claim"]["Publishing"] == "Blocks publishing"
    assert rows["Open claim"]["Accepted by"] == ""


def test_moves_to_a_site_without_the_disclaimers_are_refused_in_code_and_through_v3(client, admin_user, home):
    from django.core.exceptions import ValidationError
    from wagtail.models import Site

    from tests.testapp.models import OrdinaryPage

    page = make_test_page(home, RiskSectionPage)
    other_root = BasePage.get_first_root_node().add_child(instance=OrdinaryPage(title="Other site", slug="other-site"))
    Site.objects.create(hostname="other.example", root_page=other_root)
    with pytest.raises(ValidationError, match="cannot go live yet"):
        page.move(other_root, pos="last-child")

    # Without a position, v3 moves the page beside the destination: here out of every site, with no defaults.
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    response = client.post(
        f"/api/v3/pages/{page.pk}/actions/move/",
        {"destination_id": other_root.pk},
        HTTP_AUTHORIZATION=f"Bearer {token}",
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "It needs its medical and emergency disclaimers" in response.json()["errors"][0]["msg"]
    assert BasePage.objects.get(pk=page.pk).get_parent().pk == home.pk


# A review credits the text it covered ------------------------------------------------------------


def test_changed_content_needs_a_new_review_before_it_goes_live(home):
    page = make_test_page(home, RiskSectionPage)
    page.summary = "Kratom can injure the liver, usually within weeks of starting regular use."
    page.save_revision()
    [reason] = go_live_reasons(page.get_latest_revision_as_object())
    assert reason.id == "review.stale" and reason.field == "last_reviewed"
    assert f"changed since the review on {page.last_reviewed.isoformat()}" in reason.message
    with pytest.raises(GoLiveRefused):
        page.get_latest_revision().publish()
    assert RiskSectionPage.objects.get(pk=page.pk).summary == "Kratom can, rarely, injure the liver."

    page.last_reviewed = timezone.localdate()
    page.save_revision().publish()
    assert RiskSectionPage.objects.get(pk=page.pk).summary.startswith("Kratom can injure the liver")


def test_saving_the_same_content_again_keeps_the_review(admin_client, home):
    page = make_test_page(home, RiskSectionPage)
    page = RiskSectionPage.objects.get(pk=page.pk)
    page.slug = "renamed"
    page.save_revision().publish()
    assert is_live(page)


def test_pages_published_before_fingerprints_were_kept_need_a_review_for_new_content(home):
    page = make_test_page(home, RiskSectionPage)
    RiskSectionPage.objects.filter(pk=page.pk).update(reviewed_content="")
    page = RiskSectionPage.objects.get(pk=page.pk)
    page.title = "A new title is not health content"
    page.save_revision().publish()
    page.summary = "Changed without a review."
    with pytest.raises(GoLiveRefused, match="changed since the review"):
        page.save_revision().publish()


def test_v3_edit_and_publish_of_reviewed_content_is_refused(client, admin_user, home):
    token = APIToken.create_token(user=admin_user, name="tests")[1]
    page = make_test_page(home, RiskSectionPage)
    payload = {
        "meta": {"type": "wagtail_kratom.RiskSectionPage", "action": "publish"},
        "summary": "Text nobody reviewed.",
    }
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}", "content_type": "application/json"}
    response = client.patch(f"/api/v3/pages/{page.pk}/", payload, **auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["last_reviewed"]
    assert RiskSectionPage.objects.get(pk=page.pk).summary == "Kratom can, rarely, injure the liver."


def test_an_alias_site_with_fewer_defaults_serves_the_pages_own_sites_disclaimers(client, home, site_defaults):
    from wagtail.models import Site

    page = make_test_page(home, RiskSectionPage, slug="liver-risks")
    Site.objects.create(hostname="alias.example", root_page=home, is_default_site=False)
    for host in ("localhost", "alias.example"):
        html = client.get("/liver-risks/", HTTP_HOST=host).content.decode()
        for kind in ("medical", "emergency"):
            assert site_defaults[kind].title in html, (host, kind)
        api = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST=host).json()
        assert [item["kind"] for item in api["disclaimers"]] == ["medical", "emergency"], host


def test_a_reviewer_is_never_credited_by_login_name(home, medical_reviewer, medical_review):
    from django.core.exceptions import PermissionDenied

    from wagtail_kratom.models import Contributor

    workflow, task = medical_review
    page = unreviewed(home)
    task_state = workflow.start(page, medical_reviewer).current_task_state
    medical_reviewer.first_name = medical_reviewer.last_name = ""
    medical_reviewer.email = "reviewer@example.com"
    medical_reviewer.save()

    assert [name for name, _label, _modal in task.get_actions(page, medical_reviewer)] == ["reject"]
    with pytest.raises(PermissionDenied, match="add your first and last name"):
        task.on_action(task_state, medical_reviewer, "approve")
    assert not Contributor.objects.filter(user=medical_reviewer).exists()
    assert not is_live(page)

    medical_reviewer.first_name, medical_reviewer.last_name = "Alex", "Morgan"
    medical_reviewer.save()
    task.on_action(task_state, medical_reviewer, "approve")
    assert RiskSectionPage.objects.get(pk=page.pk).medical_reviewer.name == "Alex Morgan"


def test_copying_a_live_tree_to_a_site_without_defaults_makes_drafts_not_errors(admin_client, home):
    from wagtail.models import Site

    from tests.testapp.models import OrdinaryPage

    hub = make_test_page(home, TopicOverviewPage, title="Hub", slug="hub")
    make_test_page(hub, RiskSectionPage, title="Risks", slug="risks")
    other_root = BasePage.get_first_root_node().add_child(instance=OrdinaryPage(title="Other site", slug="other-site"))
    Site.objects.create(hostname="other.example", root_page=other_root)

    url = reverse("wagtailadmin_pages:copy", args=(hub.pk,))
    response = admin_client.post(
        url,
        {
            "new_title": "Hub",
            "new_slug": "hub",
            "new_parent_page": other_root.pk,
            "copy_subpages": "on",
            "publish_copies": "on",
            "alias": "",
        },
    )
    assert response.status_code == 302
    assert "The copy is a draft. “Hub” cannot go live yet. It needs its medical disclaimer." in messages_of(response)
    copies = BasePage.objects.descendant_of(other_root)
    assert sorted(copies.values_list("title", flat=True)) == ["Hub", "Risks"]
    assert not copies.live().exists()
    assert is_live(hub)


def test_the_fingerprint_ignores_block_keys_and_empty_paragraphs(home):
    from wagtail_kratom.review import content_fingerprint

    page = draft(home, conclusion="")
    before = content_fingerprint(page)
    page.conclusion = "<p></p>"
    page.intro = page.intro.replace("<p>", '<p data-block-key="a1b2c">')
    assert content_fingerprint(page) == before
    page.conclusion = "<p>A new closing paragraph.</p>"
    assert content_fingerprint(page) != before


def test_a_page_awaiting_medical_review_is_published_only_by_approving_it(
    client, home, medical_reviewer, medical_review, django_user_model
):
    workflow, task = medical_review
    page = draft(home)
    workflow_state = workflow.start(page, medical_reviewer)

    # A moderator, who may publish but is no medical reviewer, publishes through the v3 API.
    moderator = django_user_model.objects.create_user("moderator", password="moderator-pass-123")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    token = APIToken.create_token(user=moderator, name="tests")[1]
    response = client.post(
        f"/api/v3/pages/{page.pk}/actions/publish/",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "awaiting medical review in the “Medical review” workflow" in response.json()["errors"][0]["msg"]
    assert not is_live(page)
    workflow_state.refresh_from_db()
    assert workflow_state.status == "in_progress"

    task.on_action(workflow_state.current_task_state, medical_reviewer, "approve")
    page = RiskSectionPage.objects.get(pk=page.pk)
    assert page.live and page.medical_reviewer.user == medical_reviewer


def test_kratom_audit_counts_only_open_errors(home, medical_reviewer):
    from django.core.management.base import CommandError

    accepted = with_claim(home, title="Accepted claim", slug="accepted")
    accept_finding(accepted, the_claim(accepted), user=medical_reviewer, reason="Quoted in order to refute it.")
    accepted.get_latest_revision().publish()
    out = StringIO()
    call_command("kratom_audit", "--fail-on", "error", stdout=out)
    assert "accepted by Alex Morgan: Quoted in order to refute it." in out.getvalue()
    assert "1 pages audited: 0 errors, 0 warnings, 1 accepted by a medical reviewer." in out.getvalue()

    with_claim(home, title="Open claim", slug="open")
    with pytest.raises(CommandError, match="1 finding at or above “error”"):
        call_command("kratom_audit", "--drafts", "--fail-on", "error", stdout=StringIO())


def test_kratom_import_publish_over_a_reviewed_live_page_keeps_the_reviewed_text_live(home, tmp_path):
    from tests.test_import import CLEAN_ARTICLE

    hub = make_test_page(home, TopicOverviewPage, title="What labels show", slug="what-labels-show")
    article = tmp_path / "labels.txt"
    article.write_text(CLEAN_ARTICLE)
    out = StringIO()
    call_command("kratom_import", str(article), "--parent", "/", "--publish", stdout=out, stderr=StringIO())
    assert "changed since the review" in out.getvalue()
    hub = TopicOverviewPage.objects.get(pk=hub.pk)
    assert hub.live and hub.summary == "Kratom can, rarely, injure the liver."
    assert hub.get_latest_revision_as_object().summary != hub.summary
