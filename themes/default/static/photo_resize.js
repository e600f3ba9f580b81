// Shrinks photos in a form marked data-shrink-photos before it is sent, so a phone's 4 MB
// pictures arrive as ~0.5 MB JPEGs over a slow link. The server shrinks them too; this only
// saves the upload. A file still over the limit is named beside its field and nothing is sent,
// so what was typed stays. Loaded with <script src>, listeners attached here (no inline script).
(function () {
  "use strict";
  if (window.kampungPhotoResize) return;
  window.kampungPhotoResize = true;

  var IMAGE_TYPES = ["image/jpeg", "image/png"];

  function scaled(width, height, maxSide) {
    var ratio = Math.min(1, maxSide / Math.max(width, height));
    return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
  }

  function shrink(file, maxSide, quality) {
    if (IMAGE_TYPES.indexOf(file.type) < 0 || !window.createImageBitmap) {
      return Promise.resolve(file);
    }
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var size = scaled(bitmap.width, bitmap.height, maxSide);
      if (size.width === bitmap.width && file.size < 1024 * 1024) return file;
      var canvas = document.createElement("canvas");
      canvas.width = size.width;
      canvas.height = size.height;
      canvas.getContext("2d").drawImage(bitmap, 0, 0, size.width, size.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) return resolve(file);
          var name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
          resolve(new File([blob], name, { type: "image/jpeg" }));
        }, "image/jpeg", quality);
      });
    }, function () { return file; });
  }

  function showError(input, message) {
    var field = input.closest(".field");
    var error = field.querySelector(".field-error-client");
    if (!error) {
      error = document.createElement("p");
      error.className = "field-error field-error-client";
      error.id = input.id + "-client-error";
      field.appendChild(error);
      input.setAttribute("aria-describedby", error.id);
    }
    error.textContent = message;
    input.setAttribute("aria-invalid", "true");
  }

  function clearError(input) {
    var error = input.closest(".field").querySelector(".field-error-client");
    if (error) error.remove();
  }

  function prepare(form) {
    var maxSide = Number(form.dataset.photoMaxSide) || 2000;
    var maxBytes = Number(form.dataset.maxBytes) || Infinity;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=file]"));
    return Promise.all(inputs.map(function (input) {
      if (!input.files || input.files.length !== 1) return true;
      return shrink(input.files[0], maxSide, 0.85).then(function (file) {
        if (file !== input.files[0] && window.DataTransfer) {
          var transfer = new DataTransfer();
          transfer.items.add(file);
          input.files = transfer.files;
        }
        if (file.size > maxBytes) {
          showError(input, input.dataset.tooBig || form.dataset.tooBig);
          return false;
        }
        clearError(input);
        return true;
      });
    })).then(function (results) { return results.indexOf(false) < 0; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-shrink-photos]")) return;
    if (form.dataset.photosReady === "1") {
      delete form.dataset.photosReady;
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    prepare(form).then(function (ok) {
      if (!ok) {
        var first = form.querySelector("[aria-invalid=true]");
        if (first) first.focus();
        return;
      }
      form.dataset.photosReady = "1";
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });
  }, true);
})();
