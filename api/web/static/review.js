// Review queue: j/k move, c confirm, d dismiss, n note, x select, o open; bulk confirm/dismiss.
"use strict";
(function () {
  const table = document.getElementById("review-table");
  if (!table) return;
  const claim = table.dataset.claim;
  const canReview = table.dataset.canReview === "1";
  const rows = Array.from(table.querySelectorAll("tr.flag-row"));
  const errorEl = document.getElementById("review-error");
  let cur = 0;

  function select(i) {
    if (!rows.length) return;
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle("current", j === cur));
    rows[cur].scrollIntoView({ block: "nearest" });
  }
  function showError(msg) { errorEl.textContent = msg; errorEl.hidden = false; }
  function update(row, g) {
    const s = row.querySelector('[data-role="status"]'); s.textContent = g.status; s.className = "badge " + g.status;
    const note = row.querySelector('[data-role="note"]');
    if (g.note) { note.textContent = g.note; note.parentElement.hidden = false; }
  }
  async function review(row, body) {
    if (!canReview) return;
    row.classList.add("busy");
    try { update(row, await claimdex.api("POST", `/api/claims/${encodeURIComponent(claim)}/flags/${encodeURIComponent(row.dataset.flag)}/review`, body)); errorEl.hidden = true; }
    catch (e) { showError("Review failed: " + e.message); }
    finally { row.classList.remove("busy"); }
  }
  function selected() { return rows.filter(r => r.querySelector(".sel").checked); }
  function countSelected() { const el = document.getElementById("selected-count"); if (el) el.textContent = selected().length; }
  async function bulk(status) {
    const chosen = selected(); if (!chosen.length) return;
    try {
      const out = await claimdex.api("POST", `/api/claims/${encodeURIComponent(claim)}/flags/review`, { flag_ids: chosen.map(r => r.dataset.flag), status });
      const byId = Object.fromEntries(out.flags.map(g => [g.flag_id, g]));
      chosen.forEach(r => { update(r, byId[r.dataset.flag]); r.querySelector(".sel").checked = false; });
      countSelected();
    } catch (e) { showError("Bulk review failed: " + e.message); }
  }

  rows.forEach((r, i) => {
    r.addEventListener("click", (e) => { if (!e.target.matches("a, input")) select(i); });
    r.querySelector(".sel").addEventListener("change", countSelected);
  });
  const all = document.getElementById("select-all");
  if (all) all.addEventListener("change", () => { rows.forEach(r => { r.querySelector(".sel").checked = all.checked; }); countSelected(); });
  const bc = document.getElementById("bulk-confirm"), bd = document.getElementById("bulk-dismiss");
  if (bc) bc.addEventListener("click", () => bulk("confirmed"));
  if (bd) bd.addEventListener("click", () => bulk("dismissed"));

  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input:not(.sel), textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const row = rows[cur];
    switch (e.key) {
      case "j": select(cur + 1); break;
      case "k": select(cur - 1); break;
      case "c": if (row) review(row, { status: "confirmed" }).then(() => select(cur + 1)); break;
      case "d": if (row) review(row, { status: "dismissed" }).then(() => select(cur + 1)); break;
      case "n": if (row && canReview) { const note = prompt("Note on this flag:"); if (note !== null) review(row, { status: row.querySelector('[data-role="status"]').textContent.trim(), note }); } break;
      case "x": if (row) { const c = row.querySelector(".sel"); c.checked = !c.checked; countSelected(); } break;
      case "o": if (row) location = row.dataset.href; break;
      default: return;
    }
    e.preventDefault();
  });
  select(0);
})();
