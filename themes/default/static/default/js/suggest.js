/* Header search suggestions: fills the <datalist> of the search box as the customer types.
   Without JavaScript the box is a plain search form. */
(function () {
  var input = document.getElementById("id_q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var url = input.getAttribute("data-suggest-url");
  var timer = null, lastQuery = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var query = input.value.trim();
      if (query.length < 2 || query === lastQuery) { return; }
      lastQuery = query;
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { products: [], producers: [] }; })
        .then(function (data) {
          list.innerHTML = "";
          data.products.concat(data.producers.map(function (name) { return { title: name }; }))
            .forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.title;
              list.appendChild(option);
            });
        })
        .catch(function () { /* suggestions are a convenience: the form still works */ });
    }, 200);
  });
}());
