"""python-doc, postgresql-doc, debian-doc, git-doc, javadoc: HTML manuals, one
document per page.

The page file is copied as it is to DIR/docs/; the indexed text is its visible
text: no scripts, styles, navigation bars, headers, footers or sidebars, blocks
on their own lines, whitespace collapsed outside <pre>. The title is <title>."""
import os
import re
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser

from .common import Doc, package_files, tidy

SHORTEST = 40

HIDDEN_TAGS = {"script", "style", "nav", "header", "footer", "noscript", "svg", "template"}
HIDDEN_CLASSES = {"sphinxsidebar", "related", "footer", "navheader", "navfooter", "sub-nav",
                  "top-nav", "skip-nav", "navbar", "nav-list", "headerlink"}
HIDDEN_ROLES = {"navigation", "banner", "contentinfo", "search"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}
LINE_BREAKING = {"address", "article", "blockquote", "body", "br", "caption", "dd", "div",
                 "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
                 "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "td",
                 "th", "thead", "tr", "ul"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.title_chunks = []
        self.in_title = False
        self.hidden = None      # (tag, nesting depth) of the element being skipped
        self.pre_depth = 0

    def hides(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            return True
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        return bool(classes & HIDDEN_CLASSES) or attributes.get("role") in HIDDEN_ROLES

    def handle_starttag(self, tag, attrs):
        if self.hidden is not None:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] + 1)
            return
        if tag == "title":
            self.in_title = True
            return
        if self.hides(tag, attrs):
            if tag not in VOID_TAGS:
                self.hidden = (tag, 1)
            return
        if tag == "pre":
            self.pre_depth += 1
        if tag in LINE_BREAKING:
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if self.hidden is not None:
            if tag == self.hidden[0]:
                depth = self.hidden[1] - 1
                self.hidden = (tag, depth) if depth else None
            return
        if tag == "title":
            self.in_title = False
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in LINE_BREAKING:
            self.chunks.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_chunks.append(data)
        elif self.hidden is None:
            self.chunks.append(data if self.pre_depth else re.sub(r"\s+", " ", data))


def visible_text(raw):
    """(title, text) of an HTML page given as bytes."""
    parser = VisibleText()
    try:
        parser.feed(raw.decode("utf-8", errors="replace"))
        parser.close()
    except Exception:   # broken markup: keep what was read so far
        pass
    lines = []
    for line in "".join(parser.chunks).split("\n"):
        # indented lines come from <pre>: keep their indentation
        lines.append(line.rstrip() if line.startswith("  ") else line.strip())
    title = " ".join("".join(parser.title_chunks).split())
    return title, tidy("\n".join(lines))


def convert(job):
    doc_id, path = job
    with open(path, "rb") as f:
        raw = f.read()
    title, text = visible_text(raw)
    return Doc(doc_id, title or os.path.basename(path), text, raw)


def pages(package, root, folder, wanted):
    """(id, path) of the package's .html files under root whose path relative
    to root passes wanted()."""
    found = []
    for path in package_files(package):
        if path.startswith(root) and path.endswith(".html"):
            relative = path[len(root):]
            if wanted(relative):
                found.append((folder + "/" + relative, path))
    return found


def convert_all(jobs_list, jobs):
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        docs = list(pool.map(convert, jobs_list, chunksize=16))
    return [d for d in docs if len(d.text) >= SHORTEST]


# ---- the manuals -----------------------------------------------------------

PYTHON_PACKAGES = ["python3.11-doc"]
POSTGRESQL_PACKAGES = ["postgresql-doc-15"]
DEBIAN_PACKAGES = ["debian-reference-en", "developers-reference", "debian-policy",
                   "maint-guide", "debian-handbook"]
GIT_PACKAGES = ["git-doc"]
JAVADOC_PACKAGES = ["openjdk-17-doc"]

INDEX_PAGES = ("genindex.html", "search.html")


def python_page(relative):
    top = relative.split("/")[0]
    return not (top.startswith("genindex") or top.startswith("_")
                or top in ("search.html", "py-modindex.html"))


def build_python_doc(jobs):
    return convert_all(pages("python3.11-doc", "/usr/share/doc/python3.11/html/",
                             "python-doc", python_page), jobs)


def build_postgresql_doc(jobs):
    return convert_all(pages("postgresql-doc-15", "/usr/share/doc/postgresql-doc-15/html/",
                             "postgresql-doc", lambda relative: True), jobs)


def build_debian_doc(jobs):
    found = []
    found += pages("debian-reference-en", "/usr/share/debian-reference/",
                   "debian-doc/debian-reference", lambda r: r.endswith(".en.html"))
    found += pages("developers-reference", "/usr/share/developers-reference/",
                   "debian-doc/developers-reference",
                   lambda r: "/" not in r and r not in INDEX_PAGES)
    found += pages("debian-policy", "/usr/share/doc/debian-policy/",
                   "debian-doc/debian-policy",
                   lambda r: "_sources" not in r and not r.endswith(INDEX_PAGES))
    found += pages("maint-guide", "/usr/share/doc/maint-guide/html/",
                   "debian-doc/maint-guide", lambda r: r.endswith(".en.html"))
    found += pages("debian-handbook", "/usr/share/doc/debian-handbook/html/en-US/",
                   "debian-doc/debian-handbook", lambda r: "/" not in r)
    return convert_all(found, jobs)


def build_git_doc(jobs):
    return convert_all(pages("git-doc", "/usr/share/doc/git-doc/", "git-doc",
                             lambda relative: True), jobs)


def javadoc_class_page(relative):
    # module/package/.../ClassName.html; not class-use/, index or tree pages
    name = os.path.basename(relative)
    return "/" in relative and "class-use/" not in relative and name[:1].isupper()


def build_javadoc(jobs):
    return convert_all(pages("openjdk-17-doc", "/usr/share/doc/openjdk-17-jre-headless/api/",
                             "javadoc", javadoc_class_page), jobs)
