"""linux-doc: the kernel's Documentation/ tree (linux-doc-6.1), .rst/.txt files
and extension-less files (the ABI descriptions).

A file of more than 6 kB with at least two reStructuredText headings is split
at its headings, one document per section; sections shorter than 800 bytes are
merged with the ones that follow, so that no document is a lone heading."""
import os
import re

from .common import Doc, UniqueIds, package_files, read_text, slugify, tidy

PACKAGES = ["linux-doc-6.1"]
MARKER = "/Documentation/"
SPLIT_ABOVE = 6000      # characters: larger files are split at their headings
SHORTEST_SECTION = 800  # characters: shorter sections join the next ones
SHORTEST_FILE = 40      # characters: shorter files are dropped

# an adornment line: one punctuation character repeated, at least three times
ADORNMENT = re.compile(r"^([=\-~^*+#\"'`:.])\1{2,}\s*$")


def is_adornment(line):
    return ADORNMENT.match(line) is not None


def headings(lines):
    """[(first line of the section, heading text)] in order.

    A heading is an unindented line of text underlined by an adornment at least
    about as long as the text (60 %), preceded by an empty line, the start of the
    file or an overline (then the section starts at the overline)."""
    found = []
    for i in range(len(lines) - 1):
        text, under = lines[i], lines[i + 1]
        if not text.strip() or text[0].isspace() or is_adornment(text):
            continue
        if not is_adornment(under):
            continue
        if len(under.strip()) < max(3, int(len(text.strip()) * 0.6)):
            continue
        if i == 0 or not lines[i - 1].strip():
            found.append((i, text.strip()))
        elif is_adornment(lines[i - 1]):
            found.append((i - 1, text.strip()))
    return found


def sections(text, heads, line_count):
    """Cut the lines at the headings; the part before the first heading (if
    any) has no heading. Then merge short parts forward."""
    lines = text.split("\n")
    starts = list(heads)
    if starts[0][0] > 0:
        starts.insert(0, (0, None))
    parts = []
    for n, (start, heading) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else line_count
        parts.append((heading, "\n".join(lines[start:end])))

    merged = []
    pending_heading, pending = None, []
    for heading, body in parts:
        if pending_heading is None:
            pending_heading = heading
        pending.append(body)
        if sum(len(b) for b in pending) >= SHORTEST_SECTION:
            merged.append((pending_heading, "\n".join(pending)))
            pending_heading, pending = None, []
    if pending:  # a short tail belongs to the last section
        if merged:
            heading, body = merged[-1]
            merged[-1] = (heading, body + "\n" + "\n".join(pending))
        else:
            merged.append((pending_heading, "\n".join(pending)))
    return merged


def documentation_files():
    """(path relative to Documentation/ without .gz, file path), sorted."""
    files = []
    for path in package_files(PACKAGES[0]):
        if MARKER not in path:
            continue
        relative = path.split(MARKER, 1)[1]
        if relative.endswith(".gz"):
            relative = relative[:-3]
        name = os.path.basename(relative)
        if "." in name and not name.endswith((".rst", ".txt")):
            continue
        files.append((relative, path))
    return sorted(files)


def build(jobs):
    ids = UniqueIds()
    docs = []
    for relative, path in documentation_files():
        text = tidy(read_text(path))
        if len(text) < SHORTEST_FILE:
            continue
        stem = relative[:-4] if relative.endswith((".rst", ".txt")) else relative
        lines = text.split("\n")
        heads = headings(lines)
        title = heads[0][1] if heads else os.path.basename(stem)
        parts = []
        if len(text) > SPLIT_ABOVE and len(heads) >= 2:
            parts = sections(text, heads, len(lines))
        if len(parts) < 2:  # small, flat, or everything merged back into one
            docs.append(Doc(ids.claim("linux-doc/%s.txt" % stem), title, text))
            continue
        for n, (heading, body) in enumerate(parts, start=1):
            part_title = title if heading in (None, title) else "%s: %s" % (title, heading)
            part_id = "linux-doc/%s/%03d-%s.txt" % (stem, n, slugify(heading or "intro", 40))
            docs.append(Doc(ids.claim(part_id), part_title, tidy(body)))
    return docs
