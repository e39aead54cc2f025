"""System checks that catch a misconfigured ``WAGTAIL_KRATOM`` or missing apps at startup."""

import re

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import Context, Template, TemplateDoesNotExist, TemplateSyntaxError
from django.template.backends.django import Template as DjangoBackendTemplate
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.utils.module_loading import import_string

from .article_types import ArticlePageBase
from .conf import SETTINGS, get_setting
from .disclaimers import BUILT_IN_KINDS, Disclaimer, get_kind_choices, is_kind_pair
from .gate import CHECKS
from .publishing.audit import RULE_IDS, SEVERITIES, ClaimRule

REQUIRED_APPS = ["wagtail.contrib.settings", "taggit", "modelcluster"]

#: The documentation online: hints name pages there, as an installed package has no docs/ folder.
DOCS_URL = "https://github.com/wagtail-kratom/wagtail-kratom/blob/main/docs/"

#: The template every article page extends, and the block in it that carries the JSON-LD.
BASE_TEMPLATE = "wagtail_kratom/base.html"
HEAD_BLOCK = "extra_head"
STYLESHEET = "wagtail_kratom/css/kratom.css"


@register(Tags.compatibility)
def check_required_apps(app_configs, **kwargs):
    return [
        Error(
            f"wagtail_kratom needs '{app}' in INSTALLED_APPS.",
            hint=f"Add '{app}' to INSTALLED_APPS; see {DOCS_URL}installation.md.",
            id="wagtail_kratom.E001",
        )
        for app in REQUIRED_APPS
        if not apps.is_installed(app)
    ]


@register()
def check_settings(app_configs, **kwargs):
    """Each configured key of ``WAGTAIL_KRATOM`` is known and passes the check of its definition (``SETTINGS``)."""
    config = getattr(settings, "WAGTAIL_KRATOM", {})
    if not isinstance(config, dict):
        return [
            Error(
                "WAGTAIL_KRATOM must be a dict.",
                hint=f"Set WAGTAIL_KRATOM = {{...}} with the keys listed in {DOCS_URL}configuration.md.",
                id="wagtail_kratom.E002",
            )
        ]
    errors = [
        Error(
            f"WAGTAIL_KRATOM has an unknown key '{key}'.",
            hint=f"Known keys: {', '.join(sorted(SETTINGS))}; see {DOCS_URL}configuration.md.",
            id="wagtail_kratom.E003",
        )
        for key in config
        if key not in SETTINGS
    ]
    for name, setting in SETTINGS.items():
        if name not in config or setting.check is None:
            continue
        value = config[name]
        if isinstance(setting.check, str):
            errors.extend(import_string(setting.check)(value))
        elif not setting.check.accepts(value):
            example = setting.check.example or f"{setting.default}, the default"
            errors.append(
                Error(
                    f"WAGTAIL_KRATOM['{name}'] {setting.check.must}.",
                    hint=f"For example {example}; see {DOCS_URL}configuration.md.",
                    id=setting.check.check_id,
                )
            )
    return errors


def check_extra_disclaimer_kinds(kinds) -> list[Error]:
    """Each extra kind must be a new ("kind", "Label") pair that fits the kind column."""
    hint = f'Write EXTRA_DISCLAIMER_KINDS as a list of ("kind", "Label") pairs; see {DOCS_URL}disclaimers.md.'
    if not isinstance(kinds, (list, tuple)):
        return [Error("WAGTAIL_KRATOM['EXTRA_DISCLAIMER_KINDS'] must be a list.", hint=hint, id="wagtail_kratom.E005")]
    errors = []
    taken = {kind for kind, _label in BUILT_IN_KINDS}
    max_length = Disclaimer._meta.get_field("kind").max_length
    for choice in kinds:
        if not is_kind_pair(choice):
            problem = "is not a (kind, label) pair"
        elif choice[0] in taken:
            problem = "repeats a kind that already exists"
        elif not choice[0] or len(choice[0]) > max_length:
            problem = f"must have a kind of 1 to {max_length} characters"
        else:
            taken.add(choice[0])
            continue
        errors.append(
            Error(
                f"WAGTAIL_KRATOM['EXTRA_DISCLAIMER_KINDS'] entry {choice!r} {problem}.",
                hint=hint,
                id="wagtail_kratom.E005",
            )
        )
    return errors


