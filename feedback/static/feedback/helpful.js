// "Hjälpte informationen dig?" answered in place: the same POST as without
// JavaScript, asking for JSON; the thank-you (or why the answer was not
// received) is announced in the section's live status, and after "Nej" the
// form "Vad saknade du?" opens.
(function () {
  "use strict";

  document.querySelectorAll("form.helpful-form").forEach(function (form) {
    if (form.dataset.enhanced) {
      return;
    }
    form.dataset.enhanced = "1";
    const section = form.closest("section");
    const status = section.querySelector(".helpful-status");
    const followUp = section.querySelector(".helpful-follow-up");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      // URL-encoded, as the form itself sends (the site refuses multipart bodies).
      const data = new URLSearchParams(new FormData(form));
      const button = event.submitter;
      if (button && button.name) {
        data.append(button.name, button.value);
      }
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(form.action, {
        method: "POST",
        body: data,
        headers: {"Accept": "application/json"},
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.json().then(function (body) {
            return {ok: response.ok, body: body};
          });
        })
        .then(function (result) {
          if (!result.ok) {
            const refused = new Error(result.body.message);
            refused.fromServer = true;
            throw refused;
          }
          form.hidden = true;
          status.textContent = status.dataset.thanks;
          if (result.body.answer === "nej" && followUp) {
            followUp.hidden = false;
          }
        })
        .catch(function (error) {
          form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
          status.textContent = error.fromServer ? error.message : form.dataset.failed;
        });
    });
  });
})();
