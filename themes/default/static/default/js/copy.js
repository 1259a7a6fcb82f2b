/* "Sao chép" buttons (payments/instructions/vietqr.html): a button with data-copy-target="<input id>" copies
   that input's value with the Clipboard API and says so on the button; where the API is missing or refused
   (old browsers, plain http) the input's text is selected so the buyer can copy it by hand. */
(function () {
    "use strict";
    function select(input) {
        input.focus();
        input.select();
        if (input.setSelectionRange) { input.setSelectionRange(0, input.value.length); }
    }
    function done(button) {
        var label = button.getAttribute("data-label") || button.textContent;
        button.setAttribute("data-label", label);
        button.textContent = button.getAttribute("data-copied") || label;
        button.classList.add("copied");
        window.setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 2000);
    }
    document.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest(".copy-button") : null;
        if (!button) { return; }
        var input = document.getElementById(button.getAttribute("data-copy-target"));
        if (!input) { return; }
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(function () { done(button); }, function () { select(input); });
        } else {
            select(input);
        }
    });
})();
