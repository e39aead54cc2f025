"""The one error the publishing library raises for input it cannot turn into an article."""


class ArticleParseError(ValueError):
    """Input that cannot become an article, with the source line to look at when there is one.

    It subclasses ``ValueError`` so callers that already catch bad values keep working. ``str()``
    gives a sentence an editor can act on, e.g. "line 7: the table of contents lists “X”, but no
    heading matches it", so the importer can show it as it is.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        # Both go to ``args`` so the error survives pickling (multiprocessing, task queues).
        super().__init__(message, line)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return f"line {self.line}: {self.message}"
