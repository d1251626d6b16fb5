"""Local Sphinx extension: what the HTML book needs to work offline without console errors.

Loaded through `sphinx: local_extensions:` in _config.yml. The browser tests
(tests/test_book_in_browser.py) check the result on every page.

1. Duplicate inline scripts. Jupyter Book 1 (1.0.4, Sphinx 7.4) emits the inline scripts
   that sphinx-thebe and sphinx-togglebutton add twice on every page: one copy has
   filename None, the other ''. The second copy of thebe's
   `const THEBE_JS_URL = ...` then throws "Identifier has already been declared" on every
   page. We drop entries of context["script_files"] that repeat an earlier entry's
   (filename or "", attributes).

2. Thebe offline. sphinx-thebe does nothing on page load except define its settings and
   functions; only the "Live code" button loads Thebe, from unpkg.com. Offline that load
   fails and sphinx-thebe leaves the button saying "Loading thebe from CDN..." for ever.
   A small inline script listens for that failed load and says what happened instead.

3. Matplotlib animations. `anim.to_jshtml()` (the static companion of a widget) starts
   with <link href="https://maxcdn.bootstrapcdn.com/font-awesome/4.4.0/...">, a request to
   a CDN on every page with an animation (a console error offline). The theme's own
   Font Awesome (pydata-sphinx-theme's fontawesome.js) already draws the animation's
   play/pause icons, so we remove that link from the page body.
"""

from __future__ import annotations

import re

MATPLOTLIB_FONT_AWESOME_LINK = re.compile(
    r'<link\b[^>]*\bhref="https://maxcdn\.bootstrapcdn\.com/font-awesome/[^"]*"[^>]*>\s*'
)

THEBE_OFFLINE_JS = """
document.addEventListener("error", function (event) {
  var el = event.target;
  if (!el || el.tagName !== "SCRIPT" || !/\\/thebe@/.test(el.src || "")) return;
  document.querySelectorAll(".thebe-launch-button").forEach(function (button) {
    button.textContent = "Live code needs the internet: it loads Thebe from unpkg.com " +
      "and a Python kernel from mybinder.org. Offline, download this notebook " +
      "(download button at the top of the page) and run it in Jupyter.";
    button.classList.add("thebe-offline");
    button.disabled = true;
  });
}, true);
"""


def drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen = set()
    kept = []
    for js in scripts:
        filename = getattr(js, "filename", js)  # old-style entries are plain str
        attributes = getattr(js, "attributes", {}) or {}
        key = (str(filename or ""), tuple(sorted(attributes.items(), key=lambda kv: kv[0])))
        if key in seen:
            continue
        seen.add(key)
        kept.append(js)
    scripts[:] = kept  # in place: Sphinx's builder shares this list


def drop_matplotlib_cdn_link(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body and "maxcdn.bootstrapcdn.com" in body:
        context["body"] = MATPLOTLIB_FONT_AWESOME_LINK.sub("", body)


def setup(app):
    app.add_js_file(None, body=THEBE_OFFLINE_JS)
    # priority 900: run after the extensions that add scripts in html-page-context (myst-nb)
    app.connect("html-page-context", drop_duplicate_scripts, priority=900)
    app.connect("html-page-context", drop_matplotlib_cdn_link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
