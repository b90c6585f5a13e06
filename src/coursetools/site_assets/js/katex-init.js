// Render every maths element that pymdownx.arithmatex (generic mode) left in the page:
// <span class="arithmatex">\( … \)</span> inline, <div class="arithmatex">\[ … \]</div> display.
// KaTeX is served from this site; throwOnError=false turns a TeX mistake into a visible
// .katex-error element (which the browser test looks for) instead of a blank page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".arithmatex").forEach(function (element) {
    var display = element.tagName === "DIV";
    var tex = element.textContent.trim();
    tex = display ? tex.replace(/^\\\[/, "").replace(/\\\]$/, "") : tex.replace(/^\\\(/, "").replace(/\\\)$/, "");
    katex.render(tex, element, { displayMode: display, throwOnError: false });
  });
});
