"""The storefront's trimmed copy of Oscar's CSS (Bootstrap 4 + Oscar + Font Awesome): base.min.css.

    .venv/bin/python scripts/build_css.py            # writes themes/default/static/default/css/base.min.css
    .venv/bin/python scripts/build_css.py --check    # exit 1 when the committed file differs from the output
    .venv/bin/python scripts/build_css.py --fonts    # also writes the Font Awesome subset (fonttools, brotli:
                                                     # pip install --target var/buildtools fonttools brotli, then
                                                     # PYTHONPATH=var/buildtools)

Oscar's ``oscar/css/styles.css`` carries the whole of Bootstrap 4 and Font Awesome 7 (276 KB); the storefront
uses a small part of it. This keeps a rule's selector when every class and id it needs (outside ``:not()``)
is a word of the sources the storefront renders: our templates and Oscar's storefront templates ours do not
replace (the dashboard excluded: it keeps Oscar's full dashboard.css), the classes our Python sets (form
widgets' ``attrs``, HTML built in Python) and availability codes, our scripts and the scripts we serve
(Bootstrap's bundle and Oscar's ui.js toggle classes). A class written as a prefix before a template tag or a
string concatenation (``alert-{{ tags }}``, ``"col-" + n``) keeps every class with that prefix. Element and
attribute selectors are always kept; ``@keyframes`` and ``@font-face`` only when a kept rule uses them.
Bootstrap's blue and grey are darkened to pass WCAG AA contrast (``PALETTE``). Font Awesome's solid font is
served as a subset holding the icons kept (``default/fonts/fa-solid-900-subset.woff2``, its glyphs listed in
``scripts/fa-solid-900-subset.txt``); the other Font
Awesome fonts are never downloaded (no storefront element uses them). After a template adds a Bootstrap class,
run the script again (the test fails until then).
The output is deterministic (tests/test_css_build.py compares it with the committed file).
"""

import re
import sys
from pathlib import Path

import oscar

ROOT = Path(__file__).resolve().parents[1]
OSCAR = Path(oscar.__file__).resolve().parent
SOURCE = OSCAR / "static" / "oscar" / "css" / "styles.css"
THEME = ROOT / "themes" / "default"
OUTPUT = THEME / "static" / "default" / "css" / "base.min.css"
FONT_SOURCE = OSCAR / "static" / "oscar" / "webfonts" / "fa-solid-900.woff2"
FONT_OUTPUT = THEME / "static" / "default" / "fonts" / "fa-solid-900-subset.woff2"
# The glyphs (hexadecimal code points) the committed subset was cut to, written with it: tests/test_css_build.py
# checks the stylesheet's icons against it without fonttools.
FONT_GLYPHS = ROOT / "scripts" / "fa-solid-900-subset.txt"
# The font's address as written in the output, relative to default/css/.
FONT_URL = "../fonts/fa-solid-900-subset.woff2"
PYTHON_PACKAGES = ("catalogue", "cms", "payments", "shop")
SCRIPTS = (
    THEME / "static" / "default" / "js",
    OSCAR / "static" / "oscar" / "js" / "oscar" / "ui.js",
    OSCAR / "static" / "oscar" / "js" / "bootstrap4" / "bootstrap.bundle.min.js",
)
# Classes made in Python outside our packages: Oscar's ``as_stars`` filter (star-rating One … Five).
EXTRA_WORDS = {"One", "Two", "Three", "Four", "Five"}

