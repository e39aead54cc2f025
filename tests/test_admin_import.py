"""The admin's "Import articles" views: permissions, bad input, preview, drafts, batches and sources."""

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.testapp.models import OrdinaryPage
from tests.utils import make_admin_group, make_test_page
from wagtail_kratom.base_page import BasePage
from wagtail_kratom.import_service import docx_to_html, import_batch_task, import_source, read_source
from wagtail_kratom.import_sources import ImportBatch, ImportBatchFile, ImportedSource
from wagtail_kratom.models import RiskSectionPage, SafeUseGuidePage, TopicOverviewPage
from wagtail_kratom.publishing import parse

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
IMPORT_URL = reverse("wagtail_kratom:import_articles")


def make_docx(blocks: list[tuple[str, str]]) -> bytes:
    """A minimal Word document: ``blocks`` are (style, text) pairs, style "" for a plain paragraph."""

    def paragraph(style: str, text: str) -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    word = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/></w:style>'
        for level in (1, 2, 3)
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="styles.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
            "</Relationships>"
        ),
        "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {word}>{styles}</w:styles>',
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {word}><w:body>'
            + "".join(paragraph(style, text) for style, text in blocks)
            + "</w:body></w:document>"
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_of_text_article(text: str) -> bytes:
    """The plain-text article as a Word document: its title, summary and introduction, then its sections."""
    article = parse(text)
    blocks = [("Heading1", article.title), ("", article.summary.text)]
    blocks += [("", paragraph.text) for paragraph in article.intro]
    for section in article.sections:
        blocks.append(("Heading2", section.heading))
        blocks += [("", paragraph.text) for paragraph in section.paragraphs]
    blocks += [("", paragraph.text) for paragraph in article.conclusion]
    return make_docx(blocks)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def editor(django_user_model, home):
    """A Wagtail editor with the import permission who may add pages under the home page only."""
    group = make_admin_group(
        "Importers",
        home,
        (BasePage.PERMISSION_CODENAMES.ADD, BasePage.PERMISSION_CODENAMES.CHANGE),
        Permission.objects.get(content_type__app_label="wagtail_kratom", codename="import_articles"),
    )
    user = django_user_model.objects.create_user("importer", password="importer-pass-123")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post_upload(client, parent, *files, pasted=""):
    return client.post(IMPORT_URL, {"files": list(files), "pasted": pasted, "parent": parent.pk})


class TestImportPermission:
    def test_an_editor_sees_the_menu_item_and_the_form(self, editor_client):
        response = editor_client.get(reverse("wagtailadmin_home"))
        assert IMPORT_URL in response.content.decode()
        assert editor_client.get(IMPORT_URL).status_code == 200

    def test_without_the_permission_the_view_is_refused(self, client, editor):
        editor.groups.get().permissions.remove(Permission.objects.get(codename="import_articles"))
        client.force_login(editor)
        assert client.get(IMPORT_URL).status_code == 302  # Wagtail's permission denied: back to the dashboard
        assert IMPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()

    def test_an_editor_without_add_rights_under_the_parent_cannot_import_there(self, editor_client, home):
        other_home = OrdinaryPage(title="Another section", slug="another-section")
        BasePage.get_first_root_node().add_child(instance=other_home)
        response = post_upload(editor_client, other_home, upload("a.txt", (FIXTURES / "article-a.txt").read_bytes()))
        assert response.status_code == 200
        assert "You may not add pages under" in response.content.decode()
        assert not ImportBatch.objects.exists()
        assert not TopicOverviewPage.objects.exists()


