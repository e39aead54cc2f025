"""Precision and recall of the claim audit on the labelled corpus (``make eval-audit``).

The corpus is ``eval/audit_corpus.tsv``; a sentence belongs to the test split when the first
eight hex digits of its UTF-8 SHA-256, read as a number, modulo 100, are below 35. Tuning looks
at the train split only; this script reports the test split unless told otherwise.
"""

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

from wagtail_kratom.publishing.claims import CATEGORIES, detect

CORPUS = Path(__file__).resolve().parent / "audit_corpus.tsv"
CAREFUL = "careful"
TEST_SHARE = 35
#: The targets the issue sets on the test split.
RECALL_OVERALL, RECALL_CATEGORY, FALSE_ALARMS = 0.90, 0.80, 0.05


def in_test_split(sentence: str) -> bool:
    return int(hashlib.sha256(sentence.encode()).hexdigest()[:8], 16) % 100 < TEST_SHARE


def load(path: Path = CORPUS) -> list[tuple[str, str]]:
    """The corpus as (label, sentence) pairs, comments, blank lines and the header left out."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("label\t"):
            continue
        label, sentence = line.split("\t", 1)
        rows.append((label, sentence))
    return rows


def evaluate(rows: list[tuple[str, str]]) -> dict:
    """Counts per category, flagged careful sentences, and the time taken, for ``rows``."""
    started = time.perf_counter()
    predicted = [(label, sentence, detect.__wrapped__(sentence)) for label, sentence in rows]
    elapsed = time.perf_counter() - started
    true_pos, false_pos, positives = Counter(), Counter(), Counter()
    caught = 0
    misses, alarms = [], []
    for label, sentence, claim in predicted:
        guess = claim.category if claim else CAREFUL
        if label != CAREFUL:
            positives[label] += 1
            caught += claim is not None
        if guess == label and label != CAREFUL:
            true_pos[label] += 1
        elif guess != CAREFUL:
            false_pos[guess] += 1
        if label != CAREFUL and guess != label:
            misses.append((label, guess, sentence))
        if label == CAREFUL and guess != CAREFUL:
            alarms.append((guess, sentence))
    careful = sum(1 for label, _sentence in rows if label == CAREFUL)
    return {
        "true_pos": true_pos,
        "false_pos": false_pos,
        "positives": positives,
        "caught": caught,
        "careful": careful,
        "alarms": alarms,
        "misses": misses,
        "seconds": elapsed,
        "sentences": len(rows),
    }


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def table(result: dict) -> tuple[str, bool]:
    """The Markdown table of precision and recall, and whether the targets are met."""
    tp, fp, pos = result["true_pos"], result["false_pos"], result["positives"]
    lines = [
        "| Category | Claims | Found (right category) | Precision | Recall |",
        "|---|---:|---:|---:|---:|",
    ]
    met = True
    for category in CATEGORIES:
        precision, recall = ratio(tp[category], tp[category] + fp[category]), ratio(tp[category], pos[category])
        met &= recall >= RECALL_CATEGORY
        lines.append(f"| {category} | {pos[category]} | {tp[category]} | {precision:.0%} | {recall:.0%} |")
    all_tp, all_fp, all_pos = sum(tp.values()), sum(fp.values()), sum(pos.values())
    lines.append(
        f"| **all, right category** | {all_pos} | {all_tp} | {ratio(all_tp, all_tp + all_fp):.0%} "
        f"| {ratio(all_tp, all_pos):.0%} |"
    )
    flagged = all_tp + all_fp
    any_precision = ratio(flagged - len(result["alarms"]), flagged)
    lines.append(
        f"| **all, flagged as any claim** | {all_pos} | {result['caught']} | {any_precision:.0%} "
        f"| {ratio(result['caught'], all_pos):.0%} |"
    )
    alarm_rate = ratio(len(result["alarms"]), result["careful"])
    met &= ratio(all_tp, all_pos) >= RECALL_OVERALL and alarm_rate <= FALSE_ALARMS
    lines += [
        "",
        f"False alarms: {len(result['alarms'])} of {result['careful']} careful sentences ({alarm_rate:.1%}).",
        f"Run time: {result['seconds'] * 1000:.0f} ms for {result['sentences']} sentences "
        f"({result['seconds'] * 1e6 / max(result['sentences'], 1):.0f} µs a sentence, cold cache).",
    ]
    return "\n".join(lines), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train", "all"), default="test", help="Which split to score.")
    parser.add_argument("--show-errors", action="store_true", help="List every miss and false alarm.")
    parser.add_argument("--check", action="store_true", help="Exit 1 when a target is missed.")
    options = parser.parse_args(argv)
    rows = [
        (label, sentence)
        for label, sentence in load()
        if options.split == "all" or in_test_split(sentence) == (options.split == "test")
    ]
    result = evaluate(rows)
    text, met = table(result)
    print(f"Claim audit on the {options.split} split of {CORPUS.name}\n")
    print(text)
    print("\nTargets (recall ≥ 90 % overall, ≥ 80 % per category, false alarms ≤ 5 %):", "met" if met else "NOT met")
    if options.show_errors:
        print("\nMisses (label → found):")
        for label, guess, sentence in result["misses"]:
            print(f"  {label} → {guess}: {sentence}")
        print("\nFalse alarms:")
        for guess, sentence in result["alarms"]:
            print(f"  {guess}: {sentence}")
    return 1 if options.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
