/* Oscar's page behaviour without inline scripts (the storefront's CSP allows none).

   Oscar's templates start their scripts from an inline `$(function () { {% block onbodyload %} })`;
   our layout has no such block, and this file calls the same initialisers on the pages that have
   the elements they work on. Pages without Oscar's widgets load no jQuery (layouts/site.html,
   block oscar_scripts): what every page needs is done below without it. */
(function ($) {
  "use strict";
  if (!$ || !window.oscar) { return; }
  $(function () {
    var oscar = window.oscar;
    // Oscar's oscar.init(): its date pickers, and of its forms' behaviour the review form's stars, which set the
    // hidden score (the rest, sending a form once, is done below for every page).
    oscar.datetimepickers.init();
    $(".reviewrating .star-rating i").on("click", oscar.forms.reviewRatingClick);
    // Basket page: AJAX quantity updates, remove / save for later, voucher form (it posts to itself).
    if ($("#basket_formset, #saved_basket_formset").length) { oscar.basket.init({basketURL: document.URL.split("#")[0]}); }
    // Checkout gateway: the password field only for "I am a returning customer".
    if ($("form input[name=options]").length && $("#id_password").length) { oscar.checkout.gateway.init(); }
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

/* Every page, with or without jQuery: what Oscar's oscar.forms and oscar.search did, and closing a message. */
(function () {
  "use strict";
  // A button with data-loading-text ("Đang thêm…") is disabled once its form is on its way, so a second tap does
  // not send it twice; a form marked data-behaviours="lock" is sent once.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-loading-text]");
    if (!button) { return; }
    var form = button.closest("form");
    if (form && form.querySelector(":invalid")) { return; }
    setTimeout(function () {  // after the click has sent the form
      button.setAttribute("data-idle-text", button.tagName === "INPUT" ? button.value : button.innerHTML);
      if (button.tagName === "INPUT") { button.value = button.getAttribute("data-loading-text"); }
      else { button.textContent = button.getAttribute("data-loading-text"); }
      button.classList.add("disabled");
      button.disabled = true;
    });
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches('form[data-behaviours~="lock"]')) { return; }
    if (form.hasAttribute("data-locked")) { event.preventDefault(); return; }
    form.setAttribute("data-locked", "");
  });
  // Back to a page the browser kept (the back button after "add to basket"): its buttons work again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    document.querySelectorAll("[data-idle-text]").forEach(function (button) {
      if (button.tagName === "INPUT") { button.value = button.getAttribute("data-idle-text"); }
      else { button.innerHTML = button.getAttribute("data-idle-text"); }
      button.removeAttribute("data-idle-text");
      button.classList.remove("disabled");
      button.disabled = false;
    });
    document.querySelectorAll("form[data-locked]").forEach(function (form) { form.removeAttribute("data-locked"); });
  });
  // Listings: a new sort order applies at once (the "Áp dụng" button stays for a page without this script).
  document.addEventListener("change", function (event) {
    if (event.target.id !== "id_sort_by" || !event.target.form) { return; }
    var form = event.target.form;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
  // A message's ×: Bootstrap's alert plugin closes it where Oscar's scripts are loaded; elsewhere this does.
  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest('[data-dismiss="alert"]');
    if (!close || (window.jQuery && window.jQuery.fn.alert)) { return; }
    event.preventDefault();
    var alert = close.closest(".alert");
    if (alert) { alert.remove(); }
  });
})();

/* Shop conventions: the quantity stepper (oscar/catalogue/partials/quantity_stepper.html) and "copy link"
   (oscar/catalogue/partials/share.html). Without this script both still work: a plain number input bounded by
   min and max, and the link in a field to copy by hand. */
(function () {
  "use strict";
  function bounded(input, value) {
    var min = parseInt(input.min, 10) || 1;
    var max = parseInt(input.max, 10);
    if (isNaN(value)) { value = min; }
    if (value < min) { value = min; }
    if (!isNaN(max) && value > max) { value = max; }
    return value;
  }
  function setUpStepper(stepper) {
    var input = stepper.querySelector(".quantity-stepper__input");
    if (!input) { return; }
    var buttons = stepper.querySelectorAll(".quantity-stepper__button");
    function refresh() {
      var value = parseInt(input.value, 10);
      buttons.forEach(function (button) {
        var step = parseInt(button.getAttribute("data-step"), 10);
        button.disabled = bounded(input, value + step) === bounded(input, value);
      });
    }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-step"), 10);
        input.value = bounded(input, parseInt(input.value, 10) + step);
        input.dispatchEvent(new Event("change", { bubbles: true }));
        refresh();
      });
    });
    input.addEventListener("change", function () { input.value = bounded(input, parseInt(input.value, 10)); refresh(); });
    refresh();
  }
  function setUpShare(share) {
    var button = share.querySelector(".share__copy");
    var field = share.querySelector(".share__url");
    var status = share.querySelector(".share__status");
    if (!button || !navigator.clipboard || !window.isSecureContext) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
        status.textContent = button.getAttribute("data-copied");
      }, function () {
        status.textContent = button.getAttribute("data-copy-failed");
        button.hidden = true; // shows the field again (site.css), to copy by hand
        if (field) { field.focus(); field.select(); }
      });
    });
  }
  function start() {
    document.querySelectorAll("[data-quantity-stepper]").forEach(setUpStepper);
    document.querySelectorAll("[data-share]").forEach(setUpShare);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

/* Phone layout: the product page's buy bar (oscar/catalogue/detail.html). It is shown, fixed at the bottom of the
   screen, while the page's own add-to-basket form is out of sight; without this script it stays hidden and the
   form is the way to buy. */
(function () {
  "use strict";
  function setUpBuyBar(bar) {
    var form = document.getElementById("add_to_basket_form");
    if (!form || !("IntersectionObserver" in window)) { return; }
    bar.hidden = false;
    new IntersectionObserver(function (entries) {
      var formInSight = entries[0].isIntersecting;
      // Only once the form has scrolled away above: a shopper reading from the top sees the form itself first.
      var passed = entries[0].boundingClientRect.bottom < 0;
      bar.classList.toggle("is-shown", !formInSight && passed);
      document.body.classList.toggle("has-buy-bar", !formInSight && passed);
    }).observe(form);
  }
  function start() {
    var bar = document.querySelector("[data-buy-bar]");
    if (bar) { setUpBuyBar(bar); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
