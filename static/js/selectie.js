// Progressive enhancement for referrals. Everything works without this file:
// the "add to selection" forms POST and redirect back; the handout prints with Ctrl+P.
(function () {
  "use strict";

  // A real print button on the handout (hidden without JavaScript, where it could do nothing).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Add to selection without leaving the page; the header count follows.
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-selectie-knop]") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button");
    var hadFocus = button && document.activeElement === button;
    if (button) button.setAttribute("aria-disabled", "true");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        // Not added (full, or the offer went offline): the page without script explains why.
        if (!data.in_selectie) { form.submit(); return; }
        document.querySelectorAll("[data-selectie-aantal]").forEach(function (el) {
          el.textContent = "(" + data.aantal + ")";
        });
        // Our own server-built, escaped markup (<p class="in-selectie">), in the page's language.
        var wrap = document.createElement("div");
        wrap.innerHTML = data.in_selectie_html;
        var done = wrap.firstElementChild;
        if (button) button.replaceWith(done);
        // Keyboard users keep their place: focus moves to what replaced the button.
        if (hadFocus) done.querySelector("a").focus();
        status.textContent = data.bericht;
      })
      .catch(function () { form.submit(); });
  });
})();
