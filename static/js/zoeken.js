/* /aanbod/: progressive enhancement of the search page. Without this file everything works
   through plain GET forms and links; with it a ticked filter or a new sort updates the results
   in place, the URL follows (back/forward work), focus stays on the control and a screen
   reader hears the new count. On small screens the filters fold away behind one button. */
(function () {
  "use strict";
  var root = document.getElementById("zoek-inhoud");
  var status = document.getElementById("zoek-status");
  if (!root || !status || !window.fetch || !window.DOMParser || !history.pushState) return;
  document.documentElement.classList.add("js");

  var panelOpen = false;
  var pending = null;
  var shown = location.pathname + location.search;

  function filterForm() { return document.getElementById("filterformulier"); }

  // The URL the form would submit to, without the empty fields (q=, sort=).
  function urlOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value !== "") params.append(key, value); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function announce() {
    var heading = document.getElementById("resultaten-titel");
    if (!heading) return;
    // Empty first: the same text twice in a row would otherwise not be read again.
    status.textContent = "";
    setTimeout(function () { status.textContent = heading.textContent.trim(); }, 150);
  }

  function load(url, options) {
    if (pending) pending.abort();
    pending = new AbortController();
    root.setAttribute("aria-busy", "true");
    return fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("zoek-inhoud");
        if (!fresh) throw new Error("zoek-inhoud ontbreekt");
        // Keep words typed in the search box but not yet searched for.
        var oldQ = document.getElementById("zoek-q");
        var typed = oldQ && oldQ.value !== oldQ.defaultValue ? oldQ.value : null;
        root.replaceWith(fresh);
        root = fresh;
        if (typed !== null) document.getElementById("zoek-q").value = typed;
        if (options.push) history.pushState({ zoeken: true }, "", url);
        shown = location.pathname + location.search;
        enhance();
        if (options.focus) options.focus();
        announce();
      })
      .catch(function (error) {
        // Anything unexpected: fall back to an ordinary page load.
        if (error.name !== "AbortError") location.assign(url);
      })
      .finally(function () { root.removeAttribute("aria-busy"); });
  }

  // After the swap the control that was changed is a new element: find it again.
  function refocus(control) {
    var name = control.name, value = control.value, id = control.id;
    return function () {
      var next = id ? document.getElementById(id)
        : filterForm().querySelector('input[name="' + CSS.escape(name) + '"][value="' + CSS.escape(value) + '"]');
      if (next && !next.disabled) {
        var details = next.closest("details");
        if (details) details.open = true;
        next.focus();
      } else {
        document.getElementById("resultaten-titel").focus();
      }
    };
  }

  function isSmall() { return window.matchMedia("(max-width: 47.99rem)").matches; }

  function setPanel(button, panel) {
    button.setAttribute("aria-expanded", String(panelOpen));
    panel.classList.toggle("is-dicht", !panelOpen);
  }

  // The fold-away button for small screens; CSS hides it (and never folds) on wide ones.
  function enhance() {
    var panel = document.getElementById("filterpaneel");
    if (!panel) return;
    var active = panel.querySelectorAll('input[type="checkbox"]:checked').length;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters-knop";
    button.setAttribute("aria-controls", "filterpaneel");
    // The words come from the page (data-knop*), in its language; "#" is the number.
    button.textContent = active
      ? (panel.dataset.knopActief || "Filters (# actief)").replace("#", active)
      : panel.dataset.knop || "Filters";
    button.addEventListener("click", function () {
      panelOpen = !panelOpen;
      setPanel(button, panel);
    });
    panel.parentNode.insertBefore(button, panel);
    setPanel(button, panel);
  }

  document.addEventListener("change", function (event) {
    var control = event.target;
    var form = filterForm();
    if (!form || control.form !== form) return;
    if (control.type !== "checkbox" && control.id !== "zoek-sort") return;
    load(urlOf(form), { push: true, focus: refocus(control) });
  });

  // "Toon resultaten" (and Enter): apply, fold the panel on a small screen, go to the results.
  document.addEventListener("submit", function (event) {
    var form = filterForm();
    if (event.target !== form) return;
    event.preventDefault();
    load(urlOf(form), {
      push: urlOf(form) !== shown,
      focus: function () {
        if (isSmall()) {
          panelOpen = false;
          var button = document.querySelector(".filters-knop");
          if (button) setPanel(button, document.getElementById("filterpaneel"));
        }
        document.getElementById("resultaten-titel").focus();
      },
    });
  });

  window.addEventListener("popstate", function () {
    // A jump to #inhoud (skip link) also pops state: only reload when the search changed.
    if (location.pathname + location.search !== shown) load(location.href, { push: false });
  });

  enhance();
})();

/* "Gebruik mijn locatie": asks the browser for the position only on a click, rounds it to about
   100 m, puts it in the search form's lat/lon fields and searches nearest first. Without this
   script (or without geolocation) the wijk and postcode fields do the same job. */
(function () {
  "use strict";
  if (!navigator.geolocation) return;

  function showButtons() {
    document.querySelectorAll(".locatie-knop").forEach(function (button) { button.hidden = false; });
  }

  function field(form, selector) { return form.querySelector(selector); }

  // The hidden lat/lon fields exist only while a position is in use: add them when missing.
  function hidden(form, name) {
    var input = field(form, ".locatie-" + name);
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.className = "locatie-" + name;
      form.appendChild(input);
    }
    return input;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".locatie-knop") : null;
    if (!button) return;
    var form = button.form || button.closest("form");
    var message = button.parentNode.querySelector(".locatie-melding");
    message.textContent = button.dataset.bezig;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      hidden(form, "lat").value = position.coords.latitude.toFixed(3);
      hidden(form, "lon").value = position.coords.longitude.toFixed(3);
      // The position replaces a chosen wijk or postcode, and the nearest come first.
      field(form, 'select[name="vanaf"]').value = "";
      field(form, 'input[name="postcode"]').value = "";
      form.querySelectorAll('input[type="hidden"][name="sort"]').forEach(function (s) { s.remove(); });
      form.submit();
    }, function (error) {
      button.disabled = false;
      message.textContent = error.code === 1 ? button.dataset.geweigerd
        : error.code === 3 ? button.dataset.teLang : button.dataset.onbekend;
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });

  // A wijk or postcode chosen by hand replaces an earlier position.
  document.addEventListener("change", function (event) {
    var control = event.target;
    if (control.name !== "vanaf" && control.name !== "postcode") return;
    var form = control.form;
    if (!form || !field(form, ".locatie-lat")) return;
    field(form, ".locatie-lat").remove();
    field(form, ".locatie-lon").remove();
  });

  showButtons();
  // zoeken.js swaps the search part of the page after a filter change: show the new button.
  new MutationObserver(showButtons).observe(document.body, { childList: true, subtree: true });
})();
