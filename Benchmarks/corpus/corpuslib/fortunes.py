"""fortunes: fortune cookie files, one document per fortune.

A fortune file holds the fortunes separated by lines made of a single `%`;
the `.dat` files are fortune's random-access tables and `.u8` files are
symlinks or UTF-8 twins of other files, so both are skipped."""
import os
import re

from .common import Doc, package_files, read_text, slugify, tidy

PACKAGES = ["fortunes", "fortunes-min", "fortunes-mario", "fortune-anarchism",
            "fortunes-bofh-excuses"]
FORTUNE_DIR = "/usr/share/games/fortunes/"
SEPARATOR = re.compile(r"^%$", re.M)


def fortune_files():
    files = set()
    for package in PACKAGES:
        for path in package_files(package):
            if os.path.dirname(path) + "/" != FORTUNE_DIR:
                continue
            if path.endswith(".dat") or path.endswith(".u8"):
                continue
            files.add(path)
    return sorted(files)


def build(jobs):
    docs = []
    for path in fortune_files():
        name = os.path.basename(path)
        number = 0
        for piece in SEPARATOR.split(read_text(path)):
            text = tidy(piece)
            if not text.strip():
                continue
            number += 1
            docs.append(Doc("fortunes/%s/%05d.txt" % (slugify(name), number),
                            "%s #%d" % (name, number), text))
    return docs
