/* partnerkit: filters on index pages. The lists are complete without this script;
   it only shows the filter form and hides the items that do not match. No network. */
(function () {
  "use strict";

  function setup(form) {
    var list = form.parentNode.querySelector("[data-pk-list]");
    var empty = form.parentNode.querySelector("[data-pk-empty]");
    var status = form.querySelector("[data-pk-status]");
    if (!list) { return; }
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-pk-item]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var params = new URLSearchParams(window.location.search);

    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var ok = selects.every(function (select) {
          if (!select.value) { return true; }
          var values = (item.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        item.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (empty) { empty.hidden = shown !== 0; }
      if (status) {
        status.textContent = status.getAttribute("data-template")
          .replace("{shown}", String(shown)).replace("{total}", String(items.length));
      }
      if (window.history && window.history.replaceState && window.location.protocol !== "file:") {
        var query = new URLSearchParams();
        selects.forEach(function (select) { if (select.value) { query.set(select.name, select.value); } });
        var search = query.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-pk-filter]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
