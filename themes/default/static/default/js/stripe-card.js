/* Stripe Elements on the card page: the card number goes from this page to Stripe, which confirms the
   PaymentIntent; our server learns the result from Stripe's signed webhook. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("stripe-card-form");
    if (!form || !window.Stripe) { return; }
    var stripe = window.Stripe(form.getAttribute("data-publishable-key"));
    var card = stripe.elements({locale: document.documentElement.lang || "vi"}).create("card", {hidePostalCode: true});
    var button = form.querySelector("button");
    var errors = document.getElementById("card-errors");
    card.mount("#card-element");
    card.on("ready", function () { button.disabled = false; });
    card.on("change", function (event) { errors.textContent = event.error ? event.error.message : ""; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      stripe.confirmCardPayment(form.getAttribute("data-client-secret"), {
        payment_method: {card: card},
        return_url: form.getAttribute("data-return-url")
      }).then(function (result) {
        if (result.error) { errors.textContent = result.error.message; button.disabled = false; return; }
        window.location.href = form.getAttribute("data-return-url");
      });
    });
  });
})();
