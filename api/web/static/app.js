// Shared helpers: JSON calls to /api carrying the session's CSRF token.
"use strict";
window.claimdex = {
  csrf() { const m = document.querySelector('meta[name="csrf-token"]'); return m ? m.content : ""; },
  async api(method, url, body) {
    const opts = { method, headers: { "X-CSRF-Token": this.csrf(), "Accept": "application/json" }, credentials: "same-origin" };
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    const res = await fetch(url, opts);
    if (res.status === 401) { window.location = "/login?next=" + encodeURIComponent(location.pathname + location.search); }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) { const d = data && data.detail; throw new Error(typeof d === "string" ? d : ("HTTP " + res.status)); }
    return data;
  },
};
