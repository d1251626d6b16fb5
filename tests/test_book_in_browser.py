"""The built HTML book, opened in a real browser (headless Chromium) with no network.

`make test` builds the book first; these tests only read `_build/html` (or the folder in
the environment variable BOOK_HTML_DIR). Every HTML page of the book gets one test per
check, so a failure names the page and the check:

    test_console        no console errors and no uncaught page errors
    test_offline        no request leaves the built folder (every asset is file:// under it)
    test_math           math is typeset: no raw $$, \\( or \\[ left in the visible text,
                        no TeX errors
    test_widgets        every saved widget view renders, and no Output widget is blank
    test_alt_text       every image in the page's content has alt text that says what it
                        shows
    test_no_errors      no error or traceback outputs
    test_figures_shown  a cell that calls plt.show() shows a figure (with a non-inline
                        backend, e.g. MPLBACKEND=Agg in the build's environment, none shows)
    test_links          every internal link and #anchor resolves
    test_narrow         at 390 px wide the page itself does not scroll sideways (code
                        blocks and wide tables may scroll inside their own box)

and two tests for the whole book: index.html leads into the book, and the Live Code
button fails politely offline.

A full-page screenshot of every page goes to `_build/screenshots/` (next to the built
folder) for review, with `summary.json`: what was checked on each page.

Alt text for figures, for chapter authors
-----------------------------------------
A figure that a code cell draws gets its alt text from the cell's metadata (myst-nb's
`render_image_options`, cell key "image"); in the notebook's JSON:

    "metadata": {"mystnb": {"image": {"alt": "Training and validation loss over 200 epochs: both fall, validation flattens after 60"}}}

(JupyterLab: select the cell, open the property inspector (gear icon), and add the
`mystnb` key to the cell metadata.) It applies to every image the cell outputs, and the
built page then has `<img alt="Training and validation loss ...">`. Without it, docutils
puts the image's file name in `alt`, which this test rejects. The alt text must describe
the picture in at least three words and not be a default ("Figure", "plot", the file
name, matplotlib's "<Figure size 640x480 with 1 Axes>").

An animation made with `HTML(anim.to_jshtml())` is an <img> in the page too; give it alt
text in the HTML: `HTML(anim.to_jshtml().replace("<img ", '<img alt="..." ', 1))`.
Images that the widget manager draws from saved widget state (a plot inside an
`interactive`) cannot carry alt text and are exempt (the summary counts them); the
static companion that every widget has carries the description.

A cell whose error is the point (tagged `raises-exception`) may show its traceback; the
summary counts those.

The browser: the environment variable BOOK_BROWSER (path or command), else `chromium`,
`chromium-browser` or `google-chrome` on PATH, else Playwright's own Chromium. Without
one these tests are skipped with a loud reason (`pytest -rs` prints it); with CI=true a
missing browser fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
HTML_DIR = Path(os.environ.get("BOOK_HTML_DIR") or REPO / "_build" / "html").resolve()
SCREENSHOTS = HTML_DIR.parent / "screenshots"
IN_CI = os.environ.get("CI", "").strip().lower() == "true"

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}
# Pages Sphinx writes that are not pages of the book.
NOT_BOOK_PAGES = {"genindex.html", "search.html", "py-modindex.html"}
REDIRECT = re.compile(r'<meta\s+http-equiv="refresh"', re.IGNORECASE)

NO_BROWSER = (
    "\n"
    "=====================================================================\n"
    "  NO BROWSER: the browser tests of the HTML book did NOT run.\n"
    "  Install Chromium:   sudo apt-get install chromium\n"
    "  or point BOOK_BROWSER at a Chromium/Chrome executable.\n"
    "=====================================================================\n"
)


# --------------------------------------------------------------------------- setup
def _book_pages() -> list[str]:
    """Every HTML page of the book, relative to HTML_DIR, without Sphinx's own pages,
    asset folders (_static, _sources, _images...) and redirect stubs (index.html)."""
    pages = []
    for path in sorted(HTML_DIR.rglob("*.html")):
        rel = path.relative_to(HTML_DIR)
        if any(part.startswith(("_", ".")) for part in rel.parts):
            continue
        if rel.as_posix() in NOT_BOOK_PAGES:
            continue
        if REDIRECT.search(path.read_text(encoding="utf-8", errors="replace")[:2000]):
            continue
        pages.append(rel.as_posix())
    return pages


def _find_browser() -> str | None:
    wanted = os.environ.get("BOOK_BROWSER")
    if wanted:
        found = shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
        if not found:
            pytest.fail(f"BOOK_BROWSER={wanted!r} is not an executable", pytrace=False)
        return found
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    try:  # Playwright's own download (`playwright install chromium`), if there is one
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            own = pw.chromium.executable_path
        return own if own and Path(own).is_file() else None
    except Exception:
        return None


if not HTML_DIR.is_dir():
    pytest.fail(
        f"No built book at {HTML_DIR}: run `make book` first (or set BOOK_HTML_DIR).",
        pytrace=False,
    )
PAGES = _book_pages()

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - requirements-dev.txt installs it
    sync_playwright = None
BROWSER = _find_browser() if sync_playwright else None
if BROWSER is None:
    NO_BROWSER += "" if sync_playwright else "  (and: pip install playwright)\n"
    if IN_CI:
        pytest.fail(NO_BROWSER + "  CI=true: a missing browser is a failure.", pytrace=False)
    # Otherwise the browser tests are replaced by one test that skips with this reason
    # (end of this file): `pytest -rs` prints it once, and pytest still exits 0.


@pytest.fixture(scope="session")
def browser_context():
    """One browser for the whole session; any request that is not file:, data: or blob:
    is aborted (and recorded by the page's listener), so the tests behave offline even on
    a machine with a network."""
    if BROWSER is None:
        pytest.skip(NO_BROWSER)
    for old in SCREENSHOTS.glob("*.png"):  # screenshots of pages that no longer exist
        old.unlink()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=BROWSER, args=BROWSER_ARGS)
        context = browser.new_context(viewport=DESKTOP)
        context.route(lambda url: not _is_local_scheme(url), lambda route: route.abort())
        yield context
        context.close()
        browser.close()


def _is_local_scheme(url: str) -> bool:
    return urlsplit(url).scheme in ("file", "data", "blob", "about")


def _inside_build(url: str) -> bool:
    scheme = urlsplit(url).scheme
    if scheme in ("data", "blob", "about"):
        return True
    return scheme == "file" and url.startswith(HTML_DIR.as_uri() + "/")


# ---------------------------------------------------------------- one visit per page
_REPORTS: dict[str, dict] = {}
_TIMINGS: dict[str, float] = {}

# Waits for MathJax's first typesetting and for the widget manager, then reports.
_WAIT_MATH = """async () => {
  const mj = window.MathJax;
  if (!mj || !mj.startup || !mj.startup.promise) return null;
  const timeout = new Promise(r => setTimeout(() => r("MathJax did not finish in 15 s"), 15000));
  try { return await Promise.race([mj.startup.promise.then(() => null), timeout]); }
  catch (e) { return "MathJax failed: " + e; }
}"""

_WIDGETS_DONE = """() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  return [...views].every(v => {
    const area = v.previousElementSibling;
    return area && area.classList.contains("widget-subarea") && area.childElementCount > 0;
  });
}"""

_COLLECT = r"""() => {
  const visible = el => !!(el && (el.offsetWidth || el.offsetHeight || el.getClientRects().length));
  const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      [...el.classList].slice(0, 3).map(c => "." + c).join("");
  const main = document.querySelector("article.bd-article") || document.body;

  // math: raw TeX left in visible text (not in code, not inside typeset math)
  const raw = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const skip = "pre, code, script, style, textarea, mjx-container, .highlight, .MathJax";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent;
    if (!/\$\$|\\\(|\\\[/.test(t)) continue;
    const p = n.parentElement;
    if (!p || p.closest(skip) || !visible(p)) continue;
    const i = t.search(/\$\$|\\\(|\\\[/);
    raw.push(t.slice(Math.max(0, i - 30), i + 50).replace(/\s+/g, " "));
  }
  const widgetTex = [...main.querySelectorAll(".widget-label, .widget-readout, .widget-html-content, .widget-inline-hbox label")]
    .filter(el => !el.querySelector("mjx-container") && /\$[^$]+\$/.test(el.textContent))
    .map(el => el.textContent.trim().slice(0, 60));
  const math = {
    sources: document.querySelectorAll(".math").length,
    typeset: document.querySelectorAll("mjx-container").length,
    raw: raw.slice(0, 10),
    widget_tex: widgetTex.slice(0, 10),
    errors: [...document.querySelectorAll("mjx-merror")].map(e => (e.getAttribute("data-mjx-error") || e.textContent).slice(0, 80)),
  };

  // widgets: each saved view rendered into a visible, non-empty area
  const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  const widgetProblems = [];
  views.forEach((v, i) => {
    let id = "?";
    try { id = JSON.parse(v.textContent).model_id; } catch (e) {}
    const area = v.previousElementSibling;
    if (!area || !area.classList.contains("widget-subarea"))
      widgetProblems.push(`view ${i + 1} (model ${id}) was not rendered: its model is missing from the saved widget state, or the manager failed`);
    else if (area.childElementCount === 0 || area.getBoundingClientRect().height < 2)
      widgetProblems.push(`view ${i + 1} (model ${id}) rendered an empty area`);
  });
  main.querySelectorAll(".widget-output").forEach((out, i) => {
    const r = out.getBoundingClientRect();
    if (out.textContent.trim() === "" && !out.querySelector("img, svg, canvas, video, iframe") || r.height < 2)
      widgetProblems.push(`Output widget ${i + 1} is blank (its saved outputs are empty: was the figure shown? A non-inline matplotlib backend such as MPLBACKEND=Agg shows nothing)`);
  });

  // images in the content; those drawn by the widget manager are exempt
  const images = [...main.querySelectorAll("img")].map(img => ({
    src: (img.getAttribute("src") || "").slice(0, 120),
    alt: img.getAttribute("alt"),
    in_output: !!img.closest(".cell_output, .output"),
    exempt: !!img.closest(".widget-subarea, .jupyter-widgets"),
    where: describe(img.parentElement || img),
  }));

  // error and traceback outputs (cells tagged raises-exception may show theirs)
  const errs = [];
  let intended = 0;
  const errorSel = ".traceback, .output.error, .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']";
  const stderrSel = ".output.stderr, .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']";
  main.querySelectorAll(errorSel + ", " + stderrSel).forEach(el => {
    const text = el.textContent;
    const isError = el.matches(errorSel) || /Traceback \(most recent call last\)|^\w*(Error|Exception)\b.*:/m.test(text);
    if (!isError) return;
    if (el.closest(".tag_raises-exception")) { intended++; return; }
    const line = text.trim().split("\n").filter(l => /Error|Exception/.test(l)).pop() || text.trim().split("\n")[0];
    errs.push(line.slice(0, 160));
  });

  // figures: a cell whose code ends a figure with plt.show() (at the start of a line) must
  // show an image; with a non-inline backend (MPLBACKEND=Agg) it silently shows nothing
  const missingFigures = [];
  main.querySelectorAll(".cell").forEach((cell, i) => {
    const src = cell.querySelector(".cell_input pre");
    if (!src || !/^plt\.show\(\)\s*$/m.test(src.textContent)) return;
    if (cell.querySelector(".cell_output img, .cell_output svg, .cell_output canvas, .widget-subarea")) return;
    missingFigures.push(`code cell ${i + 1} (${src.textContent.trim().split("\n")[0].slice(0, 60)}...)`);
  });

  // links: every href the reader can follow, resolved by the browser
  const links = [...document.querySelectorAll("a[href]")].map(a => ({href: a.getAttribute("href"), url: a.href}));
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id)
    .concat([...document.querySelectorAll("a[name]")].map(a => a.getAttribute("name")));

  return {math, widgets: {views: views.length, outputs: main.querySelectorAll(".widget-output").length, problems: widgetProblems},
          images, errors: errs, intended_errors: intended, missing_figures: missingFigures, links, ids};
}"""

_NARROW = r"""() => {
  const se = document.scrollingElement;
  window.scrollTo(100000, window.scrollY);
  const scrolled = window.scrollX;
  window.scrollTo(0, 0);
  const vw = se.clientWidth;
  const offenders = [];
  if (scrolled > 0 || se.scrollWidth > vw + 1) {
    const clips = el => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX;
        if (o !== "visible" && o !== "clip" ) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1 || clips(el)) continue;
      const p = el.parentElement;
      if (p && p !== document.body && p.getBoundingClientRect().right > vw + 1 && !clips(p)) continue;
      const name = el.tagName.toLowerCase() + [...el.classList].slice(0, 3).map(c => "." + c).join("");
      const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
      offenders.push(`${name}${text ? ` ("${text}")` : ""} reaches ${Math.round(r.right)} px`);
      if (offenders.length >= 5) break;
    }
  }
  return {scrolled, scroll_width: se.scrollWidth, width: vw, offenders};
}"""


def _visit(context, rel: str) -> dict:
    """Open one page, let MathJax and the widget manager finish, and record everything
    the checks need. Each page is visited once per session."""
    if rel in _REPORTS:
        return _REPORTS[rel]
    start = time.perf_counter()
    report: dict = {"console": [], "page_errors": [], "requests": [], "failed": []}
    page = context.new_page()
    page.set_default_timeout(20000)
    page.on("console", lambda m: m.type == "error" and report["console"].append(m.text[:300]))
    page.on("pageerror", lambda e: report["page_errors"].append(str(e)[:300]))
    page.on("request", lambda r: report["requests"].append(r.url))
    page.on("requestfailed", lambda r: report["failed"].append(f"{r.url[:150]} ({r.failure})"))
    try:
        page.set_viewport_size(DESKTOP)
        page.goto((HTML_DIR / rel).as_uri(), wait_until="load")
        report["math_wait"] = page.evaluate(_WAIT_MATH)
        if page.evaluate("document.querySelector('script[type=\"application/vnd.jupyter.widget-view+json\"]') !== null"):
            try:
                page.wait_for_function(_WIDGETS_DONE, timeout=15000)
            except Exception:
                pass  # the widgets check reports which view did not render
        page.evaluate("document.fonts.ready.then(() => null)")
        try:
            page.wait_for_load_state("networkidle", timeout=5000)
        except Exception:
            pass
        report.update(page.evaluate(_COLLECT))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / (rel.removesuffix(".html").replace("/", "__") + ".png")
        page.screenshot(path=str(shot), full_page=True)
        report["screenshot"] = str(shot)
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(100)
        report["narrow"] = page.evaluate(_NARROW)
    except Exception as exc:  # reported by every check of this page, without retrying
        report["visit_error"] = f"{type(exc).__name__}: {exc}"[:500]
    finally:
        page.close()
    _TIMINGS[rel] = time.perf_counter() - start
    _REPORTS[rel] = report
    _write_summary()
    return report


def _write_summary() -> None:
    summary = {}
    for rel, r in _REPORTS.items():
        images = r.get("images", [])
        summary[rel] = {
            "seconds": round(_TIMINGS.get(rel, 0), 2),
            "console_errors": len(r["console"]) + len(r["page_errors"]),
            "requests": len(r["requests"]),
            "external_requests": [u for u in r["requests"] if not _inside_build(u)],
            "math": {k: r["math"][k] for k in ("sources", "typeset")} if "math" in r else None,
            "widget_views": r.get("widgets", {}).get("views"),
            "images_checked": sum(not i["exempt"] for i in images),
            "images_exempt_widget": sum(i["exempt"] for i in images),
            "intended_errors": r.get("intended_errors", 0),
            "screenshot": r.get("screenshot"),
        }
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")


@pytest.fixture
def report(browser_context, request) -> dict:
    result = _visit(browser_context, request.param)
    if "visit_error" in result:
        pytest.fail(f"could not open and read the page: {result['visit_error']}", pytrace=False)
    return result


def _pages_param():
    return pytest.mark.parametrize(
        "report", PAGES, ids=[p.removesuffix(".html") for p in PAGES], indirect=True
    )


def _bullets(items) -> str:
    return "".join(f"\n  - {i}" for i in items)


# ------------------------------------------------------------------------- the checks
def test_book_has_pages():
    assert PAGES, f"no HTML pages of the book in {HTML_DIR}: run `make book` first"


@_pages_param()
def test_console(report):
    problems = [f"console error: {m}" for m in report["console"]]
    problems += [f"uncaught page error: {m}" for m in report["page_errors"]]
    problems += [f"failed to load: {m}" for m in report["failed"]]  # Chrome's message has no URL
    assert not problems, "the page logged errors:" + _bullets(problems)


@_pages_param()
def test_offline(report):
    external = [u for u in report["requests"] if not _inside_build(u)]
    assert not external, (
        f"requests leaving the built folder {HTML_DIR} (the book must carry its own "
        "assets; see _vendor/README.md):" + _bullets(external)
    )


@_pages_param()
def test_math(report):
    math = report["math"]
    problems = []
    if report.get("math_wait"):
        problems.append(report["math_wait"])
    if math["sources"] and not math["typeset"]:
        problems.append(f"{math['sources']} math elements and none typeset (is MathJax loaded?)")
    problems += [f"raw TeX in the visible text: ...{t}..." for t in math["raw"]]
    problems += [f"TeX error: {e}" for e in math["errors"]]
    problems += [
        f"raw $...$ in a widget label: {t!r} (the book's MathJax typesets \\(...\\) only: "
        "write description=r'\\(w\\)')"
        for t in math["widget_tex"]
    ]
    assert not problems, "math is not typeset:" + _bullets(problems)


@_pages_param()
def test_widgets(report):
    assert not report["widgets"]["problems"], "widgets:" + _bullets(report["widgets"]["problems"])


GENERIC_ALT = re.compile(
    r"^(an? |the )?(image|img|figure|fig|plot|graph|chart|picture|photo|output|"
    r"animation|untitled|png|svg|jpe?g)\b.{0,3}$|^<?Figure size \d",
    re.IGNORECASE,
)


def alt_text_problem(alt: str | None, src: str) -> str | None:
    """Why an image's alt text does not say what the image shows (None: it is fine)."""
    if alt is None:
        return "no alt attribute"
    text = alt.strip()
    if not text:
        return "empty alt text"
    name = Path(urlsplit(src).path).name if src and not src.startswith("data:") else ""
    if (name and name in text) or re.search(r"\.(png|jpe?g|gif|svg|webp)$", text, re.I):
        return "alt is the image's file name (docutils' default when no alt is set)"
    if GENERIC_ALT.search(text):
        return f"generic alt text {text!r}"
    if len(text.split()) < 3:
        return f"alt text {text!r} is too short to say what the image shows (3 words or more)"
    return None


