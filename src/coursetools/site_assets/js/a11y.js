// Accessibility fixes that Material for MkDocs leaves to the site; the browser test's
// axe-core audit found each of them.

// The search overlay has role="dialog" but no name, so a screen reader announces only
// "dialog" when it opens.
document.addEventListener("DOMContentLoaded", function () {
  var search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search the course");
  }
});

// A display equation or a table wider than the text column scrolls sideways; a keyboard
// user can scroll it only once it takes focus. Material does this for code blocks; KaTeX's
// maths and Material's table wrapper need it too (the Benchmarks page's table is wide).
// Widths change with the window and when KaTeX's fonts arrive, so it is rechecked then.
function focusScrollingRegions() {
  document.querySelectorAll("div.arithmatex, .md-typeset__scrollwrap").forEach(function (element) {
    if (element.scrollWidth > element.clientWidth) {
      element.setAttribute("tabindex", "0");
    } else {
      element.removeAttribute("tabindex");
    }
  });
}
window.addEventListener("load", focusScrollingRegions);
window.addEventListener("resize", focusScrollingRegions);
document.fonts.addEventListener("loadingdone", focusScrollingRegions);
