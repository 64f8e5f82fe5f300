import LoupeExtract
import Testing

@Suite struct MarkdownTests {
    private func extract(_ markdown: String) -> ExtractedDocument {
        DocumentExtractor.extract(bytes: Array(markdown.utf8), format: .markdown)
    }

    private func text(_ markdown: String) -> String {
        extract(markdown).text
    }

    @Test func atxHeadingsLoseTheirMarkers() {
        let document = extract("Intro line\n\n## The *Title* ##\n\n#hashtag\n###### Six\n")
        #expect(document.title == "The Title")
        #expect(document.text == "Intro line\n\nThe Title\n\n#hashtag\nSix")
    }

    @Test func setextHeadingsLoseTheirUnderlines() {
        let document = extract("Main title\n==========\n\nSub title\n---\nText.\n")
        #expect(document.title == "Main title")
        #expect(document.text == "Main title\n\nSub title\nText.")
    }

    @Test func withoutHeadingsTheTitleIsTheFirstLine() {
        #expect(extract("\n\n*Just* a paragraph\nand more\n").title == "Just a paragraph")
    }

    @Test func emphasisDelimitersGoButIntrawordUnderscoresStay() {
        #expect(text("*one* _two_ **three** __four__ ***five*** ~~gone~~") == "one two three four five gone")
        #expect(text("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4")
        #expect(text("**bold *nested* text**") == "bold nested text")
    }

    @Test func codeSpansKeepTheirCode() {
        #expect(text("Call `make *all*` or ``a ` b``.") == "Call make *all* or a ` b.")
        #expect(text("An ` unmatched backtick") == "An ` unmatched backtick")
    }

    @Test func fencedCodeKeepsItsContent() {
        let markdown = "Before\n\n```swift title=\"x\"\nlet *x* = [1](2)\n  indented\n```\n\n~~~~\n~~~\nstill code\n~~~~\nAfter\n"
        #expect(text(markdown) == "Before\n\nlet *x* = [1](2)\n  indented\n\n~~~\nstill code\nAfter")
    }

    @Test func linksAndImagesBecomeTheirText() {
        #expect(text("See [the *docs*](http://x.org/a_(b) \"T\") and ![a logo](logo.png).")
            == "See the docs and a logo.")
        #expect(text("Nested [[brackets]](u) and [not a link] here") == "Nested [brackets] and [not a link] here")
    }

    @Test func referenceLinksAndDefinitionsAreStripped() {
        let markdown = """
            Read [the guide][Guide Ref], [this][] and [Shortcut].

            [guide ref]: https://example.com/guide "The Guide"
            [this]: <https://example.com/this>
            [shortcut]: /s
            """
        #expect(text(markdown) == "Read the guide, this and Shortcut.")
    }

    @Test func autolinksBecomeTheirAddress() {
        #expect(text("Go to <https://example.com/a?b=c> or mail <me@example.com>.")
            == "Go to https://example.com/a?b=c or mail me@example.com.")
    }

    @Test func fencesInsideBlockQuotes() {
        #expect(text("> Run:\n>\n> ```sh\n> make *all*\n> ```\n> Done.") == "Run:\n\nmake *all*\nDone.")
    }

    @Test func blockQuotesListsAndRulesLoseTheirMarkers() {
        let markdown = """
            > Quoted *text*
            > > nested quote
            - item one
            * item two
              + nested item
            1. first
            10) tenth
            - [ ] open task
            - [x] done task

            ***
            - - -
            After
            """
        #expect(text(markdown) == """
            Quoted text
            nested quote
            item one
            item two
            nested item
            first
            tenth
            open task
            done task

            After
            """)
    }

    @Test func htmlInsideMarkdownIsRemoved() {
        #expect(text("Some <span class=\"x\">inline</span> html<br/>here.") == "Some inline html here.")
        #expect(text("Before <!-- a comment --> after") == "Before  after")
        #expect(text("Start\n<!-- a\nlong\ncomment -->End\n") == "Start\nEnd")
        #expect(text("a < b and c > d") == "a < b and c > d")
    }

    @Test func backslashEscapesAndEntitiesAreDecoded() {
        #expect(text(#"\*not emphasis\* and \[not a link\] and \\ and \_x\_"#)
            == #"*not emphasis* and [not a link] and \ and _x_"#)
        #expect(text("Fish &amp; chips &copy; &#233;t&#xE9;") == "Fish & chips © été")
    }

    @Test func tablesLoseTheirPipes() {
        let markdown = """
            | Name | Value |
            |:-----|------:|
            | *a*  | 1 \\| 2 |
            | b    | 3     |

            Not | a table
            """
        #expect(text(markdown) == "Name Value\na 1 | 2\nb 3\n\nNot | a table")
    }

    @Test func inlineMarkupMaySpanTheLinesOfAParagraph() {
        #expect(text("A [link that\nwraps](http://x) and *emphasis\nthat wraps* and `code\nspan`.\n")
            == "A link that\nwraps and emphasis\nthat wraps and code\nspan.")
        #expect(text("Hard\\\nbreak") == "Hard\nbreak")
    }

    @Test func commentsHideEverythingInside() {
        #expect(text("Intro\n<!--\n# Not a heading\n- not an item\n\n-->\nOutro") == "Intro\nOutro")
    }
}

/// YAML front matter at the start of a Markdown file.
@Suite struct MarkdownFrontMatterTests {
    @Test func frontMatterGivesTheTitleAndIsNotText() {
        let markdown = "---\ntitle: 'It''s a title'\ntags: [a, b]\n---\n# Heading\n\nBody.\n"
        let document = DocumentExtractor.extract(bytes: Array(markdown.utf8), format: .markdown)
        #expect(document.title == "It's a title")
        #expect(document.text == "Heading\n\nBody.")
    }

    @Test func frontMatterWithoutATitleLeavesTheFirstHeading() {
        let markdown = "---\nlayout: page\n  title: nested, not ours\n...\nIntro\n=====\n"
        let document = DocumentExtractor.extract(bytes: Array(markdown.utf8), format: .markdown)
        #expect(document.title == "Intro")
        #expect(document.text == "Intro")
    }
}
