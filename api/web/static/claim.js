// Claim overview: reload while files are processing; assign a user (staff).
"use strict";
(function () {
  const card = document.getElementById("progress-card");
  if (card && ["processing"].includes(card.dataset.status)) setTimeout(() => location.reload(), 3000);
  const grant = document.getElementById("grant-form");
  if (grant) grant.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const username = grant.username.value.trim();
    try {
      await claimdex.api("POST", `/api/claims/${encodeURIComponent(grant.dataset.claim)}/access`, { username });
      location.reload();
    } catch (e) { document.getElementById("grant-error").textContent = e.message; }
  });
})();
