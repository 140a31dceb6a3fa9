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
