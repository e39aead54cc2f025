"""Admin wiring: snippet viewsets, reports, the settings menu item, and the admin's side of the go-live gate.

The rules themselves live in ``gate`` and on the models; these hooks ask them before
Wagtail's admin views write, and turn refusals into messages on the editor's screen.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.contrib.settings.registry import register_setting
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .acceptances import FINDING_ACCEPTED_LOG_ACTION
from .admin_import import user_may_import
from .disclaimers import Disclaimer, DisclaimerInUse
from .gate import go_live_refusals, refusals_on_site
from .go_live import PUBLISH_REFUSED_LOG_ACTION
from .pages import ArticlePageMixin
from .site_settings import KratomSiteSettings
from .snippets import Contributor
from .views import ReviewDuePanel


class ContributorViewSet(SnippetViewSet):
    model = Contributor
    icon = "user"
    menu_label = _("Contributors")
    list_display = ["name", "credentials", "role"]
    search_fields = ["name", "role"]


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    menu_label = _("Disclaimers")
    list_display = ["title", "kind", "active"]
    list_filter = ["kind", "active", "live"]


register_snippet(ContributorViewSet)
register_snippet(DisclaimerViewSet)
register_setting(KratomSiteSettings, icon="time")


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(PUBLISH_REFUSED_LOG_ACTION)
    class PublishRefusedFormatter(LogFormatter):
        label = _("Publishing refused")

        def format_message(self, log_entry):
            return _("Scheduled publishing refused: %(message)s") % {"message": log_entry.data.get("message", "")}

    @actions.register_action(FINDING_ACCEPTED_LOG_ACTION)
    class FindingAcceptedFormatter(LogFormatter):
        label = _("Finding accepted by a medical reviewer")

        def format_message(self, log_entry):
            return _("Accepted %(rule)s on “%(quote)s”: %(reason)s") % {
                "rule": log_entry.data.get("rule", ""),
                "quote": log_entry.data.get("quote", ""),
                "reason": log_entry.data.get("reason", ""),
            }


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(content_type__app_label="wagtail_kratom", codename="add_findingacceptance")


@hooks.register("register_permissions")
def register_import_permissions():
    return Permission.objects.filter(content_type__app_label="wagtail_kratom", codename="import_articles")


class ImportArticlesMenuItem(MenuItem):
    """The "Import articles" menu item, shown to users who may import and add a page somewhere."""

    def is_shown(self, request):
        return user_may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    url = reverse("wagtail_kratom:import_articles")
    return ImportArticlesMenuItem(_("Import articles"), url, name="kratom-import", icon_name="upload", order=250)


def refuse(request, errors: list, fallback_url: str):
    for error in errors:
        messages.error(request, error.message)
    return redirect(request.GET.get("next") or fallback_url)


@hooks.register("before_delete_snippet")
def refuse_deleting_disclaimers_in_use(request, instances):
    errors = []
    for instance in instances:
        if isinstance(instance, Disclaimer):
            try:
                instance.check_can_withdraw(_("deleted"))
            except DisclaimerInUse as error:
                errors.append(error)
    if errors:
        return refuse(request, errors, reverse(DisclaimerViewSet().get_url_name("list")))
    return None


@hooks.register("before_unpublish")
def refuse_unpublishing_disclaimers_in_use(request, instance):
    if isinstance(instance, Disclaimer):
        try:
            instance.check_can_withdraw(_("unpublished"))
        except DisclaimerInUse as error:
            return refuse(request, [error], AdminURLFinder(request.user).get_edit_url(instance))
    return None


@hooks.register("before_publish_page")
def refuse_publishing_pages_that_may_not_go_live(request, page):
    """The admin's Publish button: Wagtail has saved the draft; the gate decides whether it goes live."""
    if refusals := go_live_refusals([page]):
        messages.error(request, _("Your changes are saved as a draft. %(refusal)s") % {"refusal": refusals[0].message})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_copy_page")
def say_which_copies_stayed_drafts(request, page, new_page):
    """Copies asked to be published that may not go live were made as drafts; say why, page by page."""
    if not request.POST.get("publish_copies"):
        return
    drafts = [copy.specific for copy in new_page.get_descendants(inclusive=True).not_live()]
    for refusal in go_live_refusals(drafts):
        messages.warning(request, _("The copy is a draft. %(refusal)s") % {"refusal": refusal.message})


@hooks.register("before_bulk_action")
def refuse_bulk_actions_that_break_the_gate(request, action_type, objects, action_class_instance):
    """Bulk publish asks the gate of each page's latest draft; bulk move, of the live pages moved to another site."""
    form = getattr(action_class_instance, "cleaned_form", None)
    if action_type == "publish":
        pages = list(objects)
        if form is not None and form.cleaned_data.get("include_descendants"):
            for page in objects:
                pages.extend(page.get_descendants().not_live())
        articles = [page.specific for page in pages if issubclass(page.specific_class, ArticlePageMixin)]
        errors = go_live_refusals([page.get_latest_revision_as_object() for page in articles])
    elif action_type == "move" and form is not None:
        destination = form.cleaned_data["chooser"]
        errors = [refusal for page in objects for refusal in refusals_on_site(page, destination.get_site())]
    else:
        return None
    if errors:
        return refuse(request, errors, reverse("wagtailadmin_explore_root"))
    return None


@hooks.register("before_move_page")
def refuse_moving_live_pages_to_a_site_without_their_disclaimers(request, page_to_move, destination):
    """Site defaults belong to a site, so a live page moved to another one must still resolve its kinds there."""
    if errors := refusals_on_site(page_to_move, destination.get_site()):
        return refuse(request, errors, reverse("wagtailadmin_pages:move", args=(page_to_move.pk,)))
    return None


#: The package's reports, by URL name: their view and the path under the admin's reports.
def may_edit_pages(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class PageEditorsMenuItem(MenuItem):
    """A reports menu item shown to users who may edit or publish some page."""

    def is_shown(self, request):
        return may_edit_pages(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("", include(admin_urls, namespace="wagtail_kratom"))]


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item():
    url = reverse("wagtail_kratom:review_due_report")
    return PageEditorsMenuItem(_("Review due"), url, name="kratom-review-due", icon_name="time", order=1050)


@hooks.register("register_reports_menu_item")
def register_audit_report_menu_item():
    url = reverse("wagtail_kratom:audit_report")
    return PageEditorsMenuItem(_("Editorial audit"), url, name="kratom-audit", icon_name="warning", order=1100)


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    if may_edit_pages(request.user):
        panels.append(ReviewDuePanel(request.user))
