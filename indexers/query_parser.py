"""A small ``simple_query_string``-like parser shared by both search backends.

Why our own parser: the physician types free text, and neither SQLite FTS5's MATCH syntax nor
Elasticsearch's ``query_string`` may ever see it raw -- an unbalanced quote or a stray ``NEAR(`` must not
become a 500, and no input may reach the query language as syntax. So user text is parsed here into a
tiny, closed AST (terms, OR-groups, exclusions) whose words are reduced to letters and digits, and each
backend renders that AST into its own syntax (``to_fts5`` here; the Elasticsearch renderer in
``elasticsearch_index``). Both backends therefore agree on what a query means.

Syntax understood (everything else is plain text):

* ``word`` -- must occur (default operator AND, stemmed by the backend's English analyzer)
* ``"a phrase"`` -- the words in order; an unbalanced quote runs to the end of the input
* ``a OR b`` / ``a | b`` -- either (binds tighter than the implicit AND: ``x a OR b y`` = x AND (a OR b) AND y)
* ``-word`` / ``-"a phrase"`` / ``NOT word`` -- must not occur
* ``lumb*`` -- prefix (at least two characters before the star)
* ``AND``, ``+``, ``&&``, parentheses -- accepted and ignored (AND is already the default)

A bare word with inner punctuation (``L4-L5``, ``C&P``) becomes the phrase of its parts, which is how
both tokenizers index it. Clinical synonyms (``config/search_synonyms.txt``) are expanded on the AST by
:func:`expand_synonyms`, including multi-word ones typed without quotes ("low back pain" ↔ "LBP").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Letters and digits only: what unicode61 and the standard tokenizer keep as token characters.
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_KEYWORDS_OR = {"OR", "|", "||"}
_KEYWORDS_AND = {"AND", "+", "&&"}
_KEYWORDS_NOT = {"NOT"}
MIN_PREFIX_CHARS = 2
# A query longer than this is cut (reported via ParsedQuery.truncated, never silently).
MAX_QUERY_TERMS = 64


def tokenize(text: str) -> tuple[str, ...]:
    """Lowercased letter/digit runs: the word tokens both backends' tokenizers would produce."""
    return tuple(t.lower() for t in _TOKEN_RE.findall(text))


@dataclass(frozen=True)
class Term:
    """A word (one token), a phrase (several tokens, in order), or a prefix (one token, ``prefix``)."""

    tokens: tuple[str, ...]
    prefix: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.tokens) > 1


@dataclass(frozen=True)
class Clause:
    """An OR-group: at least one alternative must match. A plain term is a clause of one."""

    alternatives: tuple[Term, ...]


@dataclass(frozen=True)
class ParsedQuery:
    must: tuple[Clause, ...] = ()
    must_not: tuple[Clause, ...] = ()
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.must and not self.must_not

    def positive_terms(self) -> list[Term]:
        return [t for c in self.must for t in c.alternatives]


@dataclass
class _Item:
    term: Term
    negated: bool
    or_before: bool


