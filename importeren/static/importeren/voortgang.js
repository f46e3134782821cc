// Follows a running import without reloading the page; without JS a meta refresh does it.
(function () {
  const section = document.getElementById("voortgang");
  if (!section) return;
  const bar = section.querySelector("progress");
  const text = document.getElementById("voortgang-tekst");
  async function poll() {
    try {
      const response = await fetch(section.dataset.statusUrl, { credentials: "same-origin" });
      const data = await response.json();
      bar.max = data.totaal;
      bar.value = data.gedaan;
      text.textContent = `${data.gedaan} van ${data.totaal} rijen verwerkt.`;
      if (data.status !== "bezig") {
        window.location.reload();
        return;
      }
    } catch (error) {
      // A missed poll is retried; the page still works on reload.
    }
    window.setTimeout(poll, 1000);
  }
  window.setTimeout(poll, 1000);
})();
