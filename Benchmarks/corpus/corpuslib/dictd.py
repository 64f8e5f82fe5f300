"""gcide, wordnet, dict: dictd databases, one document per entry.

A dictd database is `NAME.index` (headword TAB offset TAB length, the numbers in
dictd's base64 digits) and `NAME.dict.dz` (the entries, gzip-compatible). Several
headwords may point at the same entry: the entry is kept once, under the first
of its headwords in index order. Entries are emitted in file order."""
import gzip

from .common import Doc, UniqueIds, slugify, tidy

GCIDE_PACKAGES = ["dict-gcide"]
WORDNET_PACKAGES = ["dict-wn"]
DICT_DATABASES = ["foldoc", "jargon", "devil", "vera", "elements"]
DICT_PACKAGES = ["dict-" + name for name in DICT_DATABASES]

DICTD_DIR = "/usr/share/dictd"
DIGITS = {c: v for v, c in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def dictd_number(digits):
    value = 0
    for c in digits:
        value = value * 64 + DIGITS[c]
    return value


def is_metadata(headword):
    # dictfmt stores database information under 00-database-*, 00database*, 00-<name>-*
    return headword.startswith("00-") or headword.startswith("00database")


def entries(database):
    """(headword, entry text) of a dictd database, in file order."""
    first_headword = {}
    with open("%s/%s.index" % (DICTD_DIR, database), encoding="utf-8",
              errors="replace") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or is_metadata(fields[0]):
                continue
            span = (dictd_number(fields[1]), dictd_number(fields[2]))
            first_headword.setdefault(span, fields[0])
    with gzip.open("%s/%s.dict.dz" % (DICTD_DIR, database)) as f:
        data = f.read()
    for (offset, length) in sorted(first_headword):
        text = data[offset:offset + length].decode("utf-8", errors="replace")
        yield first_headword[(offset, length)], text


def database_docs(database, folder, rewrite=None):
    ids = UniqueIds()
    docs = []
    for headword, text in entries(database):
        if rewrite is not None:
            text = rewrite(text)
        text = tidy(text)
        if not text:
            continue
        slug = slugify(headword)
        docs.append(Doc(ids.claim("%s/%s/%s.txt" % (folder, slug[:2], slug)), headword, text))
    return docs


def without_braces(text):
    # GCIDE marks cross references as {word}; the braces are markup, not text
    return text.replace("{", "").replace("}", "")


def build_gcide(jobs):
    return database_docs("gcide", "gcide", without_braces)


def build_wordnet(jobs):
    return database_docs("wn", "wordnet")


def build_dict(jobs):
    docs = []
    for database in DICT_DATABASES:
        docs.extend(database_docs(database, "dict/" + database))
    return docs
