"""Find structured facts stated plainly in an article's prose, for an editor to confirm.

Only plain statements are taken: a dose range with its unit ("1-3 grams", "2 to 4 g"),
a named monitoring test ("ALT", "liver function tests"), a named strain ("Maeng Da",
"red vein") and a substance named in a sentence about combining or interacting. Each
fact keeps the sentence it came from and its line, so the page builder can mark it as
extracted and the editor can check it against the source.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .article import Article, Paragraph
from .sentences import split_sentences

#: Unit words and the dosage table's unit for each.
UNITS = {
    "g": "g",
    "gram": "g",
    "grams": "g",
    "gm": "g",
    "mg": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "ml": "ml",
    "millilitre": "ml",
    "millilitres": "ml",
    "milliliter": "ml",
    "milliliters": "ml",
}
#: The units a dosage table holds amounts in.
DOSE_UNITS = tuple(dict.fromkeys(UNITS.values()))
#: The form a dose is taken to be in when its sentence names none: powdered leaf, the usual form.
DEFAULT_FORM = "powder"

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: The most decimal places a dosage table keeps.
DOSE_DECIMAL_PLACES = 2
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
DOSE_RANGE = re.compile(
    rf"(?<![\w.,])(?P<min>{_NUMBER})\s*(?:(?P<unit1>{_UNIT})\s*)?(?:-|–|—|to|and)\s*(?P<max>{_NUMBER})\s*(?P<unit>{_UNIT})\b",
    re.IGNORECASE,
)

#: Monitoring tests by the name the dosage page shows, with the words that name them in prose.
MONITORING_TESTS = {
    "Liver function tests": (r"liver function tests?", r"LFTs?", r"liver enzymes?", r"liver panel"),
    "ALT (alanine aminotransferase)": (r"ALT", r"alanine aminotransferase"),
    "AST (aspartate aminotransferase)": (r"AST", r"aspartate aminotransferase"),
    "ALP (alkaline phosphatase)": (r"ALP", r"alkaline phosphatase"),
    "Bilirubin": (r"bilirubin",),
    "Blood pressure": (r"blood pressure",),
    "Heart rhythm (ECG)": (r"ECG", r"EKG", r"electrocardiogram", r"QT interval"),
}
_CASE_SENSITIVE = {"ALT", "AST", "ALP", "ECG", "EKG", r"LFTs?"}

_COLOUR = r"(?:red|green|white|yellow|gold)"
#: Places strains are named after, and the other names sellers put after a vein colour.
PLACES = (
    "Bali",
    "Borneo",
    "Malay",
    "Malaysian",
    "Thai",
    "Indo",
    "Kali",
    "Sumatra",
    "Sumatran",
    "Bentuangie",
    "Elephant",
    "Hulu",
    "Kapuas",
    "Riau",
    "Jongkong",
    "Vietnam",
)
_OTHER_NAMES = ("horn", "horned", "super green", "ultra enhanced indo")
_PLACE = "(?:" + "|".join([place.lower() for place in PLACES] + list(_OTHER_NAMES)) + ")"
#: A strain as sellers name it: "Maeng Da", a vein colour ("green vein"), a colour and a place or leaf shape
#: ("Red Bali"), or a place named as kratom ("Bali kratom", "the Thai strain"). A place alone ("Thai
#: farmers", "Thailand") is not taken for a strain unless the sentence speaks of strains.
STRAIN = re.compile(
    rf"\b(?:{_COLOUR}(?:[- ]vein(?:ed)?)?\s+)?maeng\s+da\b"
    rf"|\b{_COLOUR}(?:[- ]vein(?:ed)?)?\s+{_PLACE}\b"
    rf"|\b{_COLOUR}[- ]vein(?:ed)?\b"
    rf"|\b{_PLACE}(?=\s+(?:kratom|strains?|variet(?:y|ies)|powder|capsules)\b)",
    re.IGNORECASE,
)
#: "red, green and white vein": each colour of a list before "vein" is a strain of its own.
VEIN_LIST = re.compile(rf"\b({_COLOUR}(?:\s*(?:,|/|and|or|&)\s*{_COLOUR})+)[- ]vein(?:ed)?\b", re.IGNORECASE)
#: A place named in a sentence that speaks of strains, as in "strains such as Bali, Thai and Borneo".
STRAIN_WORD = re.compile(r"\b(?:strains?|variet(?:y|ies)|veins?)\b", re.IGNORECASE)
PLACE_NAME = re.compile(r"\b(?:" + "|".join(PLACES) + r")\b")

#: Substances whose combination with kratom readers ask about, with the words that name them.
SUBSTANCES = {
    "Alcohol": r"alcohol",
    "Benzodiazepines": r"benzodiazepines?|diazepam|alprazolam|xanax|valium",
    "Opioids": r"opioids?|opiates?|oxycodone|morphine|heroin|fentanyl|hydrocodone|codeine|tramadol",
    "Methadone": r"methadone",
    "Buprenorphine": r"buprenorphine|suboxone",
    "Gabapentinoids": r"gabapentin|pregabalin",
    "Antidepressants": r"antidepressants?|SSRIs?|MAOIs?|sertraline|fluoxetine",
    "Stimulants": r"stimulants?|caffeine|modafinil|amphetamines?|cocaine",
    "Sedatives and sleeping pills": r"sedatives?|sleeping pills?|zolpidem",
    "Cannabis": r"cannabis|marijuana|THC",
    "Kava": r"kava",
    "Paracetamol (acetaminophen)": r"paracetamol|acetaminophen|tylenol",
    "Grapefruit": r"grapefruit",
}
#: Words that make a sentence about taking substances together, wherever the substance is named.
COMBINING_CUE = re.compile(
    r"\b(?:combin\w*|mix\w*|together|alongside|taken with|along with|concurrent\w*)\b", re.IGNORECASE
)
#: "Interacts with" counts only for a substance named after it ("opioids that ... interact" does not).
INTERACTING_CUE = re.compile(r"\binteract\w*\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DoseFact:
    min: Decimal
    max: Decimal
    unit: str
    quote: str
    line: int
    #: The product form named nearest the amount in its sentence ("powder", "capsule"...).
    form: str = DEFAULT_FORM


@dataclass(frozen=True, slots=True)
class MonitoringFact:
    test: str
    quote: str
    line: int


@dataclass(frozen=True, slots=True)
class StrainFact:
    name: str
    quote: str
    line: int


@dataclass(frozen=True, slots=True)
class InteractionFact:
    substance: str
    quote: str
    line: int


@dataclass(frozen=True, slots=True)
class ExtractedFacts:
    """Everything found in one run of paragraphs, first mention first, without repeats."""

    doses: tuple[DoseFact, ...] = ()
    monitoring: tuple[MonitoringFact, ...] = ()
    strains: tuple[StrainFact, ...] = ()
    interactions: tuple[InteractionFact, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.doses or self.monitoring or self.strains or self.interactions)


def _decimal(number: str) -> Decimal | None:
    """A number as written: "1,000" with a thousands separator, "1,5" with a decimal comma."""
    number = number.replace(",", "") if THOUSANDS.fullmatch(number) else number.replace(",", ".")
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def is_plain_range(low: Decimal, high: Decimal) -> bool:
    """Whether a range can go into a dosage table as stated: positive, low to high, at most two decimals."""
    places = max(-amount.as_tuple().exponent for amount in (low, high))
    return Decimal(0) < low <= high and places <= DOSE_DECIMAL_PLACES


def find_doses(paragraph: Paragraph) -> list[DoseFact]:
    facts = []
    for _offset, sentence in split_sentences(paragraph.text):
        for match in DOSE_RANGE.finditer(sentence):
            low, high = _decimal(match["min"]), _decimal(match["max"])
            first_unit = match["unit1"] and UNITS[match["unit1"].lower()]
            unit = UNITS[match["unit"].lower()]
            if low is None or high is None or (first_unit and first_unit != unit) or not is_plain_range(low, high):
                continue
            facts.append(DoseFact(low, high, unit, sentence, paragraph.line, dose_form(sentence, match.start())))
    return facts


#: Product forms by the dosage table's value, with the words that name them.
FORMS = {
    "powder": r"powder\w*|ground leaf|leaf powder|toss(?:ed)? and wash",
    "capsule": r"capsules?|caps|pills?|tablets?",
    "tea": r"teas?|brew\w*|infusion",
    "extract": r"extracts?|tinctures?|shots?|resin",
    "fresh_leaf": r"fresh lea(?:f|ves)|chew\w* (?:the )?(?:fresh )?lea(?:f|ves)",
}
FORM_PATTERNS = {form: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for form, words in FORMS.items()}


def dose_form(sentence: str, position: int) -> str:
    """The form named nearest ``position`` in ``sentence``, so "2 g of powder, or four capsules" stays powder.

    ``DEFAULT_FORM`` when the sentence names none.
    """
    distances = [
        (abs(match.start() - position), form)
        for form, pattern in FORM_PATTERNS.items()
        for match in pattern.finditer(sentence)
    ]
    return min(distances)[1] if distances else DEFAULT_FORM


def _test_pattern(words: tuple[str, ...]) -> re.Pattern:
    parts = [f"(?-i:{word})" if word in _CASE_SENSITIVE else word for word in words]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


TEST_PATTERNS = {test: _test_pattern(words) for test, words in MONITORING_TESTS.items()}
#: "opioid receptors", "opioid withdrawal" or "opioid cessation" names a condition, a goal or a target, not a
#: substance taken alongside.
NOT_A_SUBSTANCE_TAKEN = (
    r"(?![-\s]+(?:receptors?|addiction|withdrawal|use\s+disorders?|dependence|crisis|epidemic|cessation|recovery"
    r"|treatment|replacement|substitution|tapering|detox\w*|habits?|cravings?|agonists?|overdose|users?|misuse"
    r"|abuse|problems?|medication))"
)
#: Words just before a substance that make it the thing being left, not one taken with kratom:
#: "withdrawal from opioids", "to quit heroin", "coming off methadone".
LEAVING = re.compile(
    r"\b(?:withdrawal|withdrawing|cessation|detox\w*|recovery|recovering|quit\w*|stop\w*|off|away|wean\w*"
    r"|taper\w*|kick\w*|instead|rather|replace\w*|substitute\w*)(?:\s+(?:from|of|for|to))?(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)
SUBSTANCE_PATTERNS = {
    name: re.compile(rf"\b(?:{words})\b{NOT_A_SUBSTANCE_TAKEN}", re.IGNORECASE) for name, words in SUBSTANCES.items()
}


def find_monitoring(paragraph: Paragraph) -> list[MonitoringFact]:
    return [
        MonitoringFact(test, sentence, paragraph.line)
        for _offset, sentence in split_sentences(paragraph.text)
        for test, pattern in TEST_PATTERNS.items()
        if pattern.search(sentence)
    ]


def strain_name(text: str) -> str:
    """A strain's name as the at-a-glance facts show it: "Red Vein", "Maeng Da", "Bali"."""
    name = " ".join(text.replace("-", " ").split()).title()
    return name.replace(" Veined", " Vein")


