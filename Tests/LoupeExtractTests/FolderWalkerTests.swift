import Foundation
import LoupeExtract
import Testing

@Suite struct FolderWalkerTests {
    /// Walks and returns the entries, described compactly: `path` for files, `path: reason`
    /// for skips, `path -> link` for links left alone, `path = first` for duplicates.
    private func walk(_ roots: [String], options: FolderWalker.Options = .init()) -> [String] {
        var lines: [String] = []
        FolderWalker(roots: roots, options: options).walk { entry in
            switch entry {
            case .file(let file): lines.append(file.relativePath)
            case .skipped(let skipped): lines.append("\(skipped.relativePath): \(skipped.reason)")
            case .link(let link): lines.append("\(link.relativePath) -> link")
            case .duplicate(let duplicate): lines.append("\(duplicate.relativePath) = \(duplicate.firstPath ?? "?")")
            }
        }
        return lines
    }

    /// A tree with nested folders, hidden entries, links, a loop, a dangling link, a FIFO
    /// and a large file.
    private func makeTree() throws -> TemporaryDirectory {
        let tree = try TemporaryDirectory()
        try tree.write("b.txt", "b")
        try tree.write("a.txt", "a")
        try tree.write("a/z.md", "z")
        try tree.write("a/m/deep.html", "<p>deep</p>")
        try tree.write("a-b/c.txt", "c")
        try tree.write(".hidden/secret.txt", "s")
        try tree.write(".git/HEAD", "ref")
        try tree.write("a/.dotfile", "d")
        try tree.write("big.txt", String(repeating: "x", count: 5000))
        try tree.link("link-to-file.txt", to: "a/z.md")
        try tree.link("a/m/loop", to: "..")
        try tree.link("dangling.txt", to: "nowhere.txt")
        try tree.link("self-loop", to: "self-loop")
        #expect(mkfifo(tree.path + "/pipe", 0o644) == 0)
        return tree
    }

