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

  // The menu is a <details>, closed on phones; on wide screens it is always open.
  function openNavOnWideScreens() {
    var nav = document.getElementById("site-nav");
    if (nav && window.matchMedia("(min-width: 56em)").matches) nav.open = true;
  }
  document.addEventListener("DOMContentLoaded", openNavOnWideScreens);
  document.addEventListener("htmx:load", openNavOnWideScreens);
})();
