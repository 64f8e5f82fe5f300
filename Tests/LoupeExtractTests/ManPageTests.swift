import LoupeExtract
import Testing

/// Man pages through FileExtractor: man(7) and mdoc(7) sources written here, compressed or
/// not, `.so` aliases, and random roff that must never crash the renderer.
@Suite struct ManPageTests {
    /// A page using the common man(7) macros, escapes, strings, conditionals, a macro of its
    /// own and a table.
    static let manSource = #"""
        .\" A comment line, not printed.
        .TH LS 1 "March 2024" "GNU coreutils 9.4" "User Commands"
        .ds Qz quokka\(em\*(lqzebra\*(rq
        .de Xx
        \fI\\$1\fP and \\$2
        ..
        .SH NAME
        ls \- list directory contents
        .SH SYNOPSIS
        .B ls
        [\fI\,OPTION\/\fR]... [\fI\,FILE\/\fR]...
        .SH DESCRIPTION
        .PP
        List information about the FILEs (the current
        directory by default). \" a trailing comment
        .TP
        \fB\-a\fR, \fB\-\-all\fR
        do not ignore entries starting with .
        .IP \(bu 2
        The \*(Qz string.
        .SS "Fonts and specials"
        .BR ls (1)
        and
        .IR dir (1)
        are \(co 2024 \[u00E9]t\('e.
        .ie n On a terminal.
        .el On paper.
        .if t \{\
        Never printed.
        .\}
        .Xx first second
        .nf
        keep   this
        layout
        .fi
        .TS
        tab(;);
        l l.
        Key;Value
        .TE
        """#

    @Test func manMacrosBecomeReadableText() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("man1/ls.1", Self.manSource)
        let extraction = FileExtractor().extract(fileAt: path)
        #expect(extraction.problem == nil)
        #expect(extraction.type == .man)
        #expect(extraction.extractor == .man)
        let document = try #require(extraction.documents.first)
        #expect(document.title == "ls(1) — list directory contents")
        #expect(document.text == """
            NAME

            ls - list directory contents

            SYNOPSIS

            ls [OPTION]... [FILE]...

            DESCRIPTION

            List information about the FILEs (the current directory by default).

            -a, --all
            do not ignore entries starting with .

            •
            The quokka—“zebra” string.

            Fonts and specials

            ls(1) and dir(1) are © 2024 été. On a terminal. first and second
            keep   this
            layout

            Key Value
            """)
    }

    @Test(arguments: ["", ".gz", ".bz2", ".xz", ".zst"])
    func compressedOrNot(suffix: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write("grep.1", ".TH GREP 1\n.SH NAME\ngrep, egrep, fgrep \\- print lines that match patterns\n")
        let command = ["": "true", ".gz": "gzip grep.1", ".bz2": "bzip2 grep.1", ".xz": "xz grep.1", ".zst": "zstd -q --rm grep.1"]
        try shell(command[suffix]!, in: directory.path)
        let extraction = FileExtractor().extract(fileAt: directory.path + "/grep.1" + suffix)
        #expect(extraction.documents.first?.title == "grep(1) — print lines that match patterns")
    }

    @Test func sectionSuffixesAndMissingNames() throws {
        let directory = try TemporaryDirectory()
        let ssl = try directory.write("passwd.1ssl", ".TH PASSWD 1SSL\n.SH NAME\nopenssl-passwd \\- compute password hashes\n")
        #expect(FileExtractor().extract(fileAt: ssl).documents.first?.title == "openssl-passwd(1ssl) — compute password hashes")
        let readline = try directory.write("history.3readline", ".TH HISTORY 3\n.SH DESCRIPTION\nNo name section here.\n")
        let extraction = FileExtractor().extract(fileAt: readline)
        #expect(extraction.type == .man)
        #expect(extraction.documents.first?.title == "history(3)")
    }

    static let mdocSource = """
        .Dd March 1, 2024
        .Dt CAT 1
        .Os
        .Sh NAME
        .Nm cat
        .Nd concatenate and print files
        .Sh SYNOPSIS
        .Nm
        .Op Fl belnstuv
        .Op Ar
        .Sh DESCRIPTION
        The
        .Nm
        utility reads files, see
        .Xr head 1 ,
        and writes them
        .Pq or not .
        .Bl -tag -width Ds
        .It Fl n
        Number the lines.
        .El
        .Sh EXIT STATUS
        .Ex -std
        """

    @Test func mdocBasics() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("cat.1", Self.mdocSource)
        let document = try #require(FileExtractor().extract(fileAt: path).documents.first)
        #expect(document.title == "cat(1) — concatenate and print files")
        #expect(document.text == """
            NAME

            cat — concatenate and print files

            SYNOPSIS

            cat [-belnstuv] [file ...]

            DESCRIPTION

            The cat utility reads files, see head(1), and writes them (or not).

            -n
            Number the lines.

            EXIT STATUS

            The cat utility exits 0 on success, and >0 if an error occurs.
            """)
    }

    @Test func soAliasesAreResolved() throws {
        let directory = try TemporaryDirectory()
        try directory.write("man1/systemd.1", ".TH SYSTEMD 1\n.SH NAME\nsystemd, init \\- system and service manager\n")
        try shell("gzip man1/systemd.1", in: directory.path)
        let alias = try directory.write("man1/init.1", ".so man1/systemd.1\n")
        let extraction = FileExtractor().extract(fileAt: alias)
        #expect(extraction.documents.first?.title == "systemd(1) — system and service manager")
        let dangling = try directory.write("man1/gone.1", ".so man1/nowhere.1\n")
        let problem = FileExtractor().extract(fileAt: dangling)
        #expect(problem.documents.isEmpty)
        #expect(problem.problem == ExtractionProblem(reason: "includes man1/nowhere.1, which was not found", extractor: .man))
        let loop = try directory.write("man1/loop.1", ".so man1/loop.1\nText after the loop.\n")
        #expect(FileExtractor().extract(fileAt: loop).documents.first?.text.contains("Text after the loop.") == true)
    }

    @Test func binaryNamedLikeAManPageIsAProblem() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("blob.1", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0])
        #expect(FileExtractor().extract(fileAt: path).problem == ExtractionProblem(reason: "binary content", extractor: .man))
    }

    @Test func randomRoffNeverCrashes() throws {
        let pieces = [".", "'", "\\", "\\f", "B", "\\(", "\\[", "]", "\\*", "(", "\\n", "\\{", "\\}", ".if", ".ie", ".el",
                      ".de", "..", ".ds", ".nr", ".tr", ".TS", ".TE", ".so", ".SH", ".TP", ".Op", "Fl", "Xr", ".Bl",
                      ".It", " ", "\n", "\"", "x", "1", "+", "-", "<", "=", "\\$1", ".Xx", "\\c", "\\h'", "'", "é"]
        var generator = SplitMix(seed: 23)
        let directory = try TemporaryDirectory()
        for round in 0..<300 {
            let source = (0..<Int.random(in: 0...120, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let path = try directory.write("random\(round).7", source)
            let extraction = FileExtractor().extract(fileAt: path)
            #expect((extraction.documents.first?.title.count ?? 0) <= 200)
        }
    }
}
