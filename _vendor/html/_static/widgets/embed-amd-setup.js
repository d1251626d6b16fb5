// Loaded between require.js and embed-amd.js on pages with widgets (nb_ipywidgets_js in
// _config.yml). Part of this book, not fetched: see _vendor/README.md.
(function () {
  // 1. embed-amd.js finds its icon fonts (the three *.woff2 here) next to the URL that
  // requirejs gives its modules. Without these paths requirejs resolves
  // "@jupyter-widgets/..." against the page's own folder, and every widget page logs
  // three file-not-found errors. The paths are absolute URLs built from this script's
  // own address, so they work on pages at any depth, from a server or from disk.
  var here = document.currentScript.src.replace(/\/[^\/]*$/, "");
  window.requirejs.config({
    paths: {
      "@jupyter-widgets": here,
      "@jupyter-widgets/html-manager/dist": here,
    },
  });

  // 2. ipywidgets typesets widget labels with MathJax 2's MathJax.Hub.Queue(...). The book
  // loads MathJax 3, which has no Hub, so every widget with a description threw
  // "Cannot read properties of undefined (reading 'Queue')". Give MathJax 3 a Hub.Queue
  // that does the same with typesetPromise. MathJax is a deferred script, so it is in
  // place at DOMContentLoaded, and the widgets render later, on window load.
  document.addEventListener("DOMContentLoaded", function () {
    var mathjax = window.MathJax;
    if (!mathjax || mathjax.Hub || !mathjax.startup) return;
    mathjax.Hub = {
      Queue: function (job) {
        var element = job && job[2];
        mathjax.startup.promise.then(function () {
          return mathjax.typesetPromise(element ? [element] : undefined);
        });
      },
    };
  });
})();
