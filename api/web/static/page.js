// Page view: review buttons for the flags on this page; hovering a flag lights up its boxes.
"use strict";
(function () {
  function boxes(id) { return document.querySelectorAll(`.hl.flag[data-flag="${id}"]`); }
  document.querySelectorAll(".flag-item").forEach((item) => {
    const id = item.dataset.flag;
    item.addEventListener("mouseenter", () => boxes(id).forEach(b => b.classList.add("focus")));
    item.addEventListener("mouseleave", () => boxes(id).forEach(b => b.classList.remove("focus")));
    item.querySelectorAll("button[data-action]").forEach((btn) => btn.addEventListener("click", async () => {
      let body;
      const statusEl = item.querySelector('[data-role="status"]');
      if (btn.dataset.action === "note") {
        const note = prompt("Note on this flag:");
        if (note === null) return;
        body = { status: statusEl.textContent.trim(), note };
      } else {
        body = { status: btn.dataset.action };
      }
      try {
        const g = await claimdex.api("POST", `/api/claims/${encodeURIComponent(item.dataset.claim)}/flags/${encodeURIComponent(id)}/review`, body);
        statusEl.textContent = g.status; statusEl.className = "badge " + g.status;
        boxes(id).forEach(b => { b.classList.remove("flag-pending", "flag-confirmed", "flag-dismissed"); b.classList.add("flag-" + g.status); });
      } catch (e) { alert("Review failed: " + e.message); }
    }));
  });
  const focus = document.querySelector(".flag-item.focus");
  if (focus) { boxes(focus.dataset.flag).forEach(b => b.classList.add("focus")); const b = boxes(focus.dataset.flag)[0]; if (b) b.scrollIntoView({ block: "center" }); }
  else { const hit = document.querySelector(".hl.hit"); if (hit) hit.scrollIntoView({ block: "nearest" }); }
  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input, textarea, select")) return;
    const prev = document.getElementById("prev-page"), next = document.getElementById("next-page");
    if (e.key === "ArrowLeft" && prev) location = prev.href;
    if (e.key === "ArrowRight" && next) location = next.href;
  });
})();
// Corrections (physicians): reclassify the document, or fix a boundary at this page.
(function () {
  const box = document.getElementById("corrections");
  if (!box) return;
  const status = document.getElementById("correction-status");
  const claim = encodeURIComponent(box.dataset.claim);
  async function run(label, url, body) {
    status.textContent = "Saving…";
    try { await claimdex.api("POST", url, body); status.textContent = label; }
    catch (e) { status.textContent = "Failed: " + e.message; status.classList.add("error"); }
  }
  document.getElementById("reclassify").addEventListener("click", () => {
    const t = document.getElementById("reclassify-type").value;
    run("Saved: the document is now " + t.replace(/_/g, " ") + ".",
        `/api/claims/${claim}/documents/${encodeURIComponent(box.dataset.document)}/reclassify`, { record_type: t });
  });
  box.querySelectorAll("button[data-boundary]").forEach((b) => b.addEventListener("click", () => {
    run("Saved: the file is being re-segmented; reload in a moment.", `/api/claims/${claim}/documents/boundary`,
        { file_id: box.dataset.file, page: Number(box.dataset.page), kind: b.dataset.boundary });
  }));
})();
