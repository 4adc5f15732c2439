// KKN-portalen: ARIA fixes for widgets Django's admin builds in JavaScript.
// SelectFilter2.js (filter_horizontal) puts aria-label on a plain <span>, which
// ARIA does not allow (axe: aria-prohibited-attr); role="img" makes the label
// its name. The widgets are built after load, so new nodes are watched.
// Tabular inlines head their first column with an empty <th class="original">
// (axe: empty-table-header); it gets a visually hidden name, translated in
// the template (data-row-label on this script's tag).
(function () {
  "use strict";
  var rowLabel = (document.currentScript && document.currentScript.dataset.rowLabel) || "";
  function fix() {
    if (rowLabel) {
      document.querySelectorAll("th.original:empty").forEach(function (th) {
        var name = document.createElement("span");
        name.className = "visually-hidden";
        name.textContent = rowLabel;
        th.appendChild(name);
      });
    }
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
  }
  new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", fix);
})();