def find_strains(paragraph: Paragraph) -> list[StrainFact]:
    """Every strain a sentence names, in the order named, each colour of "red, green and white vein" on its own."""
    facts = []
    for _offset, sentence in split_sentences(paragraph.text):
        found = [(match.start(), strain_name(match.group(0))) for match in STRAIN.finditer(sentence)]
        for match in VEIN_LIST.finditer(sentence):
            found += [
                (match.start(1) + colour.start(), strain_name(f"{colour.group(0)} vein"))
                for colour in re.finditer(_COLOUR, match.group(1), re.IGNORECASE)
            ]
        if STRAIN_WORD.search(sentence):
            found += [(match.start(), match.group(0)) for match in PLACE_NAME.finditer(sentence)]
        names = {name.casefold() for _start, name in found}
        seen: set[str] = set()
        for _start, name in sorted(found):
            if name.casefold() not in seen and not _part_of_longer(name, names):
                seen.add(name.casefold())
                facts.append(StrainFact(name, sentence, paragraph.line))
    return facts


def _part_of_longer(name: str, names: set[str]) -> bool:
    """Whether ``name`` ("Bali") is only part of a longer strain named in the same sentence ("Red Bali")."""
    lowered = name.casefold()
    return any(other != lowered and other.endswith(" " + lowered) for other in names)