def check_page_model_lists(key: str, configured, *, known, noun: str, unknown_hint: str, check_id: str) -> list[Error]:
    """A setting of ``{"app_label.PageModel": [...]}``: installed article page models mapped to known values."""
    example = ", ".join(f'"{value}"' for value in list(known)[:3])
    hint = f'Write {key} as {{"app_label.PageModel": [{example}]}}; see {DOCS_URL}configuration.md.'
    if not isinstance(configured, dict):
        return [Error(f"WAGTAIL_KRATOM['{key}'] must be a dict.", hint=hint, id=check_id)]
    errors = []
    for label, values in configured.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError, TypeError):
            model = None
        if model is None or not issubclass(model, ArticlePageBase):
            problem = "is not an installed article page model"
        elif not isinstance(values, (list, tuple)) or not all(isinstance(value, str) for value in values):
            problem = f"must map to a list of {noun}"
        elif unknown := [value for value in values if value not in known]:
            problem = f"lists unknown {noun} {', '.join(unknown)} ({unknown_hint})"
        else:
            continue
        errors.append(Error(f"WAGTAIL_KRATOM['{key}'] entry {label!r} {problem}.", hint=hint, id=check_id))
    return errors


def check_required_disclaimer_kinds(required) -> list[Error]:
    """Each entry must name an installed article page model and list kinds that exist."""
    return check_page_model_lists(
        "REQUIRED_DISCLAIMER_KINDS",
        required,
        known=[kind for kind, _label in get_kind_choices()],
        noun="kinds",
        unknown_hint="add them to EXTRA_DISCLAIMER_KINDS",
        check_id="wagtail_kratom.E007",
    )


def check_go_live_checks(configured) -> list[Error]:
    """Each entry must name an installed article page model and list checks the gate knows."""
    return check_page_model_lists(
        "GO_LIVE_CHECKS",
        configured,
        known=CHECKS,
        noun="checks",
        unknown_hint=f"known: {', '.join(CHECKS)}",
        check_id="wagtail_kratom.E009",
    )


def read_claim_rules(extra_rules) -> list[ClaimRule | Exception]:
    """Each of a project's claim rules, built and compiled, or the error that stops it."""
    rules: list[ClaimRule | Exception] = []
    for rule in extra_rules if isinstance(extra_rules, list) else [extra_rules]:
        try:
            claim = ClaimRule(**rule)
            claim.compiled()
            if claim.severity not in SEVERITIES:
                raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}")
        except (TypeError, ValueError, re.error) as error:
            rules.append(error)
        else:
            rules.append(claim)
    return rules


def check_extra_claim_rules(extra_rules) -> list[Error]:
    """Extra claim rules must build and compile."""
    return [
        Error(
            f"WAGTAIL_KRATOM['AUDIT_EXTRA_CLAIM_RULES'][{index}] is not a valid claim rule: {error}.",
            hint=(
                'Give a dict: {"id": "claim.…", "pattern": r"…", "message": "says …", "severity": "error"}; '
                f"see {DOCS_URL}importer-and-audit.md."
            ),
            id="wagtail_kratom.E008",
        )
        for index, error in enumerate(read_claim_rules(extra_rules))
        if isinstance(error, Exception)
    ]


