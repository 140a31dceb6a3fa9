"""Clinical context of a concept in a sentence: negated, historical, hypothetical, experiencer, possible.

A ConText/NegEx-style algorithm (Chapman et al.; Harkema et al. 2009) in plain Python regular
expressions, without spaCy: a physician reviewing a 2,000-page file must not be shown "denies back
pain" as a back complaint or "father had back surgery" as the veteran's, and the flagging stage must
stay negligible next to OCR. Triggers, pseudo-triggers, terminations and the scope window live in
`config/rules/context.yaml` so a clinician can extend them without touching code.

Scope rule: a `pre` trigger modifies a concept that starts after it, a `post` trigger one that ends
before it, when no termination phrase stands between them and they are at most `window` words apart.
A trigger inside a pseudo phrase, or inside the concept itself, does not count. Scopes end at clause
boundaries: "but", ";", a new heading, and for a negated verb ("did not consider") a relative or
subordinate clause ("...the notes that describe his back pain" is not negated). Normal cues ("gait
normal", "heights maintained") form their own modifier, blocked by an abnormal word ("gait antalgic").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from config.rule_packs import parse_rule_yaml

CONTEXT_RULES_PATH = Path(__file__).resolve().parent.parent / "config" / "rules" / "context.yaml"
MODIFIERS: tuple[str, ...] = (
    "negation", "negation_verbal", "historical", "hypothetical", "experiencer_other", "possible", "normal"
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Context:
    """What a sentence says about a concept besides its presence."""

    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    experiencer: str = "patient"  # "patient" | "other"
    possible: bool = False
    normal: bool = False  # an explicit normal cue ("gait normal", "heights maintained"): a normal finding


@dataclass(frozen=True)
class _ModifierRules:
    pre: re.Pattern[str] | None
    post: re.Pattern[str] | None
    pseudo: re.Pattern[str] | None
    termination: re.Pattern[str] | None
    window_pre: int
    window_post: int
    blockers: re.Pattern[str] | None = None  # inside the concept or between cue and concept: no effect


def phrase_to_regex(phrase: str) -> str:
    """A rule-file phrase as a regex: literal words on word boundaries, or a raw regex after 're:'."""
    if phrase.startswith("re:"):
        return phrase[3:]
    words = [re.escape(w) for w in phrase.lower().split()]
    body = r"\s+".join(words)
    head = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    tail = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return head + body + tail


# Glyphs OCR confuses on scanned and faxed records (tesseract on 300 dpi): one class per confusable letter.
# Applied to the letters of rule phrases and flag patterns so that "sciatlca", "paraehute" or "h1s" still
# match; "m" also accepts "rn" in phrases. Digits and letters outside these groups match themselves.
OCR_CONFUSABLE: dict[str, str] = {
    "i": "[il1|!]", "l": "[il1|]", "o": "[o0]", "s": "[s5]", "b": "[b8h]", "h": "[hb]",
    "g": "[gq]", "q": "[qg]", "e": "[ec]", "c": "[ce]", "t": "[tf]", "f": "[ft]",
}


def ocr_tolerant_char(ch: str, in_lookbehind: bool = False) -> str:
    """One character of a phrase as a regex that also accepts its usual OCR misreadings."""
    low = ch.lower()
    if low == "m" and not in_lookbehind:
        return "(?:M|RN)" if ch.isupper() else "(?:m|rn)"
    cls = OCR_CONFUSABLE.get(low)
    if cls is None:
        return re.escape(ch)
    # keep the letter's case, so a case-sensitive group ("(?-i:Falls)") stays case-sensitive
    return cls.upper() if ch.isupper() else cls


def ocr_tolerant_pattern(pattern: str) -> str:
    """Rewrite a hand-written regex so its literal letters accept OCR confusions (same width).

    Escapes (\\b, \\s, \\w ...), character classes, quantifier braces and group openers are copied
    unchanged; only bare letters become classes, so the pattern's structure and widths stay as written.
    """
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif ch == "{":
            j = pattern.find("}", i)
            j = n - 1 if j < 0 else j
            out.append(pattern[i : j + 1])
            i = j + 1
        elif ch == "(" and pattern.startswith("(?", i):
            m = re.match(r"\(\?(?:P<\w+>|<=|<!|[:=!]|[aiLmsux-]+[:)])", pattern[i:])
            step = len(m.group(0)) if m else 2
            out.append(pattern[i : i + step])
            i += step
        elif ch.isalpha():
            out.append(ocr_tolerant_char(ch, in_lookbehind=True))
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


OCR_TOLERANT_MIN_LENGTH = 5  # shorter phrases stay literal: "if" must not match "it", nor "he" match "be"


def _trie_regex(phrases: list[str], tolerant: bool = True) -> str:
    """Literal phrases as one character trie, so the regex engine does not try hundreds of alternatives
    at every word start (Python's `re` has no built-in trie); a space matches any run of whitespace."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(phrase.lower().split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [
            (r"\s+" if ch == " " else ocr_tolerant_char(ch) if tolerant else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if "" in node:
            alts.append("")
        if not alts:
            return ""
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie)


def _phrase_text(phrase: object) -> str:
    """YAML 1.1 reads an unquoted `no` as False (and `yes` as True): a clinician's `- no` means the word."""
    if isinstance(phrase, bool):
        return "yes" if phrase else "no"
    return str(phrase)


def _first_glyphs(ch: str) -> set[str]:
    """Every character a phrase may start with on an OCRed page (for the trie's quick first-char check)."""
    low = ch.lower()
    glyphs = {low, low.upper()}
    cls = OCR_CONFUSABLE.get(low)
    if cls:
        glyphs |= {g for g in cls.strip("[]")} | {g.upper() for g in cls.strip("[]")}
    if low == "m":
        glyphs |= {"r", "R"}
    return glyphs


def compile_phrases(phrases: list[str] | list[object] | None) -> re.Pattern[str] | None:
    """One case-insensitive regex for a list of rule phrases; longer phrases win ('no evidence of' over 'no').

    Plain phrases that begin and end with a word character go into a trie on word boundaries (phrases of
    five characters or more also accept OCR confusions); regex entries ('re:') and phrases with
    punctuation at an edge keep their own alternative.
    """
    if not phrases:
        return None
    unique = sorted({_phrase_text(p) for p in phrases}, key=lambda p: (-len(p), p))
    plain = [p for p in unique if not p.startswith("re:") and re.match(r"\w", p) and re.search(r"\w$", p)]
    others = [p for p in unique if p not in set(plain)]
    parts = [f"(?:{phrase_to_regex(p)})" for p in others]
    long_phrases = [p for p in plain if len(p) >= OCR_TOLERANT_MIN_LENGTH]
    short_phrases = [p for p in plain if len(p) < OCR_TOLERANT_MIN_LENGTH]
    if long_phrases:  # first, so that at one start a long phrase wins over a short one
        firsts = "".join(sorted({c for p in long_phrases for c in _first_glyphs(p[0])}))
        parts.append(r"(?<!\w)(?=[" + re.escape(firsts) + "])" + _trie_regex(long_phrases) + r"(?!\w)")
    if short_phrases:
        firsts = "".join(sorted({c for p in short_phrases for c in (p[0].lower(), p[0].upper())}))
        parts.append(
            r"(?<!\w)(?=[" + re.escape(firsts) + "])" + _trie_regex(short_phrases, tolerant=False) + r"(?!\w)"
        )
    return re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=4)
