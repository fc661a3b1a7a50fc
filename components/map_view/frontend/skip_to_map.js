// "Skip to the map": the app page's first Tab stop (WCAG 2.4.1, bypass blocks). The page's selectors, Copy
// link and the presentation switch come before the map in the Tab order; a keyboard user who wants a state's
// record goes from the link straight to the map (one Tab stop, map_keyboard.js), and from there by name.
// The page is Streamlit's: this frame (same origin) puts the link first in the page's body, outside the part
// Streamlit redraws, and a new map frame takes it over.
(function () {
  "use strict";
  const ID = "tm-skip-to-map";

  function mapContainer() {
    return window.treatyMapLayers ? window.treatyMapLayers.map.getContainer() : null;
  }

  function install() {
    let page;
    try {
      page = window.parent.document;
    } catch (error) {
      return;  // cross-origin: no page to put it in
    }
    if (page === document) return;  // not embedded
    const old = page.getElementById(ID);
    if (old) old.remove();
    const link = page.createElement("a");
    link.id = ID;
    link.href = "#";
    link.textContent = "Skip to the map";
    link.addEventListener("click", function (event) {
      event.preventDefault();
      const map = mapContainer();
      if (!map) return;
      window.frameElement.scrollIntoView({ block: "nearest" });
      window.focus();
      map.focus();
    });
    page.body.insertBefore(link, page.body.firstChild);
    if (!page.getElementById(ID + "-style")) {
      const style = page.createElement("style");
      style.id = ID + "-style";
      // Off screen until focused, then at the top left over the page (system colours: the page's theme is Streamlit's).
      style.textContent = "#" + ID + " { position: fixed; left: 8px; top: -100px; z-index: 1000000; padding: 8px 14px;" +
        " background: Canvas; color: LinkText; border: 2px solid CanvasText; border-radius: 6px; font: 600 16px/1.2 sans-serif; }" +
        " #" + ID + ":focus { top: 8px; }";
      page.head.appendChild(style);
    }
    window.addEventListener("pagehide", function () { link.remove(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", install);
  else install();
})();
