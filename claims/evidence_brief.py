"""Evidence summary: what a physician writes a nexus letter from, built from the claim export.

The export (contracts/export.schema.json) is the only input, so the summary is the same whether it
comes from the CLI, the HTTP API or a saved JSON file, and it is a pure function. It gives: the records
reviewed (by type, with dates and page ranges), a chronology of flagged events, the flags by category,
and a checklist of what a strong letter needs (seeds: diagnosis, in-service event, imaging, continuity,
adverse opinions to answer, buddy statements, secondary mechanics, service strain, alternative causes),
each with the citations that satisfy it or "not found".

What counts as evidence: a flag that is not dismissed by the reviewer, not negated ("denies back
pain"), not hypothetical ("return if back pain worsens") and about the veteran (not "father had back
surgery"). The others are counted, never silently hidden.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy.orm import Session

from claims.export import build_export
from config.vocabulary import FLAG_CATEGORIES as FLAG_CATEGORY_ORDER

RECORD_TYPE_LABELS: dict[str, str] = {
    "service_treatment": "Service treatment records",
    "service_exam": "Service entrance/separation examinations",
    "service_personnel": "Service personnel records",
    "line_of_duty": "Line-of-duty and injury reports",
    "va_treatment": "VA treatment records",
    "private_treatment": "Private treatment records",
    "imaging_report": "Imaging reports",
    "cp_exam": "C&P examinations and DBQs",
    "medical_opinion": "Medical opinions",
    "rating_decision": "Rating decisions",
    "board_decision": "Board decisions",
    "buddy_statement": "Buddy / lay statements",
    "personal_statement": "Veteran's statements",
    "claim_form": "Claim forms",
    "other": "Other records",
}
RECORD_TYPE_ORDER: tuple[str, ...] = tuple(RECORD_TYPE_LABELS)

# (key, question, how it is satisfied) — the checklist of a strong letter (seeds, DESIGN.md §5).
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("diagnosis", "Is there a diagnosed spine/joint condition?"),
    ("in_service_event", "Is there an in-service event (an injury or back complaint in service)?"),
    ("imaging", "Is there imaging (reports or imaging findings)?"),
    ("continuity", "Do records say symptoms continued since service?"),
    ("adverse_opinion", "Is there a negative/speculative opinion or an aging attribution to answer?"),
    ("buddy_statements", "Are there buddy / lay statements?"),
    ("secondary_mechanics", "Are there gait observations or secondary links (secondary mechanics)?"),
    ("service_strain", "Is physically demanding service (strain) documented?"),
    ("alternative_causes", "Are there alternative causes the letter must address?"),
)
NOT_FOUND = "not found"


def _page_range(first: int, last: int) -> str:
    return f"p. {first}" if first == last else f"pp. {first}-{last}"


def _is_evidence(flag: dict[str, Any]) -> bool:
    return (
        flag.get("status") != "dismissed"
        and not flag.get("negated", False)
        and not flag.get("hypothetical", False)
        and flag.get("experiencer", "patient") == "patient"
    )


def _set_aside_reason(flag: dict[str, Any]) -> str | None:
    if flag.get("status") == "dismissed":
        return "dismissed"
    if flag.get("negated"):
        return "negated"
    if flag.get("hypothetical"):
        return "hypothetical"
    if flag.get("experiencer", "patient") != "patient":
        return "other_experiencer"
    return None


def _citation(flag: dict[str, Any], filenames: dict[str, str], documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    doc = documents.get(flag.get("document_id") or "", {})
    filename = filenames.get(flag["file_id"], flag["file_id"])
    return {
        "flag_id": flag.get("flag_id"),
        "category": flag["category"],
        "text": flag.get("text", ""),
        "sentence": flag.get("sentence", ""),
        "file_id": flag["file_id"],
        "filename": filename,
        "page": flag["page"],
        "document_id": flag.get("document_id"),
        "record_type": flag.get("record_type") or doc.get("record_type", "other"),
        "date": flag.get("date") or doc.get("date"),
        "in_service": flag.get("in_service"),
        "polarity": flag.get("polarity"),
        "historical": bool(flag.get("historical", False)),
        "status": flag.get("status", "pending"),
        "cite": f"{filename} p. {flag['page']}",
    }


def _records_reviewed(export: dict[str, Any], filenames: dict[str, str]) -> list[dict[str, Any]]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in export.get("documents", []):
        filename = filenames.get(doc["file_id"], doc["file_id"])
        pages = _page_range(doc["first_page"], doc["last_page"])
        title = doc.get("title") or RECORD_TYPE_LABELS.get(doc["record_type"], doc["record_type"])
        label = ", ".join(x for x in (title, doc.get("date") or "undated", f"{filename} {pages}") if x)
        by_type[doc["record_type"]].append(
            {
                "document_id": doc["document_id"],
                "title": title,
                "date": doc.get("date"),
                "file_id": doc["file_id"],
                "filename": filename,
                "first_page": doc["first_page"],
                "last_page": doc["last_page"],
                "label": label,
            }
        )
    out = []
    for rtype in sorted(by_type, key=lambda t: RECORD_TYPE_ORDER.index(t) if t in RECORD_TYPE_ORDER else 99):
        docs = sorted(by_type[rtype], key=lambda d: (d["date"] or "9999", d["filename"], d["first_page"]))
        label = RECORD_TYPE_LABELS.get(rtype, rtype)
        out.append({"record_type": rtype, "label": label, "count": len(docs), "documents": docs})
    return out


def _checklist(
    evidence: list[dict[str, Any]], records: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    def cites(pred: Any) -> list[dict[str, Any]]:
        return [c for c in evidence if pred(c)]

    docs_of = {r["record_type"]: r["documents"] for r in records}

    def doc_cites(record_type: str) -> list[dict[str, Any]]:
        return [
            {
                "category": None,
                "text": d["title"],
                "file_id": d["file_id"],
                "filename": d["filename"],
                "page": d["first_page"],
                "document_id": d["document_id"],
                "record_type": record_type,
                "date": d["date"],
                "cite": f"{d['filename']} {_page_range(d['first_page'], d['last_page'])}",
            }
            for d in docs_of.get(record_type, [])
        ]

    found: dict[str, list[dict[str, Any]]] = {
        "diagnosis": cites(lambda c: c["category"] == "diagnosis"),
        "in_service_event": cites(lambda c: c["category"] in ("injury", "back_complaint") and c["in_service"] is True),
        "imaging": doc_cites("imaging_report") + cites(lambda c: c["category"] == "imaging_finding"),
        "continuity": cites(lambda c: c["category"] == "continuity"),
        "adverse_opinion": cites(
            lambda c: c["category"] == "aging_attribution"
            or (c["category"] == "medical_opinion" and c["polarity"] in ("negative", "speculative"))
        ),
        "buddy_statements": doc_cites("buddy_statement"),
        "secondary_mechanics": cites(lambda c: c["category"] in ("gait", "secondary_link")),
        "service_strain": cites(lambda c: c["category"] == "service_strain"),
        "alternative_causes": cites(lambda c: c["category"] == "alternative_cause"),
    }
    return [
        {
            "item": key,
            "question": question,
            "status": "found" if found[key] else NOT_FOUND,
            "citations": found[key],
        }
        for key, question in CHECKLIST
    ]


def build_evidence_summary(export: dict[str, Any]) -> dict[str, Any]:
    """Records reviewed, chronology, flags by category and the nexus-letter checklist, from an export dict."""
    filenames = {f["file_id"]: f.get("filename") or f["file_id"] for f in export.get("files", [])}
    documents = {d["document_id"]: d for d in export.get("documents", [])}
    evidence: list[dict[str, Any]] = []
    set_aside: Counter[str] = Counter()
    for flag in export.get("flags", []):
        reason = _set_aside_reason(flag)
        if reason is not None:
            set_aside[reason] += 1
            continue
        evidence.append(_citation(flag, filenames, documents))
    order = {cat: i for i, cat in enumerate(FLAG_CATEGORY_ORDER)}
    evidence.sort(key=lambda c: (c["filename"], c["page"], order.get(c["category"], 99)))
    records = _records_reviewed(export, filenames)
    dated = sorted((c for c in evidence if c["date"]), key=lambda c: (c["date"], c["filename"], c["page"]))
    by_category = {cat: [c for c in evidence if c["category"] == cat] for cat in FLAG_CATEGORY_ORDER}
    return {
        "claim_id": export.get("claim_id"),
        "service_periods": [
            {"start": p.get("start"), "end": p.get("end"), "branch": p.get("branch")}
            for p in export.get("service_periods", []) or []
        ],
        "records_reviewed": records,
        "chronology": dated,
        "undated_flags": len(evidence) - len(dated),
        "flags_by_category": by_category,
        "checklist": _checklist(evidence, records),
        "evidence_flags": len(evidence),
        "set_aside": dict(sorted(set_aside.items())),
    }


def _md_cite(c: dict[str, Any]) -> str:
    extra = []
    if c.get("date"):
        extra.append(str(c["date"]))
    if c.get("in_service") is True:
        extra.append("in service")
    elif c.get("in_service") is False:
        extra.append("post-service")
    if c.get("polarity"):
        extra.append(str(c["polarity"]))
    suffix = f" ({', '.join(extra)})" if extra else ""
    words = " ".join(str(c.get("text", "")).split())
    return f'"{words}" — {c["cite"]}{suffix}'


def render_summary_markdown(summary: dict[str, Any]) -> str:
    """The summary as Markdown, for `claimdex summary CLAIM` and for pasting into a letter draft."""
    lines: list[str] = [f"# Evidence summary — claim {summary.get('claim_id')}", ""]
    periods = summary.get("service_periods") or []
    if periods:
        lines.append("Service periods: " + "; ".join(
            f"{p.get('start') or '?'} to {p.get('end') or '?'}" + (f" ({p['branch']})" if p.get("branch") else "")
            for p in periods))
        lines.append("")
    lines += ["## Nexus-letter checklist", ""]
    for item in summary["checklist"]:
        mark = "x" if item["status"] == "found" else " "
        lines.append(f"- [{mark}] {item['question']} — {item['status']}")
        for c in item["citations"][:10]:
            lines.append(f"  - {_md_cite(c)}")
        if len(item["citations"]) > 10:
            lines.append(f"  - … and {len(item['citations']) - 10} more")
    lines += ["", "## Records reviewed", ""]
    if not summary["records_reviewed"]:
        lines.append("No documents.")
    for group in summary["records_reviewed"]:
        lines.append(f"### {group['label']} ({group['count']})")
        lines.extend(f"- {d['label']}" for d in group["documents"])
        lines.append("")
    lines += ["## Chronology of flagged events", ""]
    if not summary["chronology"]:
        lines.append("No dated flags.")
    for c in summary["chronology"]:
        lines.append(f"- {c['date']} — {c['category']}: {_md_cite(c)}")
    if summary.get("undated_flags"):
        lines.append(f"- ({summary['undated_flags']} flags carry no date; see flags by category)")
    lines += ["", "## Flags by category", ""]
    for cat, cites in summary["flags_by_category"].items():
        lines.append(f"### {cat} ({len(cites)})")
        lines.extend(f"- {_md_cite(c)}" for c in cites)
        if not cites:
            lines.append(f"- {NOT_FOUND}")
        lines.append("")
    aside = summary.get("set_aside") or {}
    if aside:
        lines.append("Not counted as evidence: " + ", ".join(f"{k} {v}" for k, v in aside.items()) + ".")
    return "\n".join(lines).rstrip() + "\n"


def evidence_summary(session: Session, claim_id: str) -> tuple[dict[str, Any], str]:
    """The claim's evidence summary and its Markdown, from its export."""
    summary = build_evidence_summary(build_export(session, claim_id))
    return summary, render_summary_markdown(summary)