def _lex(text: str) -> list[str | tuple[str, str]]:
    """Split into raw words, quoted phrases ('"', body) and operator symbols. Never fails."""
    out: list[str | tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch in "()":
            i += 1
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                end = n
            out.append(('"', text[i + 1 : end]))
            i = end + 1
            continue
        if ch == "|":
            j = i
            while j < n and text[j] == "|":
                j += 1
            out.append("|")
            i = j
            continue
        if ch == "-" and (i + 1 < n and not text[i + 1].isspace()):
            out.append("-")
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in '()"|':
            j += 1
        out.append(text[i:j])
        i = j
    return out


def _word_term(raw: str) -> Term | None:
    prefix = raw.endswith("*")
    tokens = tokenize(raw)
    if not tokens:
        return None
    if prefix and len(tokens) == 1:
        if len(tokens[0]) < MIN_PREFIX_CHARS:
            return None
        return Term(tokens, prefix=True)
    return Term(tokens)


def parse_query(text: str) -> ParsedQuery:
    """Parse untrusted user text into a :class:`ParsedQuery`. Total: any string gives a valid result."""
    items: list[_Item] = []
    negate_next = False
    or_next = False
    for lexeme in _lex(text or ""):
        if isinstance(lexeme, tuple):
            tokens = tokenize(lexeme[1])
            term: Term | None = Term(tokens) if tokens else None
        elif lexeme in _KEYWORDS_OR:
            or_next = bool(items)
            continue
        elif lexeme in _KEYWORDS_AND:
            continue
        elif lexeme in _KEYWORDS_NOT or lexeme == "-":
            negate_next = True
            continue
        else:
            raw = lexeme
            while raw.startswith("+"):
                raw = raw[1:]
            term = _word_term(raw)
        if term is None:
            negate_next = or_next = False
            continue
        items.append(_Item(term, negate_next, or_next and not negate_next))
        negate_next = or_next = False

    truncated = len(items) > MAX_QUERY_TERMS
    items = items[:MAX_QUERY_TERMS]
    must: list[list[Term]] = []
    must_not: list[Clause] = []
    last_positive = False
    for item in items:
        if item.negated:
            must_not.append(Clause((item.term,)))
            last_positive = False
            continue
        if item.or_before and must and last_positive:
            if item.term not in must[-1]:
                must[-1].append(item.term)
        else:
            must.append([item.term])
        last_positive = True
    return ParsedQuery(tuple(Clause(tuple(g)) for g in must), tuple(must_not), truncated)


# ---------------------------------------------------------------------------------------- synonyms


@dataclass(frozen=True)
class SynonymTable:
    """Groups of equivalent token sequences; ``lookup`` maps each sequence to its group."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    lookup: Mapping[tuple[str, ...], int] = field(default_factory=dict)
    max_len: int = 0

    def group_for(self, tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
        idx = self.lookup.get(tokens)
        return None if idx is None else self.groups[idx]


def parse_synonyms(lines: Iterable[str]) -> SynonymTable:
    """Solr-format equivalence lines (``lbp, low back pain``) into a table. ``=>`` rules are not used."""
    groups: list[tuple[tuple[str, ...], ...]] = []
    lookup: dict[tuple[str, ...], int] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or "=>" in line:
            continue
        entries: list[tuple[str, ...]] = []
        for part in line.split(","):
            toks = tokenize(part)
            if toks and toks not in entries:
                entries.append(toks)
        if len(entries) < 2:
            continue
        idx = len(groups)
        groups.append(tuple(entries))
        for e in entries:
            lookup.setdefault(e, idx)
    max_len = max((len(k) for k in lookup), default=0)
    return SynonymTable(tuple(groups), lookup, max_len)


def _expand_term(term: Term, table: SynonymTable) -> list[Term]:
    if term.prefix:
        return [term]
    group = table.group_for(term.tokens)
    if group is None:
        return [term]
    out = [term]
    out.extend(Term(e) for e in group if e != term.tokens)
    return out


def _expand_clause(clause: Clause, table: SynonymTable) -> Clause:
    alts: list[Term] = []
    for t in clause.alternatives:
        for e in _expand_term(t, table):
            if e not in alts:
                alts.append(e)
    return Clause(tuple(alts))


def _plain_word(clause: Clause) -> str | None:
    if len(clause.alternatives) == 1:
        t = clause.alternatives[0]
        if len(t.tokens) == 1 and not t.prefix:
            return t.tokens[0]
    return None


def expand_synonyms(query: ParsedQuery, table: SynonymTable) -> ParsedQuery:
    """Replace terms that name a synonym group with an OR of the whole group.

    Runs of unquoted single words are matched longest-first, so ``low back pain`` typed without quotes
    becomes ``("low back pain" OR lbp OR "lower back pain")`` rather than three separate AND terms.
    """
    if not table.groups:
        return query
    must: list[Clause] = []
    clauses = list(query.must)
    i = 0
    while i < len(clauses):
        matched = False
        for length in range(min(table.max_len, len(clauses) - i), 1, -1):
            words = [_plain_word(c) for c in clauses[i : i + length]]
            if any(w is None for w in words):
                continue
            key = tuple(w for w in words if w is not None)
            if key in table.lookup:
                must.append(_expand_clause(Clause((Term(key),)), table))
                i += length
                matched = True
                break
        if not matched:
            must.append(_expand_clause(clauses[i], table))
            i += 1
    must_not = [_expand_clause(c, table) for c in query.must_not]
    return ParsedQuery(tuple(must), tuple(must_not), query.truncated)


# ---------------------------------------------------------------------------------------- FTS5


def _fts5_term(term: Term) -> str:
    # Tokens are letters/digits only, so a double-quoted FTS5 string cannot be broken out of;
    # escaping the quote anyway keeps this safe if tokenize() ever changes.
    body = " ".join(term.tokens).replace('"', '""')
    return f'"{body}"' + ("*" if term.prefix else "")


def _fts5_clause(clause: Clause) -> str:
    parts = [_fts5_term(t) for t in clause.alternatives]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def to_fts5(query: ParsedQuery, column: str, scope: str | None = None) -> str:
    """Render as an FTS5 MATCH expression restricted to ``column``.

    ``scope`` is an extra, already-safe expression (the claim token) that every match must satisfy;
    it also gives a pure-negative or empty query something positive to subtract from.
    """
    positive = " AND ".join(_fts5_clause(c) for c in query.must)
    expr = ""
    if scope and positive:
        expr = f"{scope} AND {column} : ({positive})"
    elif scope:
        expr = scope
    elif positive:
        expr = f"{column} : ({positive})"
    if query.must_not:
        if not expr:
            raise ValueError("a purely negative query needs a scope")
        negative = " OR ".join(_fts5_clause(c) for c in query.must_not)
        expr = f"({expr}) NOT {column} : ({negative})"
    return expr


# ---------------------------------------------------------------------------------------- Elasticsearch


def _sqs_term(term: Term) -> str:
    if term.is_phrase:
        return '"' + " ".join(term.tokens) + '"'
    return term.tokens[0] + ("*" if term.prefix else "")


def _sqs_clause(clause: Clause) -> str:
    parts = [_sqs_term(t) for t in clause.alternatives]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def to_simple_query_string(clauses: Iterable[Clause]) -> str:
    """Render clauses as a ``simple_query_string`` (AND between clauses, ``|`` inside one).

    Only letters, digits, spaces and the operators written here appear in the output, so Elasticsearch
    never sees user-supplied syntax.
    """
    return " ".join(_sqs_clause(c) for c in clauses)
