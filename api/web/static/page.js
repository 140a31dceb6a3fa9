// Page view: the image zooms (fit width, +, -) and turns (90° steps) with its highlight boxes; opened
// for a flag, it scrolls the image and the side list to that flag and lights its boxes; review buttons
// and inline notes for the flags of this page.
"use strict";
(function () {
  function boxes(id) { return document.querySelectorAll(`.hl.flag[data-flag="${CSS.escape(id)}"]`); }
  const side = document.getElementById("page-side");
  const STATUS_WORDS = { pending: "to review", confirmed: "confirmed", dismissed: "dismissed" };

  // ---- zoom and rotate: the page element keeps its unturned size; the sizer takes the turned one.
  const stage = document.getElementById("page-stage");
  const sizer = document.getElementById("page-sizer");
  const pageEl = document.getElementById("page-image");
  const zoomLabel = document.getElementById("zoom-level");
  const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4];
  let zoom = 1, rot = 0;
  function layout() {
    if (!pageEl) return;
    const W = parseFloat(pageEl.dataset.width), H = parseFloat(pageEl.dataset.height);
    const quarter = rot % 180 !== 0;
    const visible = Math.max(100, stage.clientWidth) * zoom;  // the turned page's width on screen
    const w = quarter ? visible * W / H : visible, h = w * H / W;
    pageEl.style.aspectRatio = "auto";
    pageEl.style.width = w + "px"; pageEl.style.height = h + "px";
    sizer.style.width = (quarter ? h : w) + "px"; sizer.style.height = (quarter ? w : h) + "px";
    pageEl.style.transformOrigin = "0 0";
    pageEl.style.transform = { 0: "none", 90: `translate(${h}px, 0) rotate(90deg)`,
      180: `translate(${w}px, ${h}px) rotate(180deg)`, 270: `translate(0, ${w}px) rotate(270deg)` }[rot];
    pageEl.dataset.rotation = String(rot);
    zoomLabel.textContent = Math.round(zoom * 100) + "%" + (rot ? `, turned ${rot}°` : "");
  }
  function keepFocusInView() {  // after a zoom or a turn, the flag being read stays on screen
    const f = document.querySelector(".hl.flag.focus");
    if (f) f.scrollIntoView({ block: "nearest", inline: "center" });
  }
  function setZoom(z) { zoom = Math.max(ZOOMS[0], Math.min(ZOOMS[ZOOMS.length - 1], z)); layout(); keepFocusInView(); }
  function step(dir) {
    const i = ZOOMS.findIndex(z => z >= zoom - 1e-6);
    setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, (i < 0 ? ZOOMS.length - 1 : i) + dir))]);
  }
  function turn(by) { rot = (rot + by + 360) % 360; layout(); keepFocusInView(); }
  if (pageEl) {
    document.getElementById("zoom-in").addEventListener("click", () => step(1));
    document.getElementById("zoom-out").addEventListener("click", () => step(-1));
    document.getElementById("zoom-fit").addEventListener("click", () => setZoom(1));
    document.getElementById("rotate-right").addEventListener("click", () => turn(90));
    document.getElementById("rotate-left").addEventListener("click", () => turn(-90));
    window.addEventListener("resize", layout);
    layout();
  }

  // ---- the flag the page was opened for: light its boxes, bring it and its list entry into view.
  function reveal(item, scrollImage) {
    document.querySelectorAll(".flag-item.focus").forEach(x => { if (x !== item) x.classList.remove("focus"); });
    document.querySelectorAll(".hl.flag.focus").forEach(b => b.classList.remove("focus"));
    item.classList.add("focus");
    const own = boxes(item.dataset.flag);
    own.forEach(b => b.classList.add("focus"));
    if (scrollImage && own[0]) own[0].scrollIntoView({ block: "center", inline: "center" });
    if (side && side.scrollHeight > side.clientHeight + 1) {  // the side list scrolls on its own
      side.scrollTop += item.getBoundingClientRect().top - side.getBoundingClientRect().top - side.clientHeight / 4;
    } else if (!scrollImage || !own[0]) {
      item.scrollIntoView({ block: "nearest" });
    }
  }
  const focus = document.querySelector(".flag-item.focus");
  if (focus) { reveal(focus, true); focus.focus({ preventScroll: true }); }
  const textMark = document.querySelector(".page-text mark.focus");
  if (textMark) {  // the page text panel scrolls on its own: bring the flag's words into it
    const panel = textMark.closest(".text");
    panel.scrollTop += textMark.getBoundingClientRect().top - panel.getBoundingClientRect().top - panel.clientHeight / 3;
  }
  else { const hit = document.querySelector(".hl.hit"); if (hit) hit.scrollIntoView({ block: "nearest" }); }
  document.querySelectorAll(".hl.flag").forEach((b) => b.addEventListener("click", () => {
    const item = document.getElementById("flag-" + b.dataset.flag);
    if (item) { reveal(item, false); item.focus({ preventScroll: true }); }
  }));

  // ---- review: confirm, dismiss, inline note.
  document.querySelectorAll(".flag-item").forEach((item) => {
    const id = item.dataset.flag;
    item.addEventListener("mouseenter", () => boxes(id).forEach(b => b.classList.add("hover")));
    item.addEventListener("mouseleave", () => boxes(id).forEach(b => b.classList.remove("hover")));
    const input = item.querySelector(".note-input");
    const saveBtn = item.querySelector(".save-note");
    const noteStatus = item.querySelector(".note-status");
    async function send(body) {
      const statusEl = item.querySelector('[data-role="status"]');
      const g = await claimdex.api("POST", `/api/claims/${encodeURIComponent(item.dataset.claim)}/flags/${encodeURIComponent(id)}/review`, body);
      item.dataset.status = g.status;
      statusEl.textContent = STATUS_WORDS[g.status] || g.status; statusEl.className = "badge " + g.status;
      boxes(id).forEach(b => { b.dataset.status = g.status; });
      if (input) { input.dataset.saved = g.note || ""; if (saveBtn) saveBtn.hidden = true; }
      return g;
    }
    item.querySelectorAll("button[data-action]").forEach((btn) => btn.addEventListener("click", async () => {
      const body = btn.dataset.action === "note" ? { status: item.dataset.status, note: input.value.trim() }
        : { status: btn.dataset.action };
      try { await send(body); if (btn.dataset.action === "note") noteStatus.textContent = "Note saved"; }
      catch (e) { (noteStatus || item).textContent = "Review failed: " + e.message; }
    }));
    if (!input) return;
    const fit = () => { input.style.height = "auto"; input.style.height = input.scrollHeight + "px"; };
    input.addEventListener("input", () => { saveBtn.hidden = input.value === input.dataset.saved; noteStatus.textContent = ""; fit(); });
    input.addEventListener("focus", fit);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); saveBtn.click(); }
      if (e.key === "Escape") { input.value = input.dataset.saved; saveBtn.hidden = true; input.blur(); }
    });
  });

  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input, textarea, select") || e.ctrlKey || e.metaKey || e.altKey) return;
    const prev = document.getElementById("prev-page"), next = document.getElementById("next-page");
    if (e.key === "ArrowLeft" && prev) location = prev.href;
    else if (e.key === "ArrowRight" && next) location = next.href;
    else if (pageEl && (e.key === "+" || e.key === "=")) step(1);
    else if (pageEl && e.key === "-") step(-1);
    else if (pageEl && e.key === "0") setZoom(1);
    else if (pageEl && e.key === "r") turn(90);
    else if (pageEl && e.key === "R") turn(-90);
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
    const t = document.getElementById("reclassify-type");
    run("Saved: the document is now " + t.options[t.selectedIndex].text + ".",
        `/api/claims/${claim}/documents/${encodeURIComponent(box.dataset.document)}/reclassify`, { record_type: t.value });
  });
  box.querySelectorAll("button[data-boundary]").forEach((b) => b.addEventListener("click", () => {
    run("Saved: the file is being re-segmented; reload in a moment.", `/api/claims/${claim}/documents/boundary`,
        { file_id: box.dataset.file, page: Number(box.dataset.page), kind: b.dataset.boundary });
  }));
})();