def check_disabled_rules(disabled) -> list[Warning]:
    """Disabled ids should name rules that exist: the audit's, or the project's own claim rules."""
    extra_rules = read_claim_rules(get_setting("AUDIT_EXTRA_CLAIM_RULES"))
    known = {*RULE_IDS, *(rule.id for rule in extra_rules if isinstance(rule, ClaimRule))}
    if not isinstance(disabled, list | tuple):
        disabled = [disabled]
    return [
        Warning(
            f"WAGTAIL_KRATOM['AUDIT_DISABLED_RULES'] names '{rule_id}', which is no audit rule.",
            hint=f"Known rules: {', '.join(sorted(known))}; see {DOCS_URL}importer-and-audit.md.",
            id="wagtail_kratom.W002",
        )
        for rule_id in disabled
        if rule_id not in known
    ]


@register(Tags.compatibility)
def check_api_rich_text_format(app_configs, **kwargs):
    """Rich text in Wagtail's APIs should reach consumers as HTML with real links; a site with no API has none."""
    if not (apps.is_installed("wagtail.api.v2") or apps.is_installed("wagtail.api.v3")):
        return []
    if getattr(settings, "WAGTAILAPI_RICH_TEXT_FORMAT", "db_html") in ("html", "markdown"):
        return []
    return [
        Warning(
            "Wagtail's APIs serve rich text in its database format, with linktype placeholders instead of URLs.",
            hint=f'Set WAGTAILAPI_RICH_TEXT_FORMAT = "html"; see {DOCS_URL}installation.md.',
            id="wagtail_kratom.W001",
        )
    ]


@register(Tags.templates)
def check_base_template(app_configs, **kwargs):
    """A site's own ``wagtail_kratom/base.html`` must keep the head block and the stylesheet article pages need.

    Article pages put their JSON-LD in ``extra_head``; a base template without that block, such as the one
    ``wagtail start`` makes, drops it without an error, and the stylesheet with it.
    """
    try:
        template = get_template(BASE_TEMPLATE)
    except (TemplateDoesNotExist, TemplateSyntaxError):
        return []
    if not isinstance(template, DjangoBackendTemplate):
        return []
    if (rendered := rendered_blocks(template.template)) is None:
        return []
    blocks, sources = rendered
    missing = []
    if HEAD_BLOCK not in blocks:
        missing.append(f"the {{% block {HEAD_BLOCK} %}} that carries the JSON-LD")
    if not any(STYLESHEET in source for source in sources):
        missing.append(f"a link to {STYLESHEET}")
    if not missing:
        return []
    return [
        Warning(
            f"Article pages lose {' and '.join(missing)}: your {BASE_TEMPLATE} ({template.origin.name}) leaves "
            f"{'them' if len(missing) > 1 else 'it'} out.",
            hint=(
                f"Map the block and link the stylesheet in your {BASE_TEMPLATE}, for example inside your base "
                f"template's extra_css block; see {DOCS_URL}installation.md#6-use-your-sites-base-template."
            ),
            id="wagtail_kratom.W003",
        )
    ]


def rendered_blocks(template: Template) -> tuple[set[str], list[str]] | None:
    """The names of the blocks that ``template`` renders, following its ``{% extends %}`` chain, and its sources.

    A block a child template defines is rendered only if the template it extends renders a block of that name;
    blocks nested inside a rendered block are rendered too. None when a parent cannot be found without a
    request's context (``{% extends some_variable %}``).
    """
    chain = [template]
    context = Context()
    context.template = template
    while extends := next(iter(template.nodelist.get_nodes_by_type(ExtendsNode)), None):
        try:
            template = extends.get_parent(context)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            return None
        chain.append(template)
    rendered = {node.name for node in chain[-1].nodelist.get_nodes_by_type(BlockNode)}
    for child in reversed(chain[:-1]):
        for node in child.nodelist.get_nodes_by_type(BlockNode):
            if node.name in rendered:
                rendered |= {nested.name for nested in node.nodelist.get_nodes_by_type(BlockNode)}
    return rendered, [getattr(part, "source", "") for part in chain]
