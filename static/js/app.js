// VAR Netwerkregister: the little JavaScript the pages use, kept out of the HTML (Content-Security-Policy).
(function () {
  "use strict";
  // Send the CSRF token with every htmx request.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRFToken"] = meta.getAttribute("content");
    }
  });
  // An in-page update the server refused (no permission, session expired) must not fail silently.
  document.addEventListener("htmx:responseError", function (event) {
    var box = document.getElementById("htmx-fout");
    if (!box) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : "";
    box.textContent = status === 403
      ? "Je hebt geen rechten voor deze handeling."
      : "Dit kon niet worden opgeslagen (fout " + status + "). Vernieuw de pagina en probeer het opnieuw.";
    box.hidden = false;
    box.scrollIntoView({block: "center"});
  });
  document.addEventListener("htmx:sendError", function () {
    var box = document.getElementById("htmx-fout");
    if (box) {
      box.textContent = "De server is niet bereikbaar; er is niets opgeslagen.";
      box.hidden = false;
    }
  });
  // Forms marked data-confirm ask before they submit (ending a role, undoing an import, merging).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