def find_interactions(paragraph: Paragraph) -> list[InteractionFact]:
    facts = []
    for _offset, sentence in split_sentences(paragraph.text):
        if COMBINING_CUE.search(sentence):
            searched = sentence
        elif cue := INTERACTING_CUE.search(sentence):
            searched = sentence[cue.end() :]
        else:
            continue
        facts += [
            InteractionFact(name, sentence, paragraph.line)
            for name, pattern in SUBSTANCE_PATTERNS.items()
            if any(not LEAVING.search(searched[: match.start()]) for match in pattern.finditer(searched))
        ]
    return facts


def _first_of_each(facts: list, key) -> tuple:
    seen = {}
    for fact in facts:
        seen.setdefault(key(fact), fact)
    return tuple(seen.values())


def extract(paragraphs) -> ExtractedFacts:
    """Find the facts stated in ``paragraphs`` (for example one section's, or a whole article's)."""
    paragraphs = list(paragraphs)
    return ExtractedFacts(
        doses=_first_of_each([fact for p in paragraphs for fact in find_doses(p)], lambda f: (f.min, f.max, f.unit)),
        monitoring=_first_of_each([fact for p in paragraphs for fact in find_monitoring(p)], lambda f: f.test),
        strains=_first_of_each([fact for p in paragraphs for fact in find_strains(p)], lambda f: f.name.casefold()),
        interactions=_first_of_each([fact for p in paragraphs for fact in find_interactions(p)], lambda f: f.substance),
    )


def extract_article(article: Article) -> ExtractedFacts:
    """The facts stated anywhere in ``article``."""
    return extract(article.iter_paragraphs())
