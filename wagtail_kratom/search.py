"""Search queries cleaned before they reach Wagtail's search backends, which fail on some input.

Wagtail 8.0's database backend raises a server error for a query with an odd number of double
quotes or made only of spaces (SQLite's FTS5 syntax), a NUL character (PostgreSQL text cannot
hold one) or a few hundred words (PostgreSQL: the query tree recurses beyond Python's limit).
"""

from django.utils.translation import gettext_lazy as _

#: The most words a search may have; enough for any question a reader types.
MAX_SEARCH_WORDS = 32


class SearchQueryRefused(ValueError):
    """A search query no backend should be asked; its message says why, to the reader."""


def clean_search_query(query: str) -> str:
    """``query`` as words separated by single spaces, without control characters or an unpaired quote.

    Raises ``SearchQueryRefused`` when it has more than ``MAX_SEARCH_WORDS`` words. Paired
    double quotes are kept: they ask for a phrase.
    """
    text = "".join(character for character in query if character.isprintable() or character.isspace())
    if text.count('"') % 2:
        text = text.replace('"', " ")
    words = text.split()
    if len(words) > MAX_SEARCH_WORDS:
        raise SearchQueryRefused(_("Search for at most %(count)d words.") % {"count": MAX_SEARCH_WORDS})
    return " ".join(words)
