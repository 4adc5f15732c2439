/* Cookie banner, progressive enhancement: record the choice without a reload.
 * Without this file the banner's form posts and the server redirects back.
 * The consent views check the request's Origin, so no CSRF token is needed
 * (the page stays free of the CSRF cookie). */
(function () {
  "use strict";

  var banner = document.querySelector("[data-consent-banner]");
  var main = document.getElementById("main");
  if (!banner || !main || !window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }
  var form = banner.querySelector("form[data-consent-form]");

  // A live region must exist before its text changes to be announced.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  main.insertBefore(status, main.firstChild);

  form.addEventListener("submit", function (event) {
    // Without event.submitter we cannot tell "accept" from "reject":
    // let the browser post the form the ordinary way.
    if (!("submitter" in event) || !event.submitter) {
      return;
    }
    event.preventDefault();
    // button.formAction is the page's own URL when the attribute is absent.
    var action = event.submitter.hasAttribute("formaction")
      ? event.submitter.formAction
      : form.action;
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (button) { button.disabled = true; });

    // URL-encoded like the form's own post: the consent views take no
    // multipart bodies (they answer 415, kkn_portal/bodylimit.py).
    fetch(action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      headers: { "X-Consent-Fetch": "1" }
    }).then(function (response) {
      if (response.status !== 204) {
        throw new Error("consent not saved: " + response.status);
      }
      banner.remove();
      main.focus();
      status.textContent = banner.getAttribute("data-saved-message");
    }).catch(function () {
      // Fall back to the ordinary post, which shows the server's answer.
      form.action = action;
      form.submit();
    });
  });
}());
