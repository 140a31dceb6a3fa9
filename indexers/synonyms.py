"""The clinical synonym list, read once from ``config/search_synonyms.txt`` for both backends.

One file feeds both so "LBP finds low back pain" is true whichever backend serves the search.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from indexers.query_parser import SynonymTable, parse_synonyms

SYNONYMS_PATH = Path(__file__).resolve().parent.parent / "config" / "search_synonyms.txt"


@lru_cache(maxsize=4)
def load_synonyms(path: Path = SYNONYMS_PATH) -> SynonymTable:
    return parse_synonyms(path.read_text(encoding="utf-8").splitlines())


def solr_synonym_rules(table: SynonymTable | None = None) -> list[str]:
    """Normalised Solr rules for an inline Elasticsearch ``synonym_graph`` filter.

    Inline rather than ``synonyms_path`` because the file lives in this repository, not on the
    Elasticsearch nodes. Tokens are already split the way the tokenizer splits them ("c&p" -> "c p").
    """
    table = table or load_synonyms()
    return [", ".join(" ".join(entry) for entry in group) for group in table.groups]
