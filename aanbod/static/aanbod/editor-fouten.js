// The editor's error message names every field with an error, with its tab, as a link that
// opens that tab and puts the cursor in the field: Wagtail only says "validation errors" and
// marks the tab, so a partner on the first tab does not see what to fix on another one.
(function () {
  "use strict";

  function tekst(element) {
    if (!element) return "";
    const kopie = element.cloneNode(true);
    kopie.querySelectorAll(".w-required-mark, .w-tabs__errors, .w-sr-only").forEach((e) => e.remove());
    return kopie.textContent.replace(/\s+/g, " ").trim();
  }

  function tabVan(element) {
    const paneel = element.closest("[role=tabpanel]");
    if (!paneel) return null;
    return document.getElementById(paneel.getAttribute("aria-labelledby"));
  }

  const INVOER = "input:not([type=hidden]), textarea, select, [contenteditable=true], button";

  // The field to put the cursor in: the one with the error, or for an error about a whole
  // block (a location whose coordinates disagree) the block's first field.
  function veldBij(fout, wrapper) {
    const binnen = wrapper || fout.closest(".w-panel__content");
    return binnen ? binnen.querySelector(INVOER) : null;
  }

  function labelVan(fout, wrapper) {
    const panelWrapper = wrapper && wrapper.parentElement;
    let label = panelWrapper && panelWrapper.querySelector(":scope > .w-field__label");
    if (!label && wrapper) {
      const veld = wrapper.querySelector(INVOER);
      label = veld && veld.id ? document.querySelector(`label[for="${veld.id}"]`) : null;
    }
    if (!label) {
      const paneel = fout.closest("[data-panel]");
      label = paneel && paneel.querySelector("[data-panel-heading-text]");
    }
    let naam = tekst(label);
    // A field of one of several blocks (a location, ...) is named with its block.
    const blok = fout.closest("[data-inline-panel-child]");
    const kop = blok && blok.querySelector("[data-panel-heading-text]");
    if (kop && tekst(kop) && tekst(kop) !== naam) naam = `${tekst(kop)}: ${naam}`;
    return naam || "Een veld";
  }

  function openEnFocus(fout, wrapper, tab) {
    if (tab && tab.getAttribute("aria-selected") !== "true") tab.click();
    // Collapsed sections around the field open, outermost first.
    const panelen = [];
    for (let p = fout.closest("[data-panel]"); p; p = p.parentElement.closest("[data-panel]")) {
      panelen.unshift(p);
    }
    panelen.forEach((p) => {
      const knop = p.querySelector(":scope > .w-panel__header [data-panel-toggle]");
      if (knop && knop.getAttribute("aria-expanded") === "false") knop.click();
    });
    const veld = veldBij(fout, wrapper) || fout;
    window.setTimeout(() => {
      if (!veld.hasAttribute("tabindex") && veld === fout) veld.setAttribute("tabindex", "-1");
      veld.focus({ preventScroll: true });
      (wrapper || fout).scrollIntoView({ block: "center" });
    }, 0);
  }

  function toon() {
    const formulier = document.querySelector("[data-edit-form]") || document.querySelector("main form");
    const melding = document.querySelector(".messages li.error");
    if (!formulier || !melding || melding.querySelector(".kijk-na")) return;
    const fouten = Array.from(formulier.querySelectorAll(".error-message")).filter(
      (f) => !f.hidden && f.textContent.trim()
    );
    if (!fouten.length) return;

    const blok = document.createElement("div");
    blok.className = "kijk-na";
    const titel = document.createElement("p");
    titel.textContent = "Kijk dit na:";
    const lijst = document.createElement("ul");
    fouten.forEach((fout) => {
      const wrapper = fout.closest("[data-field-wrapper]");
      const tab = tabVan(fout);
      const item = document.createElement("li");
      const link = document.createElement("a");
      const veld = veldBij(fout, wrapper);
      link.href = veld && veld.id ? `#${veld.id}` : "#";
      link.textContent = labelVan(fout, wrapper);
      link.addEventListener("click", (event) => {
        event.preventDefault();
        openEnFocus(fout, wrapper, tab);
      });
      item.append(link);
      if (tab) item.append(` (tabblad ${tekst(tab)})`);
      item.append(` — ${tekst(fout)}`);
      lijst.append(item);
    });
    blok.append(titel, lijst);
    melding.append(blok);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", toon);
  } else {
    toon();
  }
})();