@_pages_param()
def test_alt_text(report):
    problems = []
    for img in report["images"]:
        if img["exempt"]:
            continue
        if why := alt_text_problem(img["alt"], img["src"]):
            src = img["src"] if not img["src"].startswith("data:") else img["src"][:30] + "..."
            hint = ""
            if img["where"].startswith("div.animation"):
                hint = ' (an animation: HTML(anim.to_jshtml().replace("<img ", \'<img alt="..." \', 1)))'
            problems.append(f"{why}: <img src={src!r}> in {img['where']}{hint}")
    assert not problems, (
        "images without alt text that says what they show (set it in the cell metadata: "
        '{"mystnb": {"image": {"alt": "..."}}}, see this file\'s docstring):' + _bullets(problems)
    )


@_pages_param()
def test_no_errors(report):
    assert not report["errors"], (
        "error or traceback outputs (tag the cell raises-exception if the error is the "
        "point):" + _bullets(report["errors"])
    )


@_pages_param()
def test_figures_shown(report):
    assert not report["missing_figures"], (
        "cells that call plt.show() but show no figure (was the build's matplotlib backend "
        "not inline, e.g. MPLBACKEND=Agg in its environment?):" + _bullets(report["missing_figures"])
    )


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if value and (key == "id" or (tag == "a" and key == "name")):
                self.ids.add(value)


