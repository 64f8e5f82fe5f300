"""man: manual pages of a fixed list of packages, rendered to plain text by
man-db/groff (MANWIDTH=80, LC_ALL=C.UTF-8), one document per page.

Only /usr/share/man/manN* pages (no translations); `.so` alias pages are
skipped; when two packages ship the same page the first in the list wins."""
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

from .common import Doc, package_files, read_text, tidy

PAGE_PACKAGES = [
    "manpages", "manpages-dev", "coreutils", "util-linux", "bash", "findutils",
    "grep", "sed", "tar", "gzip", "diffutils", "man-db", "dpkg", "apt",
    "perl-doc", "procps", "less", "groff-base", "git-man", "openssh-client",
    "xapian-tools", "iproute2", "rsync", "bible-kjv",
]
# the pages plus what renders them (bsdextrautils has col)
PACKAGES = PAGE_PACKAGES + ["bsdextrautils"]

PAGE_PATH = re.compile(r"^/usr/share/man/man([0-9n])[^/]*/([^/]+?)\.([0-9n][^/.]*)(?:\.gz)?$")
SHORTEST = 40


def is_alias(source):
    """A page whose only content is a `.so other-page` request."""
    content = [line for line in source.split("\n")
               if line.strip() and not line.startswith(('.\\"', "'\\\""))]
    return bool(content) and content[0].startswith(".so ") and len(content) <= 2


def render(path):
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", LANG="C.UTF-8",
               MANPAGER="cat", PAGER="cat")
    env.pop("MAN_KEEP_FORMATTING", None)
    proc = subprocess.run(["man", "--no-hyphenation", "--no-justification", "-E", "UTF-8",
                           "-l", path], capture_output=True, env=env)
    text = proc.stdout.decode("utf-8", errors="replace")
    text = re.sub(r".\x08", "", text)             # overstrike bold/underline
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)    # SGR escapes
    return tidy(text)


def pages():
    """{document id: (file, name, section)} for every non-alias page."""
    found = {}
    for package in PAGE_PACKAGES:
        for path in package_files(package):
            m = PAGE_PATH.match(path)
            if m is None:
                continue
            folder, name, section = m.groups()
            doc_id = "man/man%s/%s.%s.txt" % (folder, name, section)
            if doc_id in found or is_alias(read_text(path)):
                continue
            found[doc_id] = (path, name, section)
    return found


def title_of(name, section, text):
    title = "%s(%s)" % (name, section)
    m = re.search(r"^NAME\n\s+(.+?)\n\n", text, re.M | re.S)
    if m:
        title += " - " + " ".join(m.group(1).split())[:200]
    return title


def build(jobs):
    found = pages()
    doc_ids = sorted(found)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        texts = list(pool.map(lambda doc_id: render(found[doc_id][0]), doc_ids))
    docs = []
    for doc_id, text in zip(doc_ids, texts):
        if len(text) < SHORTEST:
            continue
        path, name, section = found[doc_id]
        docs.append(Doc(doc_id, title_of(name, section, text), text))
    return docs
