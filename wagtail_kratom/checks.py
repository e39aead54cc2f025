"""System checks that catch a misconfigured ``WAGTAIL_KRATOM`` or missing apps at startup."""

import re

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import Context, Template, TemplateDoesNotExist, TemplateSyntaxError
from django.template.backends.django import Template as DjangoBackendTemplate
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode

from .article_types import ArticlePageBase
from .conf import DEFAULTS
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
            hint=f"Known keys: {', '.join(sorted(DEFAULTS))}; see {DOCS_URL}configuration.md.",
            id="wagtail_kratom.E003",
        )
        for key in config
        if key not in DEFAULTS
    ]
    max_length = config.get("SUMMARY_MAX_LENGTH", DEFAULTS["SUMMARY_MAX_LENGTH"])
    if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 1:
        errors.append(
            Error(
                "WAGTAIL_KRATOM['SUMMARY_MAX_LENGTH'] must be a positive whole number.",
                hint=f"For example 600, the default; see {DOCS_URL}configuration.md.",
                id="wagtail_kratom.E004",
            )
        )
    for name in ("IMPORT_MAX_FILE_SIZE", "IMPORT_MAX_FILES"):
        limit = config.get(name, DEFAULTS[name])
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            errors.append(
                Error(
                    f"WAGTAIL_KRATOM['{name}'] must be a positive whole number.",
                    hint=f"For example {DEFAULTS[name]}, the default; see {DOCS_URL}configuration.md.",
                    id="wagtail_kratom.E010",
                )
            )
    errors.extend(check_extra_disclaimer_kinds(config.get("EXTRA_DISCLAIMER_KINDS", [])))
    errors.extend(check_required_disclaimer_kinds(config.get("REQUIRED_DISCLAIMER_KINDS", {})))
    errors.extend(check_go_live_checks(config.get("GO_LIVE_CHECKS", {})))
    errors.extend(
        check_audit_settings(config.get("AUDIT_EXTRA_CLAIM_RULES", []), config.get("AUDIT_DISABLED_RULES", []))
    )
    if not isinstance(config.get("ABOUT", {}), dict):
        errors.append(
            Error(
                "WAGTAIL_KRATOM['ABOUT'] must be a dict describing a schema.org Thing.",
                hint=f'For example {{"@type": "Substance", "name": "Kratom"}}; see {DOCS_URL}configuration.md.',
                id="wagtail_kratom.E006",
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


def check_audit_settings(extra_rules, disabled) -> list[Error | Warning]:
    """Extra claim rules must build and compile; disabled ids should name rules that exist."""
    problems: list[Error | Warning] = []
    known = set(RULE_IDS)
    if not isinstance(extra_rules, list):
        extra_rules = [extra_rules]
    for index, rule in enumerate(extra_rules):
        try:
            claim = ClaimRule(**rule)
            claim.compiled()
            if claim.severity not in SEVERITIES:
                raise ValueError(f"severity must be one of {', '.join(SEVERITIES)}")
        except (TypeError, ValueError, re.error) as error:
            problems.append(
                Error(
                    f"WAGTAIL_KRATOM['AUDIT_EXTRA_CLAIM_RULES'][{index}] is not a valid claim rule: {error}.",
                    hint=(
                        'Give a dict: {"id": "claim.…", "pattern": r"…", "message": "says …", "severity": "error"}; '
                        f"see {DOCS_URL}importer-and-audit.md."
                    ),
                    id="wagtail_kratom.E008",
                )
            )
        else:
            known.add(claim.id)
    if not isinstance(disabled, list | tuple):
        disabled = [disabled]
    problems += [
        Warning(
            f"WAGTAIL_KRATOM['AUDIT_DISABLED_RULES'] names '{rule_id}', which is no audit rule.",
            hint=f"Known rules: {', '.join(sorted(known))}; see {DOCS_URL}importer-and-audit.md.",
            id="wagtail_kratom.W002",
        )
        for rule_id in disabled
        if rule_id not in known
    ]
    return problems


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
