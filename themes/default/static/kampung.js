// Small enhancements on top of pages that already work without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Toasts get a close button only when it can work.
  document.addEventListener("click", function (event) {
    var close = event.target.closest(".toast-close");
    if (close) close.closest(".toast").remove();
  });

  // A modal_link opens its <dialog> instead of following the link to the full page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-dialog]");
    var dialog = link && document.getElementById(link.dataset.dialog);
    if (dialog && dialog.showModal) {
      event.preventDefault();
      dialog.showModal();
    }
  });

  // A boosted link to a file (a PDF, a CSV, a spreadsheet) is loaded by the browser itself:
  // htmx would paste the file's bytes into the page. Links marked `download` or ending in a
  // file's extension are known before the request; any other answer that is not HTML is caught
  // before it is swapped in, and opened the same way.
  var FILE_LINK = /\.(pdf|csv|xlsx|xls|geojson|json|zip|png|jpe?g)$|\/(pdf|pratinjau)$/i;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var link = event.detail.boosted && event.detail.elt.closest && event.detail.elt.closest("a[href]");
    if (!link) return;
    var path = new URL(link.href, window.location.href).pathname;
    if (link.hasAttribute("download") || FILE_LINK.test(path)) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var type = event.detail.xhr.getResponseHeader("Content-Type") || "";
    if (event.detail.boosted && type && type.indexOf("text/html") !== 0) {
      event.detail.shouldSwap = false;
      window.location.assign(event.detail.xhr.responseURL);
    }
  });

  // hx-confirm asks in the page's own <dialog> rather than the browser's confirm().
  document.addEventListener("htmx:confirm", function (event) {
    var dialog = document.getElementById("confirm-dialog");
    if (!event.detail.question || !dialog || !dialog.showModal) return;
    event.preventDefault();
    dialog.querySelector(".confirm-message").textContent = event.detail.question;
    dialog.returnValue = "";
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "ok") event.detail.issueRequest(true);
    }, { once: true });
    dialog.showModal();
  });

  // The menu and folded filters are <details data-open-wide>: closed on phones so the page
  // starts with its content, open on wide screens where there is room.
  function openFoldsOnWideScreens() {
    if (!window.matchMedia("(min-width: 56em)").matches) return;
    document.querySelectorAll("details[data-open-wide]").forEach(function (fold) {
      fold.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", openFoldsOnWideScreens);
  document.addEventListener("htmx:load", openFoldsOnWideScreens);
})();
