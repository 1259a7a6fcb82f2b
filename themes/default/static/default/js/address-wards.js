/* The commune/ward select follows the province select: fetch the province's communes (JSON) and
   replace the options. Without this script the form's "refresh" button does the same on the server. */
(function () {
  "use strict";
  function wire(form) {
    var province = form.querySelector("select[data-ward-source]");
    var ward = form.querySelector("select[data-wards-url]");
    if (!province || !ward || !window.fetch) { return; }
    var refresh = form.querySelector("[data-ward-refresh]");
    if (refresh) { refresh.hidden = true; }
    var placeholder = ward.options.length ? ward.options[0].text : "";
    function loadWards() {
      ward.disabled = true;
      var url = ward.getAttribute("data-wards-url").replace("{code}", encodeURIComponent(province.value || "0"));
      fetch(url, {headers: {"Accept": "application/json"}})
        .then(function (response) {
          if (response.ok) { return response.json(); }
          if (response.status === 404) { return []; }  // no province chosen
          throw new Error("HTTP " + response.status);
        })
        .then(function (wards) {
          ward.options.length = 0;
          ward.add(new Option(placeholder, ""));
          wards.forEach(function (item) { ward.add(new Option(item.name, item.code)); });
        })
        // Server or network trouble: fall back to the server-side refresh button.
        .catch(function () { if (refresh) { refresh.hidden = false; } })
        .then(function () { ward.disabled = false; });
    }
    province.addEventListener("change", loadWards);
    // On a slow connection the buyer may choose a province before this deferred script runs: the
    // communes on the page are then those of the province the server rendered, so fetch them now.
    var rendered = Array.prototype.filter.call(province.options, function (o) { return o.defaultSelected; });
    var renderedValue = rendered.length ? rendered[0].value : (province.options.length ? province.options[0].value : "");
    if (province.value !== renderedValue) { loadWards(); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form.vietnamese-address"), wire);
  });
})();
