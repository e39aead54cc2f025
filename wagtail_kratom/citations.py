"""A page's numbered citations, and the rule that structured items cite only numbers the list has."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from .blocks import CitationBlock

#: Block names whose values cite the page's numbered citations.
CITING_BLOCKS = ("risk", "dosage", "interactions")


class ArticleCitationsMixin(models.Model):
    """The page's citation list; its structured items cite the list by number."""

    citations = StreamField(
        [("citation", CitationBlock())],
        blank=True,
        verbose_name=_("citations"),
        help_text=_("Numbered references, in the order the page cites them; structured items cite them by number."),
    )

    class Meta:
        abstract = True

    def check_citation_numbers(self) -> str | None:
        """Explain the first structured item that cites a number the citation list lacks."""
        count = len(self.citations)
        for block_type in CITING_BLOCKS:
            for value in self.structured_blocks(block_type):
                items = value["rows"] if block_type == "interactions" else [value]
                for item in items:
                    missing = [number for number in item["citations"] if number > count]
                    if missing:
                        name = item.get("name") or item.get("substance") or _("The dosage table")
                        return _(
                            "“%(name)s” cites %(numbers)s, but the page lists %(count)d citations. "
                            "Add the source under Citations or correct the number."
                        ) % {"name": name, "numbers": ", ".join(map(str, missing)), "count": count}
        return None