class TestBadInput:
    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("empty.txt", b"  \n", "empty.txt: the file is empty."),
            ("photo.png", b"\x89PNG....", "photo.png: “.png” files cannot be imported"),
            ("binary.txt", b"abc\x00def", "binary.txt: this looks like a binary file"),
            ("latin.txt", "Line one\nCafé\n".encode("latin-1"), "latin.txt, line 2: the file is not UTF-8 text"),
            ("broken.docx", b"not a zip file", "broken.docx: this is not a Word .docx document"),
            ("toc.txt", b"Summary.\nIntro.\n- Missing heading\nOther\nText.\n", "toc.txt, line 3:"),
        ],
    )
    def test_a_bad_file_is_named_in_a_form_error_and_nothing_is_written(self, editor_client, home, name, data, message):
        response = post_upload(
            editor_client, home, upload("good.txt", (FIXTURES / "article-a.txt").read_bytes()), upload(name, data)
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not ImportBatch.objects.exists()
        assert not TopicOverviewPage.objects.exists()

    def test_files_over_the_size_limit_and_too_many_files_are_refused(self, editor_client, home, settings):
        settings.WAGTAIL_KRATOM = {"IMPORT_MAX_FILE_SIZE": 100, "IMPORT_MAX_FILES": 1}
        data = (FIXTURES / "article-a.txt").read_bytes()
        text = post_upload(editor_client, home, upload("a.txt", data)).content.decode()
        assert "a.txt: the file is" in text and "IMPORT_MAX_FILE_SIZE" in text
        text = post_upload(editor_client, home, upload("a.txt", b"x"), upload("b.txt", b"y")).content.decode()
        assert "IMPORT_MAX_FILES" in text
        assert not ImportBatch.objects.exists()

    def test_nothing_to_import(self, editor_client, home):
        assert "Choose a file to upload or paste an article." in post_upload(editor_client, home).content.decode()


def preview_form(batch: ImportBatch, **changes) -> dict:
    """The preview form's fields as shown, with ``changes`` (field name suffix → value) applied."""
    data = {}
    for batch_file in batch.files.all():
        article = parse(
            batch_file.source_text, format="html" if batch_file.source_format == "docx" else batch_file.source_format
        )
        for index, section in enumerate(article.sections):
            if not section.is_subsection:
                data[f"file-{batch_file.pk}-role-{index}"] = changes.pop(f"role-{index}", None) or ""
    data.update({f"file-{batch.files.first().pk}-{key}": value for key, value in changes.items()})
    return {key: value for key, value in data.items() if value}


class TestPreviewAndCreate:
    def test_preview_shows_the_plan_reasons_facts_and_findings_on_the_source(self, editor_client, home):
        text = (FIXTURES / "article-b.txt").read_bytes()
        response = post_upload(editor_client, home, pasted=text.decode())
        batch = ImportBatch.objects.get()
        assert response.url == reverse("wagtail_kratom:import_preview", args=[batch.pk])
        page = editor_client.get(response.url).content.decode()
        article = parse(text)
        assert article.title in page
        assert "Topic overview (hub)" in page and "Safe-use guide" in page
        assert "heading mentions" in page or "text mentions" in page
        # The claim finding's sentence is marked on its line, with the message beside it.
        assert "<mark>A strong kratom extract cures opioid addiction in a few days.</mark>" in page
        assert 'data-kratom-finding="claim.cure"' in page
        assert not TopicOverviewPage.objects.exists()

    def test_role_title_and_left_out_changes_update_the_preview_then_the_drafts(self, editor_client, home):
        post_upload(editor_client, home, upload("b.txt", (FIXTURES / "article-b.txt").read_bytes()))
        batch = ImportBatch.objects.get()
        url = reverse("wagtail_kratom:import_preview", args=[batch.pk])
        # Section 1 ("How Extracts Are Marketed…") goes to a risk page; section 2 is left out; the hub is retitled.
        form = preview_form(batch, **{"role-1": "risk", "leave-2": "1", "title-overview": "Kratom extracts"})
        response = editor_client.post(url, {**form, "action": "preview"})
        assert response.url == url
        page = editor_client.get(url).content.decode()
        assert 'value="Kratom extracts"' in page and "chosen by you" in page and "kratom-import__left-out" in page
        assert not TopicOverviewPage.objects.exists()

        response = editor_client.post(url, {**form, "action": "create"})
        result_url = reverse("wagtail_kratom:import_result", args=[batch.pk])
        assert response.url == result_url
        hub = TopicOverviewPage.objects.get()
        assert (hub.title, hub.live) == ("Kratom extracts", False)
        assert [section["heading"] for section in hub.sections] == ["Understanding Kratom Extracts"]
        [risk] = [page.specific for page in hub.get_children()]
        assert (type(risk), risk.title) == (RiskSectionPage, "How Extracts Are Marketed for Recovery")
        result = editor_client.get(result_url).content.decode()
        assert reverse("wagtailadmin_pages:edit", args=[hub.pk]) in result and "created" in result
        source = ImportedSource.objects.get(page=hub)
        assert (source.file_name, source.source_format, source.imported_by.username) == ("b.txt", "text", "importer")

    def test_a_docx_imports_to_the_same_pages_as_its_text(self, home, editor):
        text = (FIXTURES / "article-a.txt").read_bytes()
        as_text = read_source("article-a.txt", text)
        as_docx = read_source("article-a.docx", docx_of_text_article(text.decode()))
        assert as_docx.source_format == "docx"

        def pages(parent):
            return [
                (
                    page.specific_class,
                    page.title,
                    page.slug,
                    page.specific.summary,
                    page.specific.intro,
                    page.specific.conclusion,
                    [(s["heading"], [b.block_type for b in s["content"]]) for s in page.specific.sections],
                )
                for page in parent.get_descendants().order_by("path")
            ]

        text_parent = OrdinaryPage(title="From text", slug="text-parent")
        word_parent = OrdinaryPage(title="From Word", slug="word-parent")
        home.add_child(instance=text_parent)
        home.add_child(instance=word_parent)
        import_source(as_text, text_parent, user=editor)
        import_source(as_docx, word_parent, user=editor)
        assert pages(text_parent) == pages(word_parent)
        assert [cls for cls, *_rest in pages(word_parent)] == [TopicOverviewPage, RiskSectionPage, SafeUseGuidePage]

    def test_reimporting_a_changed_source_adds_a_draft_revision_and_an_unchanged_one_changes_nothing(
        self, home, editor
    ):
        text = (FIXTURES / "article-c.txt").read_text()
        import_source(read_source("c.txt", text.encode()), home, user=editor)
        hub = TopicOverviewPage.objects.get()
        # As if it had gone live through the gate: the page row holds the live version.
        TopicOverviewPage.objects.filter(pk=hub.pk).update(live=True, has_unpublished_changes=False)
        live_summary = hub.summary
        revisions = hub.revisions.count()
        result = import_source(read_source("c.txt", text.encode()), home, user=editor)
        assert {outcome.action for outcome in result.pages} == {"unchanged"}
        assert hub.revisions.count() == revisions

        changed = text.replace(parse(text).summary.text, "A new summary of the article, checked by an editor.")
        result = import_source(read_source("c.txt", changed.encode()), home, user=editor)
        assert result.pages[0].action == "updated"
        hub.refresh_from_db()
        assert hub.revisions.count() == revisions + 1
        assert (hub.live, hub.summary, hub.has_unpublished_changes) == (True, live_summary, True)
        assert hub.get_latest_revision_as_object().summary == "A new summary of the article, checked by an editor."
        assert ImportedSource.objects.get(page=hub).source_text == changed


class TestBatch:
    def test_a_batch_runs_as_a_task_and_a_failed_file_does_not_stop_the_others(
        self, editor_client, home, django_capture_on_commit_callbacks
    ):
        files = [upload(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("article-*.txt"))]
        post_upload(editor_client, home, *files, upload("label.md", (FIXTURES / "product-label.md").read_bytes()))
        batch = ImportBatch.objects.get()
        # A page already at the second article's hub slug, of another type, makes that one file fail.
        blocker = parse((FIXTURES / "article-b.txt").read_text()).slug
        home.add_child(instance=OrdinaryPage(title="Blocker", slug=blocker))
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(
                reverse("wagtail_kratom:import_preview", args=[batch.pk]), {"action": "create"}
            )
        result_url = reverse("wagtail_kratom:import_result", args=[batch.pk])
        assert response.url == result_url
        statuses = dict(batch.files.values_list("file_name", "status"))
        assert statuses == {
            "article-a.txt": "done",
            "article-b.txt": "failed",
            "article-c.txt": "done",
            "label.md": "done",
        }
        failed = batch.files.get(status=ImportBatchFile.FAILED)
        assert "rename one of them" in failed.message
        assert not TopicOverviewPage.objects.filter(slug=blocker).exists()
        page = editor_client.get(result_url).content.decode()
        assert "Not imported, nothing of it was written" in page and 'value="4"' in page
        progress = editor_client.get(reverse("wagtail_kratom:import_progress", args=[batch.pk])).json()
        assert (progress["done"], progress["total"], progress["finished"]) == (4, 4, True)

    def test_a_queued_batch_survives_the_browser_and_its_progress_moves(
        self, editor_client, home, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        files = [upload(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("article-[ab].txt"))]
        post_upload(editor_client, home, *files)
        batch = ImportBatch.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(reverse("wagtail_kratom:import_preview", args=[batch.pk]), {"action": "create"})
        progress_url = reverse("wagtail_kratom:import_progress", args=[batch.pk])
        assert editor_client.get(progress_url).json()["done"] == 0
        page = editor_client.get(reverse("wagtail_kratom:import_result", args=[batch.pk])).content.decode()
        assert "0 of 2 done" in page and "import-progress.js" in page
        # The worker picks the task up later, whether or not the editor still has the page open.
        import_batch_task.call(batch.pk)
        progress = editor_client.get(progress_url).json()
        assert (progress["done"], progress["finished"]) == (2, True)
        assert "article-a.txt: imported" in progress["html"]
        assert TopicOverviewPage.objects.count() == 2

    def test_a_batch_is_only_the_uploaders(self, client, home, editor, admin_user):
        batch = ImportBatch.objects.create(parent=home, user=admin_user)
        client.force_login(editor)
        assert client.get(reverse("wagtail_kratom:import_result", args=[batch.pk])).status_code == 404


class TestSourcePanel:
    def test_the_docx_source_is_kept_one_block_a_line(self):
        html = docx_to_html(make_docx([("Heading1", "Title"), ("", "One."), ("", "Two.")]))
        assert html.splitlines() == ["<h1>Title</h1>", "<p>One.</p>", "<p>Two.</p>"]


class TestSourcePanelInEditor:
    def test_the_panel_shows_the_source_with_its_findings(self, rf, home, editor):
        from wagtail_kratom.panels import ImportSourcePanel

        import_source(read_source("b.txt", (FIXTURES / "article-b.txt").read_bytes()), home, user=editor)
        hub = TopicOverviewPage.objects.get()
        request = rf.get("/")
        request.user = editor
        panel = ImportSourcePanel(heading="Source").bind_to_model(TopicOverviewPage)
        bound = panel.get_bound_panel(instance=hub, request=request, form=None)
        assert bound.is_shown()
        html = bound.render_html()
        assert "Imported from <strong>b.txt</strong> (Plain text)" in html and "importer" in html
        assert "<mark>A strong kratom extract cures opioid addiction in a few days.</mark>" in html
        other = ImportSourcePanel(heading="Source").bind_to_model(TopicOverviewPage)
        page = make_test_page(home, TopicOverviewPage, title="Written here", slug="written-here", publish=False)
        assert not other.get_bound_panel(instance=page, request=request, form=None).is_shown()

    def test_the_page_editor_has_a_source_tab(self, editor_client, home, editor):
        import_source(read_source("b.txt", (FIXTURES / "article-b.txt").read_bytes()), home, user=editor)
        hub = TopicOverviewPage.objects.get()
        html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk])).content.decode()
        assert "Imported source" in html and "<mark>A strong kratom extract" in html