# Bootstrap's default blue (#007bff: 3.97:1 on white) and grey (#6c757d: 4.48:1 on the page's #fafaf7) fail WCAG
# AA for links, buttons and muted text; the storefront's copy uses darker shades of the same hues (the primary
# becomes Bootstrap's own link-hover blue, 7:1), each hover/active shade one step darker again.
PALETTE = {
    "#007bff": "#0056b3",
    "#0069d9": "#004a99",
    "#0062cc": "#00438a",
    "#005cbf": "#003d7d",
    "#0056b3": "#003d7d",
    "rgba(0, 123, 255,": "rgba(0, 86, 179,",
    "rgba(38, 143, 255,": "rgba(38, 111, 194,",
    "#6c757d": "#5b636b",
    "#5a6268": "#4e555b",
    "#545b62": "#484f55",
    "#4e555b": "#42484d",
    "rgba(108, 117, 125,": "rgba(91, 99, 107,",
    "rgba(130, 138, 145,": "rgba(116, 122, 129,",
}
RECOLOUR = re.compile("|".join(re.escape(colour) for colour in PALETTE), re.I)
WORD = re.compile(r"[A-Za-z_][\w-]*")
TEMPLATE_PREFIX = re.compile(r"([A-Za-z][\w-]*-)\{[{%]")
SCRIPT_PREFIX = re.compile(r"""["'`]([A-Za-z][\w-]*-)["'`]\s*\+|([A-Za-z][\w-]*-)\$\{""")
# A class set in Python: ``attrs={"class": "form-control"}``, ``'<span class="qr-code">'``.
PYTHON_CLASS = re.compile(r"""class\\?["']?\s*[:=]\s*\\?["']([^"'\\]*)""")
# Availability codes, which Oscar's templates print as classes (``<p class="{{ …availability.code }} availability">``).
AVAILABILITY_CODE = re.compile(r"""\b(?:CODE_\w+|code)\s*=\s*["']([\w-]+)["']""")
AVAILABILITY_SOURCES = (OSCAR / "apps" / "partner" / "availability.py", ROOT / "shop" / "partner" / "availability.py")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
NAMES = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
FONT_FILE = re.compile(r"webfonts/([\w-]+)\.woff2")
# Font Awesome's fonts by the class that selects each; a font is kept when its class is.
FONT_CLASSES = {"fa-solid-900": "fas", "fa-regular-400": "far", "fa-brands-400": "fab"}
KEYFRAMES = re.compile(r"@(?:-webkit-)?keyframes\s+([\w-]+)")
# A selector list inside ``:is()`` / ``:where()`` (Font Awesome 7: ``:is(.fas,.far,.fab,…)::before``).
FORGIVING_LIST = re.compile(r":(is|where)\(((?:[^()]|\([^()]*\))*)\)")


def split_selectors(text):
    """A selector list's selectors: its commas outside parentheses (``:is(.a,.b) p, .c`` is two)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [" ".join(part.split()) for part in parts]


def storefront_templates():
    """Our templates and Oscar's storefront templates that ours do not replace; no dashboard."""
    ours = {}
    for base in (
        THEME / "templates",
        ROOT / "shop" / "jobs" / "templates",
        ROOT / "shop" / "notifications" / "templates",
    ):
        for path in base.rglob("*.html"):
            ours.setdefault(path.relative_to(base).as_posix(), path)
    chosen = list(ours.items())
    oscar_base = OSCAR / "templates"
    for path in oscar_base.rglob("*.html"):
        name = path.relative_to(oscar_base).as_posix()
        # Oscar's own, unless ours replaces it rather than extending it ({% extends "<the same name>" %}).
        if name not in ours or re.search(r"""\{%\s*extends\s+["']""" + re.escape(name), ours[name].read_text("utf-8")):
            chosen.append((name, path))
    return [path for name, path in sorted(chosen) if not name.startswith("oscar/dashboard/")]


def vocabulary():
    """(words, prefixes) of the sources the storefront renders."""
    words, prefixes = set(EXTRA_WORDS), set()
    for path in storefront_templates():
        text = path.read_text(encoding="utf-8")
        words.update(WORD.findall(text))
        prefixes.update(TEMPLATE_PREFIX.findall(text))
    for path in AVAILABILITY_SOURCES:
        words.update(AVAILABILITY_CODE.findall(path.read_text(encoding="utf-8")))
    for package in PYTHON_PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                for value in PYTHON_CLASS.findall(path.read_text(encoding="utf-8")):
                    words.update(WORD.findall(value))
    for source in SCRIPTS:
        for path in [source] if source.is_file() else sorted(source.glob("*.js")):
            text = path.read_text(encoding="utf-8")
            words.update(WORD.findall(text))
            prefixes.update(prefix for pair in SCRIPT_PREFIX.findall(text) for prefix in pair if prefix)
    return words, prefixes


def parse(text):
    """Top-level statements of a stylesheet: (prelude, body) pairs, body None for ``@charset …;``."""
    statements, position, length = [], 0, len(text)
    while position < length:
        while position < length and text[position] in " \t\r\n":
            position += 1
        if position >= length:
            break
        brace, semicolon = text.find("{", position), text.find(";", position)
        if text[position] == "@" and semicolon != -1 and (brace == -1 or semicolon < brace):
            statements.append((text[position:semicolon].strip(), None))
            position = semicolon + 1
            continue
        depth, index = 1, brace + 1
        while depth:
            char = text[index]
            if char in "\"'":
                index = text.index(char, index + 1)
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            index += 1
        statements.append((text[position:brace].strip(), text[brace + 1 : index - 1]))
        position = index
    return statements


def _squeeze(declarations):
    declarations = RECOLOUR.sub(lambda match: PALETTE[match.group(0).lower()], declarations)
    parts = [part.strip() for part in declarations.split(";")]
    return ";".join(re.sub(r"\s*:\s*", ":", part, count=1) for part in parts if part)


