"""What a medical review covers: the health content of the page as the reviewer read it.

A review credits a text. When a review is recorded (a medical review task approved, or the review
date changed on the page), the page keeps a fingerprint of its health content; the go-live gate
refuses a version whose content no longer matches, so a published "reviewed by" is always about the
text readers see. Block ids, Draftail's block keys and empty paragraphs are left out: saving
unchanged text again keeps the fingerprint.
"""

import hashlib
import json
import re

from django.core.exceptions import FieldDoesNotExist

#: The fields whose words and figures a medical reviewer checks.
REVIEWED_FIELDS = ("summary", "intro", "at_a_glance", "body", "conclusion", "citations")

BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
#: Paragraphs with nothing in them: Draftail sends an empty field as "" or as "<p></p>", depending on the browser.
EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|<br\s*/?>)*</p>")


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, str):
        return EMPTY_PARAGRAPH.sub("", BLOCK_KEY.sub("", value)).strip()
    return value


def content_fingerprint(page) -> str:
    """A hash of ``page``'s health content that changes when its words or figures change, and only then."""
    content = {}
    for name in REVIEWED_FIELDS:
        try:
            field = page._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        value = getattr(page, name)
        if stream_block := getattr(field, "stream_block", None):
            # Every block read into its Python value first, so raw data given in code and data read from a
            # revision (with each block's defaults filled in) agree.
            value = stream_block.to_python(stream_block.get_prep_value(value))
            list(value)
            value = stream_block.get_prep_value(value)
        content[name] = _without_ids(value or "")
    encoded = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def review_is_recorded(page, previous_content: dict | None) -> bool:
    """Whether ``page`` records a review its last saved version (``previous_content``, a revision's data) did not.

    Read from the revision's stored data rather than a page rebuilt from it: this runs on every save, autosaves too.
    """
    if not page.last_reviewed:
        return False
    if previous_content is None:
        return True
    previous_day = previous_content.get("last_reviewed")
    return (str(page.last_reviewed), page.medical_reviewer_id) != (
        str(previous_day) if previous_day else None,
        previous_content.get("medical_reviewer"),
    )
