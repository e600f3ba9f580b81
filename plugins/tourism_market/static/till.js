// The booth's offline queue. Without JavaScript each form posts normally. With it, a form
// marked data-offline-queue that cannot reach the server is kept in localStorage with its
// idempotency key and sent again when the connection returns; the server books a key once,
// so a send that did arrive before the link dropped is not booked twice.
(function () {
  "use strict";
  var STORE = "kampung.tourism_market.queue";
  var note = document.querySelector("[data-offline-note]");

  function queued() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { return []; }
  }
  function save(items) {
    localStorage.setItem(STORE, JSON.stringify(items));
    if (note) { note.hidden = items.length === 0; }
  }
  function send(item) {
    return fetch(item.url, {
      method: "POST",
      body: new URLSearchParams(item.body),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
      redirect: "follow"
    });
  }
  function freshKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function flush() {
    var items = queued();
    if (!items.length || !navigator.onLine) { return; }
    var item = items[0];
    send(item).then(function () {
      save(queued().slice(1));
      flush();
    }).catch(function () { save(queued()); });
  }
  document.querySelectorAll("form[data-offline-queue]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { return; }
      event.preventDefault();
      var items = queued();
      items.push({ url: form.action, body: Array.from(new FormData(form).entries()) });
      save(items);
      form.reset();
      form.elements.idempotency_key.value = freshKey();
    });
  });
  window.addEventListener("online", flush);
  save(queued());
  flush();
})();