    @Test func walksATreeInRelativePathOrderLeavingLinksAlone() throws {
        let tree = try makeTree()
        #expect(walk([tree.path]) == [
            "a-b/c.txt",
            "a.txt",
            "a/m/deep.html",
            "a/m/loop -> link",
            "a/z.md",
            "b.txt",
            "big.txt",
            "dangling.txt -> link",
            "link-to-file.txt -> link",
            "pipe: not a regular file",
            "self-loop -> link",
        ])
    }

    @Test func followingLinksReportsLoopsDanglingLinksAndDuplicates() throws {
        let tree = try makeTree()
        #expect(walk([tree.path], options: .init(followSymlinks: true)) == [
            "a-b/c.txt",
            "a.txt",
            "a/m/deep.html",
            "a/m/loop: symbolic link loop",
            "a/z.md",
            "b.txt",
            "big.txt",
            "dangling.txt: unreadable: symbolic link to a missing file",
            "link-to-file.txt = \(tree.path)/a/z.md",
            "pipe: not a regular file",
            "self-loop: symbolic link loop",
        ])
    }

    @Test func eachRealFileIsReportedOnceUnderItsFirstPath() throws {
        let tree = try TemporaryDirectory()
        try tree.write("docs/python3.11/index.html", "<p>x</p>")
        try tree.link("docs/python3.11-doc", to: "python3.11")
        try tree.link("docs/python3.11-dev", to: "python3.11")
        // A hard link is the same file too, followed or not.
        #expect(link(tree.path + "/docs/python3.11/index.html", tree.path + "/hard.html") == 0)
        let first = tree.path + "/docs/python3.11-dev/index.html"
        #expect(walk([tree.path], options: .init(followSymlinks: true)) == [
            "docs/python3.11-dev/index.html",
            "docs/python3.11-doc/index.html = \(first)",
            "docs/python3.11/index.html = \(first)",
            "hard.html = \(first)",
        ])
        #expect(walk([tree.path]) == [
            "docs/python3.11-dev -> link",
            "docs/python3.11-doc -> link",
            "docs/python3.11/index.html",
            "hard.html = \(tree.path)/docs/python3.11/index.html",
        ])
        // Across roots too: a root given twice gives its files once.
        #expect(walk([tree.path + "/docs/python3.11", tree.path + "/docs/python3.11"]) == [
            "index.html", "index.html = \(tree.path)/docs/python3.11/index.html",
        ])
    }

    @Test func aRootThatIsALinkIsFollowed() throws {
        let tree = try TemporaryDirectory()
        try tree.write("real/inside.txt", "i")
        try tree.link("alias", to: "real")
        #expect(walk([tree.path + "/alias"]) == ["inside.txt"])
    }

    @Test func hiddenEntriesCanBeIncluded() throws {
        let tree = try makeTree()
        let entries = walk([tree.path], options: .init(includeHidden: true))
        #expect(entries.contains(".git/HEAD"))
        #expect(entries.contains(".hidden/secret.txt"))
        #expect(entries.contains("a/.dotfile"))
        #expect(entries.contains("big.txt"))
    }

    @Test func filesCarryPathsSizesAndTimes() throws {
        let tree = try TemporaryDirectory()
        let file = try tree.write("sub/doc.txt", "12345")
        let when = Date(timeIntervalSince1970: 1_700_000_000.25)
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: file)
        var files: [WalkedFile] = []
        FolderWalker(roots: [tree.path + "/"]).walk { entry in
            if case .file(let found) = entry { files.append(found) }
        }
        try #require(files.count == 1)
        #expect(files[0].root == tree.path)
        #expect(files[0].path == file)
        #expect(files[0].relativePath == "sub/doc.txt")
        #expect(files[0].size == 5)
        #expect(files[0].modificationTime.seconds == 1_700_000_000)
        #expect(abs(files[0].modificationTime.secondsSince1970 - 1_700_000_000.25) < 0.001)
    }

    @Test func aFileRootIsItsOwnDocument() throws {
        let tree = try TemporaryDirectory()
        try tree.write("one/two.md", "x")
        var files: [WalkedFile] = []
        FolderWalker(roots: [tree.path + "/one/two.md"]).walk { entry in
            if case .file(let found) = entry { files.append(found) }
        }
        #expect(files.map(\.relativePath) == ["two.md"])
        #expect(files.map(\.path) == [tree.path + "/one/two.md"])
    }

    @Test func rootsAreWalkedInOrderAndMissingRootsReported() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        try first.write("z.txt", "z")
        try second.write("a.txt", "a")
        #expect(walk([first.path, first.path + "/nope", second.path])
            == ["z.txt", ": unreadable: No such file or directory", "a.txt"])
    }

    @Test func relativeRootsAreMadeAbsolute() throws {
        let tree = try TemporaryDirectory()
        try tree.write("dir/file.txt", "f")
        // A path from the current directory (left unchanged: tests run in parallel).
        let current = FileManager.default.currentDirectoryPath
        let ups = current.split(separator: "/").map { _ in ".." }.joined(separator: "/")
        let relative = ups + tree.path + "/dir"
        var paths: [String] = []
        FolderWalker(roots: ["./" + relative + "/"]).walk { entry in
            if case .file(let file) = entry { paths.append(file.path) }
        }
        let expected = (current == "/" ? "/" : current + "/") + relative + "/file.txt"
        #expect(paths == [expected])
        #expect(FileManager.default.fileExists(atPath: expected))
    }

    @Test func linkedDirectoriesAreFollowedOnlyWhenAsked() throws {
        let tree = try TemporaryDirectory()
        try tree.write("real/inside.txt", "i")
        try tree.link("alias", to: "real")
        #expect(walk([tree.path]) == ["alias -> link", "real/inside.txt"])
        #expect(walk([tree.path], options: .init(followSymlinks: true))
            == ["alias/inside.txt", "real/inside.txt = \(tree.path)/alias/inside.txt"])
    }

    @Test(.enabled(if: geteuid() != 0, "root opens directories whatever their permissions"))
    func unreadableDirectoriesAreReported() throws {
        let tree = try TemporaryDirectory()
        try tree.write("closed/x.txt", "x")
        try tree.write("open.txt", "o")
        #expect(chmod(tree.path + "/closed", 0) == 0)
        #expect(walk([tree.path]) == ["closed: unreadable: Permission denied", "open.txt"])
    }

    @Test func errorsFromTheVisitorStopTheWalk() throws {
        struct Stop: Error {}
        let tree = try TemporaryDirectory()
        try tree.write("1.txt", "1")
        try tree.write("2.txt", "2")
        var seen = 0
        #expect(throws: Stop.self) {
            try FolderWalker(roots: [tree.path]).walk { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
