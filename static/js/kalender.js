/* /kalender/: the filters sit in a <details> that is folded on a phone, so the activities come
   first. On a wide screen the filters stand beside the results: open them. Without this file
   they are one click away. */
(function () {
  "use strict";
  var panel = document.getElementById("filterpaneel");
  if (panel && window.matchMedia("(min-width: 48rem)").matches) panel.open = true;
})();
