/* Inside an embed (insluiten/base.html): tell the page that frames us how tall we are, so
   insluiten.js on the partner's page can size the iframe without a scrollbar. The message holds
   nothing but our height and address, so any framing page may receive it. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var laatste = 0;
  function meld() {
    var hoogte = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (hoogte === laatste) return;
    laatste = hoogte;
    window.parent.postMessage(
      { type: "preventiezoeker:hoogte", hoogte: hoogte, href: window.location.href }, "*"
    );
  }
  if ("ResizeObserver" in window) new ResizeObserver(meld).observe(document.documentElement);
  window.addEventListener("load", meld);
  meld();
})();