def load_general_termination(path: Path = CONTEXT_RULES_PATH) -> re.Pattern[str] | None:
    """The termination phrases that end every modifier's scope, compiled once."""
    raw: dict[str, Any] = parse_rule_yaml(path.read_text(encoding="utf-8"))
    return compile_phrases(list(raw.get("termination") or []))


@lru_cache(maxsize=4)
def load_context_rules(path: Path = CONTEXT_RULES_PATH) -> dict[str, _ModifierRules]:
    """Read and compile the ConText rule pack once per process (general terminations apart)."""
    raw: dict[str, Any] = parse_rule_yaml(path.read_text(encoding="utf-8"))
    window = raw.get("window", 10)
    rules: dict[str, _ModifierRules] = {}
    for name in MODIFIERS:
        section: dict[str, Any] = raw.get(name) or {}
        win = window.get(name, window.get("default", 10)) if isinstance(window, dict) else window
        win_pre = int(section.get("window_pre", win))
        win_post = int(section.get("window_post", section.get("window", min(win, 6))))
        rules[name] = _ModifierRules(
            pre=compile_phrases(section.get("pre")),
            post=compile_phrases(section.get("post")),
            pseudo=compile_phrases(section.get("pseudo")),
            termination=compile_phrases(list(section.get("termination") or [])),
            window_pre=int(section.get("window_pre", win_pre)),
            window_post=win_post,
            blockers=compile_phrases(section.get("blockers")),
        )
    return rules


def _spans(pattern: re.Pattern[str] | None, sentence: str) -> list[tuple[int, int]]:
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(sentence) if m.end() > m.start()]


