/* Oscar's page behaviour without inline scripts (the storefront's CSP allows none).

   Oscar's templates start their scripts from an inline `$(function () { {% block onbodyload %} })`;
   our layout has no such block, and this file calls the same initialisers on the pages that have
   the elements they work on. */
(function ($) {
  "use strict";
  if (!$ || !window.oscar) { return; }
  $(function () {
    var oscar = window.oscar;
    oscar.init();
    // Basket page: AJAX quantity updates, remove / save for later, voucher form (it posts to itself).
    if ($("#basket_formset, #saved_basket_formset").length) { oscar.basket.init({basketURL: document.URL.split("#")[0]}); }
    // Checkout gateway: the password field only for "I am a returning customer".
    if ($("form input[name=options]").length && $("#id_password").length) { oscar.checkout.gateway.init(); }
    // Browse and search pages: sort select and facet checkboxes.
    if ($("#id_sort_by, .facet_checkbox").length) { oscar.search.init(); }
    // Account: notifications inbox and wish lists.
    if ($('a[data-behaviours~="archive"], a[data-behaviours~="delete"]').length) { oscar.notifications.init(); }
    if ($(".clipboard-item").length) { oscar.customer.wishlists.init(); }
    // Account: an email's HTML preview, written into its frame so the email's styles stay inside.
    var preview = document.getElementById("preview_box");
    if (preview && preview.contentWindow) {
      var doc = preview.contentWindow.document;
      doc.open();
      doc.write($(preview).text());
      doc.close();
    }
    // "Cancel" links that go back (oscar/partials/form.html, wish lists) instead of onclick attributes.
    $(document.body).on("click", "[data-action=back]", function (event) { event.preventDefault(); window.history.back(); });
  });
})(window.jQuery);
