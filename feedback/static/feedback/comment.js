// The comment forms ("Kommentera sidan", "Vad saknade du?"), enhanced: they
// never lose a click, and errors get focus.
//
// The ALTCHA proof of work starts when the visitor enters the form and takes
// a few seconds. A click on "Skicka kommentar" before it is done waits for
// it, says so in the form's live status, and then sends the form. Without
// this, the widget's required checkbox would stop the post with a browser
// bubble and nothing would be sent.
(function () {
  "use strict";

  const summary = document.getElementById("comment-errors");
  if (summary) {
    summary.focus();
  }

  document.querySelectorAll("form.comment-form").forEach(enhance);

  function enhance(form) {
    const widget = form.querySelector("altcha-widget");
    const status = form.querySelector("[role=status]");
    if (!widget || !status || form.dataset.enhanced) {
      return;  // reCAPTCHA, or enhanced already (the script is on the page twice)
    }
    form.dataset.enhanced = "1";
    let submitter = null;
    // The event comes before the widget's markup shows the new state, so the
    // last announced state counts; the markup covers work done before this ran.
    let announced = null;

    function state() {
      const element = widget.querySelector("[data-state]");
      return announced || (element ? element.dataset.state : "unverified");
    }

    // The widget writes the solution into its hidden field just after saying
    // "verified": send once it is there (a few tries, 50 ms apart).
    function send(button, tries) {
      const solution = widget.querySelector("input[type=hidden]");
      if ((!solution || !solution.value) && tries > 0) {
        window.setTimeout(send, 50, button, tries - 1);
        return;
      }
      status.textContent = "";
      form.requestSubmit(button);
    }

    widget.addEventListener("statechange", function (event) {
      const now = event.detail.state;
      announced = now;
      if (!submitter) {
        return;
      }
      if (now === "verified") {
        const button = submitter;
        submitter = null;
        send(button, 40);
      } else if (now === "error" || now === "expired") {
        submitter = null;
        status.textContent = form.dataset.failed;
      }
    });

    // The text is still checked by the browser below; the captcha is waited for.
    form.noValidate = true;
    form.addEventListener("submit", function (event) {
      if (state() === "verified") {
        return;
      }
      event.preventDefault();
      if (!form.elements.text.reportValidity()) {
        return;
      }
      submitter = event.submitter || form.querySelector("[type=submit]");
      status.textContent = form.dataset.waiting;
      if (state() !== "verifying") {
        widget.verify();
      }
    });
  }
})();
