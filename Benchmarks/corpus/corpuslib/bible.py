"""bible: the King James Bible (bible-kjv), one document per chapter.

The `bible` program of bible-kjv prints every verse as `<abbrev><chapter>:<verse> <text>`;
books come in canonical order, so the n-th distinct abbreviation is the n-th book."""
import re
import subprocess

from .common import Doc, slugify

PACKAGES = ["bible-kjv", "bible-kjv-text"]

BOOK_NAMES = """
Genesis|Exodus|Leviticus|Numbers|Deuteronomy|Joshua|Judges|Ruth|1 Samuel|2 Samuel|1 Kings|
2 Kings|1 Chronicles|2 Chronicles|Ezra|Nehemiah|Esther|Job|Psalms|Proverbs|Ecclesiastes|
Song of Solomon|Isaiah|Jeremiah|Lamentations|Ezekiel|Daniel|Hosea|Joel|Amos|Obadiah|Jonah|
Micah|Nahum|Habakkuk|Zephaniah|Haggai|Zechariah|Malachi|Matthew|Mark|Luke|John|Acts|Romans|
1 Corinthians|2 Corinthians|Galatians|Ephesians|Philippians|Colossians|1 Thessalonians|
2 Thessalonians|1 Timothy|2 Timothy|Titus|Philemon|Hebrews|James|1 Peter|2 Peter|1 John|
2 John|3 John|Jude|Revelation
""".replace("\n", "").split("|")

VERSE = re.compile(r"^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$")


def build(jobs):
    listing = subprocess.run(["bible", "-f", "Gen1:1-Rev22:21"], capture_output=True,
                             text=True, check=True).stdout
    chapters = {}   # (book number, chapter) -> verse lines, in order
    abbreviations = []
    for line in listing.splitlines():
        m = VERSE.match(line)
        if m is None:
            continue
        abbrev, chapter, verse, words = m.groups()
        if not abbreviations or abbreviations[-1] != abbrev:
            abbreviations.append(abbrev)
        key = (len(abbreviations), int(chapter))
        chapters.setdefault(key, []).append("%s %s" % (verse, words.strip()))
    if len(abbreviations) != len(BOOK_NAMES):
        raise RuntimeError("bible: expected %d books, found %d"
                           % (len(BOOK_NAMES), len(abbreviations)))
    docs = []
    for (book, chapter), verses in sorted(chapters.items()):
        name = BOOK_NAMES[book - 1]
        docs.append(Doc("bible/%02d-%s/%03d.txt" % (book, slugify(name), chapter),
                        "%s %d" % (name, chapter), "\n".join(verses)))
    return docs
