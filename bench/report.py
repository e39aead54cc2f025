"""The benchmark's one table (Markdown, so that docs/performance.md can hold it as printed) and its JSON."""

from dataclasses import dataclass

#: Targets from issue 19: render and a page's API detail within 2× the plain page, a listing of twenty within 2.5×.
MAX_PAGE_RATIO = 2.0
MAX_LISTING_RATIO = 2.5
#: The import against plain pages written through the same Wagtail calls (issue 19).
MAX_IMPORT_RATIO = 1.5
#: The admin's page editor against a plain page's (issue 19).
MAX_EDITOR_RATIO = 2.0
#: Publishing among the most siblings against among the fewest: flat, within the noise of a loaded machine.
MAX_PUBLISH_GROWTH = 1.25
MIN_IMPORT_RATIO = 0.9
MIN_IMPORT_RATE = 40


def max_ratio(case: str) -> float:
    """The target ratio of a render or API case: a listing serves twenty pages at once."""
    return MAX_LISTING_RATIO if "listing" in case else MAX_PAGE_RATIO


#: A cached page serves at least this share of the static file's requests per second.
MIN_CACHED_TO_STATIC = 0.6

COLUMNS = ("Section", "Case", "Pages", "Ours", "Baseline", "Ratio", "Spread", "Queries", "Size", "Latency", "Target")


@dataclass
class Row:
    section: str
    case: str
    pages: str = ""
    ours: str = ""
    baseline: str = ""
    ratio: str = ""
    spread: str = ""
    queries: str = ""
    size: str = ""
    latency: str = ""
    target: str = ""

    def cells(self) -> tuple[str, ...]:
        return (
            self.section,
            self.case,
            self.pages,
            self.ours,
            self.baseline,
            self.ratio,
            self.spread,
            self.queries,
            self.size,
            self.latency,
            self.target,
        )


def verdict(met: bool, target: str) -> str:
    return f"{target}: {'met' if met else 'MISSED'}"


def markdown_table(rows: list[Row]) -> str:
    lines = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(COLUMNS))]

    def format_line(cells) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    return "\n".join(
        [format_line(COLUMNS), "|" + "|".join("-" * (width + 2) for width in widths) + "|"]
        + [format_line(row.cells()) for row in rows]
    )


def kilobytes(ours: int, baseline: int) -> str:
    return f"{ours / 1000:,.0f} / {baseline / 1000:,.0f} kB"


def percent(fraction: float) -> str:
    return f"±{fraction * 50:.0f}%"