class Trimmer:
    def __init__(self, words, prefixes):
        self.words, self.prefixes = words, tuple(sorted(prefixes))
        self.used_names = set()  # keyframes and font families named by the kept rules
        self.kept_classes = set()  # every class of a kept selector

    def known(self, name):
        return name in self.words or name.startswith(self.prefixes)

    def keep_selector(self, selector):
        bare = ATTRIBUTE.sub("", NOT.sub("", selector))
        return all(self.known(name) for name in NAMES.findall(bare))

    def trim_selector(self, selector):
        """The selector as kept, or None: an ``:is()`` list keeps the alternatives in use (none: the selector goes)."""
        emptied = False

        def trim_list(match):
            nonlocal emptied
            kept = [alternative for alternative in split_selectors(match.group(2)) if self.keep_selector(alternative)]
            emptied = emptied or not kept
            return f":{match.group(1)}({','.join(kept)})"

        trimmed = FORGIVING_LIST.sub(trim_list, selector)
        return trimmed if not emptied and self.keep_selector(trimmed) else None

    def rules(self, statements):
        out = []
        for prelude, body in statements:
            if body is None:
                continue
            if prelude.startswith("@media") or prelude.startswith("@supports"):
                inner = self.rules(parse(body))
                if inner:
                    out.append([" ".join(prelude.split()), inner])  # finished by at_rules
            elif prelude.startswith("@"):
                out.append((prelude, body))  # decided once every rule is known
            else:
                kept = [s for s in map(self.trim_selector, split_selectors(prelude)) if s]
                if kept:
                    declarations = _squeeze(body)
                    self.used_names.update(WORD.findall(declarations))
                    self.kept_classes.update(n for s in kept for n in NAMES.findall(s))
                    out.append(f"{','.join(kept)}{{{declarations}}}")
        return out

    def at_rules(self, rules):
        out = []
        for rule in rules:
            if isinstance(rule, str):
                out.append(rule)
                continue
            if isinstance(rule, list):
                inner = self.at_rules(rule[1])
                if inner:
                    out.append(f"{rule[0]}{{\n{chr(10).join(inner)}\n}}")
                continue
            prelude, body = rule
            keyframes = KEYFRAMES.match(prelude)
            if keyframes and keyframes.group(1) not in self.used_names:
                continue
            if prelude.startswith("@font-face"):
                font = FONT_FILE.search(body)
                if font and FONT_CLASSES.get(font.group(1)) not in self.kept_classes:
                    continue  # a Font Awesome style no kept rule uses (regular, brands, v4 shims)
                if font and font.group(1) == "fa-solid-900":
                    body = re.sub(r"src:[^;]*", f'src:url("{FONT_URL}") format("woff2")', body)
                body = body.replace("../webfonts/", "../../oscar/webfonts/")  # Oscar's, from default/css/
            if keyframes:
                inner = "".join(f"{p}{{{_squeeze(b)}}}" for p, b in parse(body))
                out.append(f"{' '.join(prelude.split())}{{{inner}}}")
            else:
                out.append(f"{' '.join(prelude.split())}{{{_squeeze(body)}}}")
        return out


def build():
    """The trimmed stylesheet's text, and the Font Awesome classes it keeps."""
    text = SOURCE.read_text(encoding="utf-8")
    licences = list(dict.fromkeys(" ".join(c.split()) for c in re.findall(r"/\*!.*?\*/", text, re.S)))
    trimmer = Trimmer(*vocabulary())
    rules = trimmer.at_rules(trimmer.rules(parse(COMMENT.sub("", text))))
    header = [
        '@charset "UTF-8";',
        f"/* Built by scripts/build_css.py from Oscar {oscar.get_version()}'s oscar/css/styles.css: the rules the"
        " storefront's templates and scripts use. Do not edit: run the script. */",
        *licences,
    ]
    icons = sorted(name for name in trimmer.kept_classes if name.startswith("fa-"))
    return "\n".join([*header, *rules]) + "\n", icons


def build_font(css):
    """The solid Font Awesome font cut to the glyphs of the kept ``.fa-*::before`` rules."""
    from fontTools import subset

    codepoints = sorted({int(code, 16) for code in re.findall(r'--fa:\s*"\\([0-9a-f]{4,5})"', css)})
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    font = subset.load_font(str(FONT_SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    FONT_OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(FONT_OUTPUT), options)
    FONT_GLYPHS.write_text(" ".join(f"{code:x}" for code in codepoints) + "\n", encoding="utf-8")
    return codepoints


def main(argv):
    css, icons = build()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != css:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run scripts/build_css.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(css, encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(css) / 1024:.1f} KB (from {SOURCE.stat().st_size / 1024:.1f} KB)")
    print(f"Font Awesome classes kept: {' '.join(icons)}")
    if "--fonts" in argv:
        codepoints = build_font(css)
        print(f"{FONT_OUTPUT.relative_to(ROOT)}: {FONT_OUTPUT.stat().st_size / 1024:.1f} KB, {len(codepoints)} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
