// Refreshes the "Duidelijke taal" reading while the editor types (debounced). Advice only:
// it never touches the form or its submission.
(() => {
  const WACHT_MS = 700;

  function tekstVan(veld) {
    const invoer = document.querySelector(`[name="${veld.naam}"]`);
    if (!invoer) return null;
    // Draftail keeps its content as JSON in a hidden input: one block per paragraph.
    if (invoer.type === "hidden") {
      try {
        const inhoud = JSON.parse(invoer.value || "null");
        return inhoud ? inhoud.blocks.map((blok) => blok.text).join("\n\n") : "";
      } catch {
        return invoer.value;
      }
    }
    return invoer.value;
  }

  function start(paneel) {
    const velden = JSON.parse(paneel.querySelector("#schrijfhulp-velden").textContent);
    const resultaat = paneel.querySelector("[data-schrijfhulp-resultaat]");
    const formulier = paneel.closest("form");
    if (!formulier) return;
    let timer = null;
    let laatste = "";

    async function lees() {
      const data = new FormData();
      for (const veld of velden) {
        const tekst = tekstVan(veld);
        if (tekst === null) continue;
        data.append("naam", veld.naam);
        data.append("label", veld.label);
        data.append("tekst", tekst);
      }
      const sleutel = data.getAll("tekst").join("\u0000");
      if (sleutel === laatste) return;
      laatste = sleutel;
      const csrf = formulier.querySelector("[name=csrfmiddlewaretoken]");
      try {
        const antwoord = await fetch(paneel.dataset.schrijfhulpUrl, {
          method: "POST",
          body: data,
          headers: { "X-CSRFToken": csrf ? csrf.value : "" },
          credentials: "same-origin",
        });
        const json = await antwoord.json();
        if (json.html) {
          resultaat.innerHTML = json.html;
        } else if (json.fout) {
          const p = document.createElement("p");
          p.dataset.schrijfhulpFout = "";
          p.textContent = json.fout;
          resultaat.replaceChildren(p);
        }
      } catch {
        laatste = ""; // try again on the next keystroke
      }
    }

    const plan = () => {
      clearTimeout(timer);
      timer = setTimeout(lees, WACHT_MS);
    };
    // Typing anywhere in the form (also inside the rich text editor) plans a new reading.
    for (const soort of ["input", "keyup", "change", "paste"]) {
      formulier.addEventListener(soort, plan);
    }
  }

  function init() {
    document.querySelectorAll("[data-schrijfhulp]").forEach(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