_IDS: dict[Path, set[str]] = {}


def _ids_of(path: Path) -> set[str]:
    if path not in _IDS:
        parser = _Ids()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        _IDS[path] = parser.ids
    return _IDS[path]


@_pages_param()
def test_links(report, request):
    this = (HTML_DIR / request.node.callspec.params["report"]).resolve()
    problems = []
    for link in report["links"]:
        href, url = link["href"], link["url"]
        parts = urlsplit(url)
        if parts.scheme != "file" or href.startswith("javascript:"):
            continue  # external links are not requests; they are allowed
        target = Path(unquote(parts.path)).resolve()
        if not (target == HTML_DIR or HTML_DIR in target.parents):
            problems.append(f"{href!r} points outside the built book ({target})")
            continue
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{href!r}: no such file {target.relative_to(HTML_DIR)}")
            continue
        fragment = unquote(parts.fragment)
        if not fragment:
            continue
        ids = set(report["ids"]) if target == this else _ids_of(target)
        if fragment not in ids:
            problems.append(f"{href!r}: no element with id {fragment!r} in {target.relative_to(HTML_DIR)}")
    assert not problems, "broken internal links:" + _bullets(sorted(set(problems)))


@_pages_param()
def test_narrow(report):
    narrow = report["narrow"]
    assert narrow["scrolled"] == 0, (
        f"at {NARROW['width']} px the page scrolls sideways by {narrow['scrolled']} px "
        f"(content {narrow['scroll_width']} px wide); what sticks out:"
        + _bullets(narrow["offenders"] or ["(not found)"])
    )


