"""Sources of the benchmark corpus: name -> (Debian packages, builder).

A builder takes the number of parallel jobs and returns a list of Doc whose ids
start with "<source name>/"."""
from . import bible, dictd, fortunes, htmldocs, kernel, manpages, pod

SOURCES = {
    "bible": (bible.PACKAGES, bible.build),
    "gcide": (dictd.GCIDE_PACKAGES, dictd.build_gcide),
    "wordnet": (dictd.WORDNET_PACKAGES, dictd.build_wordnet),
    "dict": (dictd.DICT_PACKAGES, dictd.build_dict),
    "fortunes": (fortunes.PACKAGES, fortunes.build),
    "linux-doc": (kernel.PACKAGES, kernel.build),
    "man": (manpages.PACKAGES, manpages.build),
    "python-doc": (htmldocs.PYTHON_PACKAGES, htmldocs.build_python_doc),
    "postgresql-doc": (htmldocs.POSTGRESQL_PACKAGES, htmldocs.build_postgresql_doc),
    "perl-doc": (pod.PACKAGES, pod.build),
    "debian-doc": (htmldocs.DEBIAN_PACKAGES, htmldocs.build_debian_doc),
    "git-doc": (htmldocs.GIT_PACKAGES, htmldocs.build_git_doc),
    "javadoc": (htmldocs.JAVADOC_PACKAGES, htmldocs.build_javadoc),
}
