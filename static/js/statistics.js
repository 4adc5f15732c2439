/* Matomo page-view tracking, loaded only when the visitor accepted
 * "statistik" (templates/consent/statistics.html). Configured from the
 * script tag's data attributes, so no inline script is needed. */
(function () {
  "use strict";

  var script = document.currentScript;
  var tracker = script.getAttribute("data-tracker-url").replace(/\/?$/, "/");
  var siteId = script.getAttribute("data-site-id");
  // Six months: no statistics cookie outlives the consent it rests on.
  var sixMonths = 180 * 24 * 60 * 60;

  var paq = window._paq = window._paq || [];
  paq.push(["setTrackerUrl", tracker + "matomo.php"]);
  paq.push(["setSiteId", siteId]);
  paq.push(["setVisitorCookieTimeout", sixMonths]);
  paq.push(["setReferralCookieTimeout", sixMonths]);
  paq.push(["setSecureCookie", window.location.protocol === "https:"]);
  paq.push(["trackPageView"]);
  paq.push(["enableLinkTracking"]);

  var loader = document.createElement("script");
  loader.async = true;
  loader.src = tracker + "matomo.js";
  document.head.appendChild(loader);
}());
