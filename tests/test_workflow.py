"""Medical review: a workflow step only medical reviewers approve, which records the review on the page."""

import csv
import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from tests.utils import make_test_page
from wagtail_kratom.models import MedicalReviewTask, RiskSectionPage
from wagtail_kratom.review import add_months
from wagtail_kratom.snippets import Contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def review_workflow(site_root):
    group = Group.objects.create(name="Medical reviewers")
    task = MedicalReviewTask.objects.create(name="Medical review")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="Medical review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=site_root, workflow=workflow)
    return task


def member(django_user_model, username: str, group_name: str, root):
    user = django_user_model.objects.create_user(username, password=f"{username}-pass-123", first_name="Alex")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    codenames = (
        ("add_page", "change_page", "publish_page")
        if group_name == "Medical reviewers"
        else ("add_page", "change_page")
    )
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return user, client


def submitted(home, task):
    page = make_test_page(home, RiskSectionPage, title="Draft risks", slug="draft-risks", publish=False)
    page.refresh_from_db()
    workflow_state = task.workflow_tasks.get().workflow.start(page, page.owner)
    return page, workflow_state.current_task_state


def test_approving_records_the_reviewer_and_dates_and_publishes(home, review_workflow, django_user_model):
    page, task_state = submitted(home, review_workflow)
    reviewer, client = member(django_user_model, "reviewer", "Medical reviewers", home)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page = RiskSectionPage.objects.get(pk=page.pk)
    today = timezone.localdate()
    assert page.live
    assert page.medical_reviewer == Contributor.objects.get(user=reviewer)
    assert (page.last_reviewed, page.next_review_due) == (today, add_months(today, 12))


def test_a_reviewer_linked_to_a_contributor_is_credited_as_that_contributor(home, review_workflow, django_user_model):
    page, task_state = submitted(home, review_workflow)
    reviewer, _client = member(django_user_model, "reviewer", "Medical reviewers", home)
    clinician = Contributor.objects.create(name="Dr Alex Morgan", credentials="MBBS", user=reviewer)
    review_workflow.on_action(task_state, reviewer, "approve")
    assert RiskSectionPage.objects.get(pk=page.pk).medical_reviewer == clinician


def test_only_medical_reviewers_may_approve(home, review_workflow, django_user_model):
    page, task_state = submitted(home, review_workflow)
    editor, client = member(django_user_model, "editor", "Editors", home)
    reviewer, _client = member(django_user_model, "reviewer", "Medical reviewers", home)
    assert review_workflow.get_actions(page, editor) == []
    assert [name for name, _label, _data in review_workflow.get_actions(page, reviewer)] == [
        "reject",
        "approve",
        "approve",
    ]
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})
    assert not RiskSectionPage.objects.get(pk=page.pk).live


def test_approval_is_not_offered_while_disclaimers_are_missing(site_root, review_workflow, django_user_model):
    page, task_state = submitted(site_root, review_workflow)
    reviewer, client = member(django_user_model, "reviewer", "Medical reviewers", site_root)
    assert [name for name, _label, _data in review_workflow.get_actions(page, reviewer)] == ["reject"]
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    assert response.status_code < 500
    assert not RiskSectionPage.objects.get(pk=page.pk).live


def test_review_dates_follow_the_site_cycle(home):
    page = make_test_page(home, RiskSectionPage, title="Risks", slug="risks")
    page.record_review(Contributor.objects.create(name="Dr B"), datetime.date(2026, 1, 31))
    assert page.next_review_due == datetime.date(2027, 1, 31)


# Review due ---------------------------------------------------------------------------------


@pytest.fixture
def review_dates(home, reviewer_contributor):
    today = timezone.localdate()
    dates = {
        "Liver risks": today - datetime.timedelta(days=3),
        "Dosing risks": today + datetime.timedelta(days=10),
        "Withdrawal risks": today + datetime.timedelta(days=200),
    }
    for title, due in dates.items():
        page = make_test_page(
            home,
            RiskSectionPage,
            title=title,
            slug=title.lower().replace(" ", "-"),
            medical_reviewer=reviewer_contributor,
        )
        RiskSectionPage.objects.filter(pk=page.pk).update(
            last_reviewed=due - datetime.timedelta(days=365), next_review_due=due
        )
    return dates


@pytest.fixture
def reviewer_contributor():
    return Contributor.objects.create(name="Dr A Reviewer", credentials="MBBS")


def test_review_due_report_lists_overdue_and_soon_due_pages_and_exports_csv(admin_client, review_dates):
    url = reverse("wagtail_kratom:review_due_report")
    text = admin_client.get(url).content.decode()
    assert "Liver risks" in text and "Dosing risks" in text and "Withdrawal risks" not in text
    overdue = admin_client.get(url, {"status": "overdue"}).content.decode()
    assert "Liver risks" in overdue and "Dosing risks" not in overdue
    export = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0] == ["Page", "Next review due", "Status", "Type"]
    assert [row[:2] for row in rows[1:]] == [
        ["Liver risks", review_dates["Liver risks"].isoformat()],
        ["Dosing risks", review_dates["Dosing risks"].isoformat()],
    ]
    assert rows[1][3] == "risk section page"


def test_the_dashboard_counts_pages_due_for_review(admin_client, review_dates, settings):
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 page overdue for review" in text and "1 page due for review within 30 days" in text
    settings.WAGTAIL_KRATOM = {"REVIEW_DUE_WINDOW_DAYS": 365}
    text = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 pages due for review within 365 days" in text


def test_the_report_lists_exactly_the_demo_pages_due(client, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-password-123")
    call_command("load_initial_data", stdout=StringIO())
    assert client.login(username="reviewer", password="demo-password-123")
    today = timezone.localdate()
    overdue, soon, *_rest = RiskSectionPage.objects.live().order_by("path")
    RiskSectionPage.objects.filter(pk=overdue.pk).update(next_review_due=today - datetime.timedelta(days=1))
    RiskSectionPage.objects.filter(pk=soon.pk).update(next_review_due=today + datetime.timedelta(days=29))
    export = client.get(reverse("wagtail_kratom:review_due_report"), {"export": "csv"})
    rows = list(csv.reader(StringIO(b"".join(export.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == [overdue.title, soon.title]
