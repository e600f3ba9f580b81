// The booth's offline queue. Without JavaScript each form posts normally. With it, the till's
// forms (marked data-offline-queue, boosted by htmx) are written to localStorage before they
// leave, under their idempotency key, and taken off only when the server has answered. A sale
// made with no connection, or whose answer never came back (a timeout, a dropped link), stays
// queued and is sent again until an answer arrives; the server books a key once, so a send that
// did arrive before the link dropped is not booked twice. An answer of 500 or more (a proxy's 502,
// the app's 503 while its database restarts) is no answer either: the sale stays queued. Items are removed by key, never by
// position, so two senders (two tabs, a retry racing the online event) cannot drop each other's.
(function () {
  "use strict";
  if (window.kampungTillQueue) {
    // htmx runs this script again with every page it swaps in: one queue per tab is enough.
    window.kampungTillQueue.show();
    return;
  }
  var STORE = "kampung.tourism_market.queue";
  var RETRY_MS = 5000;
  var sending = false;
  var retry = null;

  function queued() {
    try { return JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { return []; }
  }
  function save(items) {
    localStorage.setItem(STORE, JSON.stringify(items));
    show();
  }
  function keep(item) {
    save(queued().filter(function (other) { return other.key !== item.key; }).concat([item]));
  }
  function forget(key) {
    save(queued().filter(function (item) { return item.key !== key; }));
  }
  function show() {
    var count = queued().length;
    var note = document.querySelector("[data-offline-note]");
    if (note) { note.hidden = count === 0; }
    var counter = document.querySelector("[data-offline-count]");
    if (counter) { counter.textContent = String(count); }
  }
  function freshKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function queueForm(element) {
    return element && element.matches && element.matches("form[data-offline-queue]") ? element : null;
  }
  function snapshot(form) {
    return {
      key: form.elements.idempotency_key.value,
      url: form.action,
      body: Array.from(new FormData(form).entries())
    };
  }
  // The form is ready for the next visitor: the queued sale keeps its own key.
  function renew(form) {
    form.reset();
    form.elements.idempotency_key.value = freshKey();
  }
  function later() {
    if (retry === null && queued().length) {
      retry = window.setTimeout(function () { retry = null; flush(); }, RETRY_MS);
    }
  }

  // A queued item's answer is a whole till page: its receipts and drawer figures replace the
  // shown ones, and a refusal's message is listed so the cashier sees what was not booked.
  function settle(item, response) {
    return response.text().then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      ["#till-status", "#till-recent"].forEach(function (selector) {
        var fresh = page.querySelector(selector);
        var shown = document.querySelector(selector);
        if (fresh && shown) { shown.replaceWith(document.importNode(fresh, true)); }
      });
      if (response.ok) { return; }
      var list = document.querySelector("[data-offline-refused]");
      var error = page.querySelector(".field-error, .toast");
      if (list) {
        var line = document.createElement("li");
        line.textContent = (list.dataset.label || "") + " " + (error ? error.textContent.trim() : response.status);
        list.appendChild(line);
        list.hidden = false;
      }
    });
  }
  function flush() {
    var items = queued();
    if (sending || !items.length || !navigator.onLine) { later(); return; }
    sending = true;
    var item = items[0];
    fetch(item.url, {
      method: "POST",
      body: new URLSearchParams(item.body),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
      redirect: "follow"
    }).then(function (response) {
      if (response.status >= 500) { throw new Error("no answer from the application"); }
      forget(item.key);
      return settle(item, response);
    }).then(function () {
      sending = false;
      flush();
    }, function () {
      sending = false;
      later();
    });
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = queueForm(event.detail.elt);
    if (!form) { return; }
    var item = snapshot(form);
    keep(item);
    if (!navigator.onLine) {
      event.preventDefault();
      renew(form);
      later();
      return;
    }
    event.detail.xhr.kampungQueueKey = item.key;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail.xhr;
    if (!xhr || !xhr.kampungQueueKey) { return; }
    if (xhr.status > 0 && xhr.status < 500) {
      forget(xhr.kampungQueueKey);
      return;
    }
    var form = queueForm(event.detail.elt);
    if (form) { renew(form); }
    later();
  });
  window.addEventListener("online", flush);
  window.kampungTillQueue = { show: show, flush: flush };
  show();
  flush();
})();
