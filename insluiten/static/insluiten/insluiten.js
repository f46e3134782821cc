/* On a partner's page, next to the <iframe data-preventiezoeker> of the snippet: sets each
   iframe's height to what its embed reports (hoogte.js). A message counts only if it comes from
   that iframe's window and origin and has the expected shape; anything else is ignored.
   Without this script the iframe keeps its own height and scrolls. */
(function () {
  "use strict";
  var MAX_HOOGTE = 20000;
  function herkomst(iframe) {
    try {
      return new URL(iframe.src, window.location.href).origin;
    } catch (e) {
      return null;
    }
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "preventiezoeker:hoogte") return;
    var hoogte = data.hoogte;
    if (typeof hoogte !== "number" || !isFinite(hoogte) || hoogte < 1 || hoogte > MAX_HOOGTE) return;
    var iframes = document.querySelectorAll("iframe[data-preventiezoeker]");
    for (var i = 0; i < iframes.length; i++) {
      var iframe = iframes[i];
      if (iframe.contentWindow === event.source && herkomst(iframe) === event.origin) {
        iframe.style.height = Math.round(hoogte) + "px";
        return;
      }
    }
  });
})();
