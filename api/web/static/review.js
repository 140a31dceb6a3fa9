// Review queue: j/k move, c confirm, d dismiss, n note (inline: Enter saves, Esc leaves), x select,
// o open; per-row and bulk confirm/dismiss; a group's box selects its flags; filters apply on change.
"use strict";
(function () {
  const filters = document.getElementById("review-filters");
  if (filters) filters.querySelectorAll("select, input[type=checkbox]").forEach((el) =>
    el.addEventListener("change", () => filters.submit()));
  const table = document.getElementById("review-table");
  if (!table) return;
  const claim = table.dataset.claim;
  const canReview = table.dataset.canReview === "1";
  const rows = Array.from(table.querySelectorAll("tr.flag-row"));
  const errorEl = document.getElementById("review-error");
  const STATUS_WORDS = { pending: "to review", confirmed: "confirmed", dismissed: "dismissed" };
  let cur = 0;

  function select(i, focus, quiet) {
    if (!rows.length) return;
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, j) => r.classList.toggle("current", j === cur));
    if (!quiet) rows[cur].scrollIntoView({ block: "nearest" });
    if (focus) rows[cur].focus({ preventScroll: true });
  }
  function showError(msg) { errorEl.textContent = msg; errorEl.hidden = false; }
  function update(row, g) {
    row.dataset.status = g.status;
    const s = row.querySelector('[data-role="status"]');
    s.textContent = STATUS_WORDS[g.status] || g.status; s.className = "badge " + g.status;
    const input = row.querySelector(".note-input");
    if (input && document.activeElement !== input) { input.value = g.note || ""; }
    if (input) { input.dataset.saved = g.note || ""; }
  }
  async function review(row, body) {
    if (!canReview) return null;
    row.classList.add("busy");
    try {
      const g = await claimdex.api("POST", `/api/claims/${encodeURIComponent(claim)}/flags/${encodeURIComponent(row.dataset.flag)}/review`, body);
      update(row, g); errorEl.hidden = true; return g;
    } catch (e) { showError("Review failed: " + e.message); return null; }
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
      table.querySelectorAll(".sel-group, #select-all").forEach(c => { c.checked = false; });
      countSelected();
    } catch (e) { showError("Bulk review failed: " + e.message); }
  }

  // Inline notes: the textarea keeps what was saved in data-saved; Save appears while it differs.
  async function saveNote(row) {
    const input = row.querySelector(".note-input");
    const status = row.querySelector(".note-status");
    if (!input || input.value === input.dataset.saved) return;
    status.textContent = "Saving…";
    const g = await review(row, { status: row.dataset.status, note: input.value.trim() });
    if (g) { status.textContent = "Note saved"; row.querySelector(".save-note").hidden = true; }
    else { status.textContent = "Not saved"; }
  }
  rows.forEach((r, i) => {
    r.addEventListener("click", (e) => { if (!e.target.closest("a, input, textarea, button")) select(i); });
    r.querySelector(".sel").addEventListener("change", countSelected);
    r.querySelectorAll("button[data-action]").forEach((b) => b.addEventListener("click", () => {
      select(i); review(r, { status: b.dataset.action });
    }));
    const input = r.querySelector(".note-input");
    if (!input) return;
    const save = r.querySelector(".save-note");
    const fit = () => { input.style.height = "auto"; input.style.height = input.scrollHeight + "px"; };
    input.addEventListener("focus", () => { select(i); fit(); });
    input.addEventListener("input", () => { save.hidden = input.value === input.dataset.saved; r.querySelector(".note-status").textContent = ""; fit(); });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); saveNote(r); }
      if (e.key === "Escape") { e.preventDefault(); input.value = input.dataset.saved; save.hidden = true; select(i, true); }
    });
    input.addEventListener("blur", () => { saveNote(r); });
    save.addEventListener("click", () => saveNote(r));
  });
  const all = document.getElementById("select-all");
  if (all) all.addEventListener("change", () => { rows.forEach(r => { r.querySelector(".sel").checked = all.checked; }); countSelected(); });
  table.querySelectorAll("tbody.flag-group").forEach((group) => {
    const box = group.querySelector(".sel-group");
    if (box) box.addEventListener("change", () => { group.querySelectorAll(".sel").forEach(c => { c.checked = box.checked; }); countSelected(); });
  });
  const bc = document.getElementById("bulk-confirm"), bd = document.getElementById("bulk-dismiss");
  if (bc) bc.addEventListener("click", () => bulk("confirmed"));
  if (bd) bd.addEventListener("click", () => bulk("dismissed"));

  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input:not(.sel):not(.sel-group), textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const row = rows[cur];
    switch (e.key) {
      case "j": select(cur + 1, true); break;
      case "k": select(cur - 1, true); break;
      case "c": if (row) review(row, { status: "confirmed" }).then(() => select(cur + 1, true)); break;
      case "d": if (row) review(row, { status: "dismissed" }).then(() => select(cur + 1, true)); break;
      case "n": if (row && canReview) { const input = row.querySelector(".note-input"); if (input) input.focus(); } break;
      case "x": if (row) { const c = row.querySelector(".sel"); c.checked = !c.checked; countSelected(); } break;
      case "o": if (row) location = row.dataset.href; break;
      default: return;
    }
    e.preventDefault();
  });
  select(0, false, true);
})();
