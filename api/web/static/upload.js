// Upload with a live progress bar: bytes sent (XHR upload progress), then pages processed (polling).
"use strict";
(function () {
  const form = document.getElementById("upload-form");
  const bar = document.getElementById("progress-bar");
  const text = document.getElementById("progress-text");
  const title = document.getElementById("status-title");
  const box = document.getElementById("upload-status");
  const table = document.getElementById("file-table");
  const errorEl = document.getElementById("upload-error");

  function showError(msg) { errorEl.textContent = msg; errorEl.hidden = false; title.textContent = "Upload failed"; }

  function esc(s) { const d = document.createElement("div"); d.textContent = s == null ? "" : String(s); return d.innerHTML; }

  function renderProgress(p, claimId) {
    const handled = p.pages_done + p.pages_failed;
    const pct = p.pages_total ? Math.round(100 * handled / p.pages_total) : 0;
    bar.style.width = pct + "%";
    text.textContent = `${handled} of ${p.pages_total} pages processed (${p.pages_failed} failed) · ${p.status}`;
    table.hidden = false;
    table.querySelector("tbody").innerHTML = p.files.map(f =>
      `<tr><td>${esc(f.filename)}</td><td><span class="badge ${esc(f.status)}">${esc(f.status)}</span></td>` +
      `<td>${f.pages_done}/${f.page_count}</td><td>${f.errors.map(e => `<div class="error small">${e.page ? "p." + e.page + " " : ""}<code>${esc(e.code)}</code> ${esc(e.message)}</div>`).join("")}</td></tr>`).join("");
    const finished = ["done", "partial", "failed"].includes(p.status);
    if (finished) {
      title.textContent = p.status === "done" ? "Processing complete" : `Processing finished: ${p.status}`;
      const link = document.getElementById("claim-link");
      link.href = "/claims/" + encodeURIComponent(claimId);
      document.getElementById("done-links").hidden = false;
    } else {
      title.textContent = "Processing pages…";
    }
    return finished;
  }

  let lastHandled = -1, lastChange = Date.now();
  const STALL_MS = 120000;

  async function poll(claimId) {
    try {
      const p = await claimdex.api("GET", `/api/claims/${encodeURIComponent(claimId)}/progress`);
      if (renderProgress(p, claimId)) return;
      const handled = p.pages_done + p.pages_failed;
      if (handled !== lastHandled) { lastHandled = handled; lastChange = Date.now(); }
      else if (Date.now() - lastChange > STALL_MS) {
        text.textContent += " · no progress for 2 minutes: the workers may be stopped (an operator can check with `claimdex status`)";
      }
    } catch (e) { text.textContent = "Waiting for progress… (" + e.message + ")"; }
    setTimeout(() => poll(claimId), 1000);
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const claimId = document.getElementById("claim-id").value.trim();
    const files = document.getElementById("files").files;
    if (!claimId || !files.length) return;
    const data = new FormData();
    for (const f of files) data.append("files", f, f.webkitRelativePath || f.name);
    box.hidden = false; errorEl.hidden = true; title.textContent = "Uploading…";
    document.getElementById("upload-button").disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/claims/${encodeURIComponent(claimId)}/uploads`);
    xhr.setRequestHeader("X-CSRF-Token", claimdex.csrf());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        bar.style.width = Math.round(100 * e.loaded / e.total) + "%";
        text.textContent = `Sent ${(e.loaded / 1048576).toFixed(1)} of ${(e.total / 1048576).toFixed(1)} MB`;
      }
    };
    xhr.onload = () => {
      document.getElementById("upload-button").disabled = false;
      let body = null; try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status !== 202) { showError((body && body.detail && String(body.detail)) || ("HTTP " + xhr.status)); return; }
      bar.style.width = "0%";
      title.textContent = "Processing pages…";
      if (body.errors && body.errors.length) {
        text.textContent = body.errors.map(e => `${e.filename}: ${e.message}`).join("; ");
      }
      poll(claimId);
    };
    xhr.onerror = () => { document.getElementById("upload-button").disabled = false; showError("network error during upload"); };
    xhr.send(data);
  });
})();