def _outside_pseudo(
    pattern: re.Pattern[str] | None, sentence: str, pseudo: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Trigger spans that overlap no pseudo-trigger. A trigger swallowed by a longer one that a pseudo
    cancels is searched again after the pseudo ("sick call if": "call if" goes, "if" stays)."""
    out: list[tuple[int, int]] = []
    for ts, te in _spans(pattern, sentence):
        hit = next(((ps, pe) for ps, pe in pseudo if ts < pe and ps < te), None)
        if hit is None:
            out.append((ts, te))
            continue
        assert pattern is not None
        m = pattern.search(sentence, hit[1])
        if (
            m is not None and m.start() < te and m.end() > m.start()
            and not any(m.start() < pe and ps < m.end() for ps, pe in pseudo)
        ):
            out.append((m.start(), m.end()))
    return sorted(set(out))


@lru_cache(maxsize=2048)
def _sentence_triggers(sentence: str) -> dict[str, tuple[list[tuple[int, int]], ...]]:
    """All trigger, pseudo, termination and blocker spans of one sentence, cached: a sentence often has
    many hits. Blockers (an abnormal word for the normal cue) end a scope like a termination does."""
    out: dict[str, tuple[list[tuple[int, int]], ...]] = {}
    general = _spans(load_general_termination(), sentence)
    for name, r in load_context_rules().items():
        pseudo = _spans(r.pseudo, sentence)
        pre = _outside_pseudo(r.pre, sentence, pseudo)
        post = _outside_pseudo(r.post, sentence, pseudo)
        blockers = _spans(r.blockers, sentence)
        term = general + _spans(r.termination, sentence) + blockers
        out[name] = (pre, post, term, blockers)
    return out


_LIST_SEPARATOR = re.compile(r",|;|/|\bor\b|\band\b|\bnor\b", re.I)
LIST_ITEM_WORDS = 4  # an item of a denial list: "unintentional weight loss", "bowel or bladder incontinence"
LIST_MAX_WORDS = 60


def _is_list(gap: str) -> bool:
    """Whether the words between a denial and its concept are items of one list: short chunks between
    commas, "or", "and"; the concept is then one more item."""
    if _words_between(gap, 0, len(gap)) > LIST_MAX_WORDS:
        return False
    chunks = _LIST_SEPARATOR.split(gap)
    items = [c for c in chunks if c.strip()]
    return len(chunks) >= 3 and all(len(_WORD.findall(c)) <= LIST_ITEM_WORDS for c in items)


def _words_between(sentence: str, a: int, b: int) -> int:
    return len(_WORD.findall(sentence, a, b)) if b > a else 0


def _modified(sentence: str, start: int, end: int, name: str) -> bool:
    rules = load_context_rules()[name]
    pre, post, term, blockers = _sentence_triggers(sentence)[name]
    if any(start <= bs and be <= end for bs, be in blockers):
        return False
    outside = [t for t in term if t[1] <= start or t[0] >= end]
    for ts, te in pre:
        if name == "normal" and ts == start and te < end:
            return True  # a normal cue opening the concept itself: "steady gait", "normal lordosis"
        if te > start:
            continue
        if any(te <= s0 and e0 <= start for s0, e0 in outside):
            continue
        if _words_between(sentence, te, start) <= rules.window_pre:
            return True
        if name == "negation" and _is_list(sentence[te:start]):
            return True  # a denial runs along its list however long ("denies fever, chills, ..., or back pain")
    for ts, te in post:
        if name == "normal" and te == end and ts > start:
            return True  # a normal cue closing the concept itself: "gait is normal", "posture erect"
        if ts < end:
            continue
        if any(end <= s0 and e0 <= ts for s0, e0 in outside):
            continue
        if _words_between(sentence, end, ts) <= rules.window_post:
            return True
    return False


_CUE_MODIFIERS: tuple[str, ...] = ("negation", "negation_verbal", "normal")


def is_cue(words: str) -> bool:
    """True when `words` are, as a whole, a negation or normal cue ("negative", "without difficulty",
    "within normal limits"): such a word is a finding's context, not the finding."""
    words = words.strip()
    if not words:
        return False
    rules = load_context_rules()
    for name in _CUE_MODIFIERS:
        for rx in (rules[name].pre, rules[name].post):
            if rx is not None and (m := rx.fullmatch(words)) is not None and m.end() == len(words):
                return True
    return False


def holds_cue(words: str) -> bool:
    """Whether `words` (a stretch between two parts of one finding) hold a negation, normal or hypothetical
    cue anywhere: such a stretch is the finding's context, and the parts are read apart."""
    rules = load_context_rules()
    for name in (*_CUE_MODIFIERS, "hypothetical"):
        r = rules[name]
        pseudo = _spans(r.pseudo, words)
        if _outside_pseudo(r.pre, words, pseudo) or _outside_pseudo(r.post, words, pseudo):
            return True
    return False


def has_cue(sentence: str, name: str) -> bool:
    """Whether the sentence holds any trigger (outside a pseudo-trigger) of a modifier, wherever it is."""
    pre, post, _term, _blockers = _sentence_triggers(sentence)[name]
    return bool(pre or post)


def assess_context(sentence: str, start: int, end: int) -> Context:
    """Context of the concept at sentence[start:end] (offsets within `sentence`)."""
    if not 0 <= start <= end <= len(sentence):
        raise ValueError(f"concept span {start}:{end} outside a sentence of {len(sentence)} characters")
    return Context(
        negated=_modified(sentence, start, end, "negation") or _modified(sentence, start, end, "negation_verbal"),
        historical=_modified(sentence, start, end, "historical"),
        hypothetical=_modified(sentence, start, end, "hypothetical"),
        experiencer="other" if _modified(sentence, start, end, "experiencer_other") else "patient",
        possible=_modified(sentence, start, end, "possible"),
        normal=_modified(sentence, start, end, "normal"),
    )