# --------------------------------------------------------------- book-wide behaviour
def test_index_opens_the_book(browser_context):
    """README: 'open _build/html/index.html'. It must lead to a page of the book."""
    index = HTML_DIR / "index.html"
    assert index.is_file(), f"{index} is missing"
    if "index.html" in PAGES:
        return  # a page of the book itself, checked like every other page
    page = browser_context.new_page()
    try:
        page.goto(index.as_uri(), wait_until="load")
        page.wait_for_url(lambda url: not url.endswith("/index.html"), timeout=10000)
        landed = Path(unquote(urlsplit(page.url).path)).resolve()
        rel = landed.relative_to(HTML_DIR).as_posix()
        assert rel in PAGES, f"index.html leads to {rel}, not a page of the book"
    finally:
        page.close()


def test_live_code_button_fails_politely_offline(browser_context):
    """Live code (Thebe) needs unpkg.com and mybinder.org. Offline, pressing it must say so
    (_ext/offline_html.py) instead of 'Loading thebe from CDN...' for ever."""
    candidates = [p for p in PAGES if "initThebeSBT" in (HTML_DIR / p).read_text(encoding="utf-8")]
    if not candidates:
        pytest.skip("no page has a Live Code button (launch_buttons.thebe is off)")
    page = browser_context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda e: page_errors.append(str(e)))
    try:
        page.goto((HTML_DIR / candidates[0]).as_uri(), wait_until="load")
        page.click(".dropdown-launch-buttons .dropdown-toggle")
        page.click("button.btn-launch-thebe")
        button = page.locator(".thebe-launch-button.thebe-offline")
        button.wait_for(timeout=10000)
        assert "needs the internet" in button.inner_text()
        assert not page_errors, "uncaught errors after pressing Live Code:" + _bullets(page_errors)
    finally:
        page.close()


if BROWSER is None:
    # No browser: one loud skip instead of a skip per page and check (and instead of a
    # module-level skip, after which pytest exits 5, "no tests ran", and make stops).
    for _name in [n for n in globals() if n.startswith("test_") and n != "test_book_has_pages"]:
        del globals()[_name]

    def test_browser_is_installed():
        pytest.skip(NO_BROWSER)
