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

// A display equation wider than the text column scrolls sideways; a keyboard user can
// scroll it only once it takes focus. Material does this for code blocks; KaTeX's maths
// needs it too. Widths change with the window and when KaTeX's fonts arrive, so it is
// rechecked then.
function focusScrollingMaths() {
  document.querySelectorAll("div.arithmatex").forEach(function (element) {
    if (element.scrollWidth > element.clientWidth) {
      element.setAttribute("tabindex", "0");
    } else {
      element.removeAttribute("tabindex");
    }
  });
}
window.addEventListener("load", focusScrollingMaths);
window.addEventListener("resize", focusScrollingMaths);
document.fonts.addEventListener("loadingdone", focusScrollingMaths);
