"""Shared helpers of the corpus builder: package files, text tidying, ids."""
import gzip
import os
import re
import subprocess
import sys
import unicodedata
from typing import NamedTuple, Optional


class Doc(NamedTuple):
    """One corpus document.

    id    path under DIR/docs/ (also the JSON-lines id)
    title short human title
    text  the text an engine indexes
    raw   bytes written to DIR/docs/<id> when they differ from the text
          (the original HTML page); None means "write text + newline"
    """
    id: str
    title: str
    text: str
    raw: Optional[bytes] = None


def say(*parts):
    print("make-corpus:", *parts, file=sys.stderr, flush=True)


def package_files(package):
    """Regular files (not symlinks) shipped by an installed package, sorted.

    The file list comes from dpkg, so other packages installed on the
    machine never change the corpus."""
    proc = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
    if proc.returncode != 0:
        say("warning: package %s is not installed; skipped" % package)
        return []
    paths = {p for p in proc.stdout.splitlines()
             if os.path.isfile(p) and not os.path.islink(p)}
    return sorted(paths)


def package_version(package):
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                          capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    return proc.stdout.strip()


def read_text(path):
    """File content as text (gunzipped when the name ends in .gz); bad bytes
    become U+FFFD."""
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def tidy(text):
    """Normalise line ends, drop NULs and trailing blanks, keep at most one
    empty line in a row, trim empty lines at both ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    kept = []
    previous_empty = False
    for line in text.split("\n"):
        line = line.rstrip()
        if not line and previous_empty:
            continue
        previous_empty = not line
        kept.append(line)
    return "\n".join(kept).strip("\n")


def slugify(text, limit=60):
    """ASCII, lowercase, runs of anything else turned into one '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:limit].strip("-")
    return slug or "x"


class UniqueIds:
    """Hands out each path once; a repeated path gets -2, -3, ... before its
    extension, in the order the requests come."""

    def __init__(self):
        self.taken = set()

    def claim(self, path):
        candidate = path
        stem, ext = os.path.splitext(path)
        counter = 1
        while candidate in self.taken:
            counter += 1
            candidate = "%s-%d%s" % (stem, counter, ext)
        self.taken.add(candidate)
        return candidate
