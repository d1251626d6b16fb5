// Loaded between require.js and embed-amd.js (see nb_ipywidgets_js in _config.yml).
// embed-amd.js finds its icon fonts (the three *.woff2 here) next to the URL requirejs
// gives its modules. Without these paths requirejs resolves "@jupyter-widgets/..." against
// the page's own folder, and every widget page logs three file-not-found errors.
// The paths are absolute URLs built from this script's own address, so they work on
// pages at any depth of the book, from a web server or straight from disk (file://).
(function () {
  var here = document.currentScript.src.replace(/\/[^\/]*$/, "");
  window.requirejs.config({
    paths: {
      "@jupyter-widgets": here,
      "@jupyter-widgets/html-manager/dist": here,
    },
  });
})();
