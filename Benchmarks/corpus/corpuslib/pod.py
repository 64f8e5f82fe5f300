"""perl-doc: the Perl manual's .pod files as plain text, one document per file.

POD is read paragraph by paragraph: command paragraphs (=head1, =item, ...)
keep only their text, verbatim paragraphs (indented) are kept as they are,
ordinary paragraphs have their formatting codes (B<...>, C<< ... >>, L<...|...>,
E<...>) replaced by the text they show. =begin/=end and =for blocks for other
formatters are dropped."""
import html
import os
import re

from .common import Doc, UniqueIds, package_files, read_text, tidy

PACKAGES = ["perl-doc"]
SHORTEST = 40
NAMED_ESCAPES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}
INTERESTING = re.compile(r"[A-Z]<|>")


def escape(name):
    if name in NAMED_ESCAPES:
        return NAMED_ESCAPES[name]
    try:
        if name.lower().startswith("0x"):
            return chr(int(name, 16))
        if name.isdigit():
            return chr(int(name, 8) if name.startswith("0") else int(name))
    except (ValueError, OverflowError):
        return ""
    return html.unescape("&%s;" % name)


def shown(code, inner):
    """What a formatting code displays."""
    if code == "E":
        return escape(inner.strip())
    if code in ("X", "Z"):      # index entries, zero-width markers
        return ""
    if code == "L":             # L<text|target>, L<target>
        return inner.split("|", 1)[0] if "|" in inner else inner
    return inner                # B, I, C, F, S and unknown codes: their content


def expand(s, i=0, brackets=0):
    """Expand formatting codes in s from i. brackets = 0 at the top level; 1
    inside X<...> (ends at '>'); n > 1 inside X<<< ... >>> (ends at
    whitespace + n '>'). Returns (text, index after the closing brackets)."""
    out = []
    while True:
        m = INTERESTING.search(s, i)
        if m is None:
            out.append(s[i:])
            return "".join(out), len(s)     # unterminated code: keep its text
        out.append(s[i:m.start()])
        i = m.start()
        if s[i] == ">":
            if brackets == 1:
                return "".join(out), i + 1
            if brackets > 1 and s.startswith(">" * brackets, i) and i > 0 and s[i - 1].isspace():
                return "".join(out).rstrip(), i + brackets
            out.append(">")
            i += 1
            continue
        code = s[i]
        j = i + 1
        while j < len(s) and s[j] == "<":
            j += 1
        count = j - i - 1
        if count > 1 and j < len(s) and s[j].isspace():
            inner, i = expand(s, j, count)
            inner = inner.strip()
        else:
            inner, i = expand(s, i + 2, 1)
        out.append(shown(code, inner))


def paragraphs(source):
    """Paragraphs of a POD source, split at empty (or whitespace-only) lines."""
    current = []
    for line in source.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            yield "\n".join(current)
            current = []
    if current:
        yield "\n".join(current)


def pod_text(source):
    out = []
    skipping = None     # the format name of a =begin block being dropped
    in_pod = True
    for para in paragraphs(source.replace("\r\n", "\n")):
        if para.startswith("="):
            words = para[1:].split(None, 1)
            command = words[0] if words else ""
            rest = words[1] if len(words) > 1 else ""
            in_pod = command != "cut"
            if command == "begin":
                skipping = None if rest.split()[:1] == ["text"] else (rest.split() or [""])[0]
            elif command == "end":
                skipping = None
            elif skipping is None and command in ("head1", "head2", "head3", "head4", "item"):
                out.append(expand(" ".join(rest.split()))[0])
            elif skipping is None and command == "for" and rest.split()[:1] == ["text"]:
                out.append(rest[len("text"):].strip())
            continue
        if not in_pod or skipping is not None:
            continue
        if para[0] in " \t":
            out.append(para)                # verbatim: no formatting codes
        else:
            out.append(expand(para)[0])
    return tidy("\n\n".join(out))


def build(jobs):
    ids = UniqueIds()
    docs = []
    for path in package_files(PACKAGES[0]):
        if not path.endswith(".pod"):
            continue
        text = pod_text(read_text(path))
        if len(text) < SHORTEST:
            continue
        name = os.path.basename(path)[:-4]
        title = name
        m = re.search(r"^NAME\n\n(.+)$", text, re.M)
        if m:
            title = m.group(1).strip()[:200]
        docs.append(Doc(ids.claim("perl-doc/%s.txt" % name), title, text))
    return docs
