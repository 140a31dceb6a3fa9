// Chronology: a click anywhere on a row opens its page (the link in the Pages cell is the keyboard
// path); a changed filter applies at once.
"use strict";
(function () {
  document.querySelectorAll("tr.chrono-row").forEach((row) => row.addEventListener("click", (e) => {
    if (!e.target.closest("a")) location = row.dataset.href;
  }));
  document.querySelectorAll("#chronology-filters select").forEach((s) => s.addEventListener("change", () => s.form.submit()));
})();
