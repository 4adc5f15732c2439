// KKN-portalen: ARIA fixes for widgets Django's admin builds in JavaScript.
// SelectFilter2.js (filter_horizontal) puts aria-label on a plain <span>, which
// ARIA does not allow (axe: aria-prohibited-attr); role="img" makes the label
// its name. The widgets are built after load, so new nodes are watched.
(function () {
  "use strict";
  function fix() {
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach(function (el) {
      el.setAttribute("role", "img");
    });
  }
  new MutationObserver(fix).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", fix);
})();
