// The letter template page's field picker: "Sisipkan" puts a field's placeholder into the
// wording at the cursor. Without JavaScript the buttons stay hidden and each placeholder is
// shown to copy.
(function () {
  "use strict";
  document.querySelectorAll("[data-field-picker]").forEach(function (picker) {
    var area = document.getElementById(picker.dataset.fieldPicker);
    if (!area) return;
    var start = area.value.length;
    var end = start;
    function remember() {
      start = area.selectionStart;
      end = area.selectionEnd;
    }
    area.addEventListener("keyup", remember);
    area.addEventListener("click", remember);
    area.addEventListener("select", remember);
    area.addEventListener("input", remember);
    picker.querySelectorAll(".field-insert").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = button.dataset.placeholder;
        area.setRangeText(text, start, end, "end");
        start = end = start + text.length;
        area.focus();
        area.setSelectionRange(start, end);
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  });
})();
