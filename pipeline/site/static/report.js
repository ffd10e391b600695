// Entry filters of the review site: hide the rows whose state or findings are unchecked.
// Loaded with `defer` from the site itself (the pages' Content-Security-Policy allows nothing else).
"use strict";

(function () {
  var form = document.getElementById("filters");
  var table = document.getElementById("entries");
  if (!form || !table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var status = document.getElementById("filter-status");

  function checked(name) {
    var values = {};
    form.querySelectorAll("input[name='" + name + "']:checked").forEach(function (input) {
      values[input.value] = true;
    });
    return values;
  }

  function apply() {
    var states = checked("state");
    var codes = checked("code");
    var shown = 0;
    rows.forEach(function (row) {
      var visible = states[row.dataset.state] === true &&
        row.dataset.codes.split(" ").some(function (code) { return codes[code] === true; });
      row.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " entries.";
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
