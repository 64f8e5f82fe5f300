import LoupeExtract
import Testing

@Suite struct HTMLTests {
    private func extract(_ html: String) -> ExtractedDocument {
        DocumentExtractor.extract(bytes: Array(html.utf8), format: .html)
    }

    private func text(_ html: String) -> String {
        extract(html).text
    }

    @Test func aTypicalPage() {
        let html = """
            <!DOCTYPE html>
            <?xml-stylesheet href="s.css"?>
            <html><head>
              <title>  The  &quot;Page&quot;
                Title </title>
              <style>p { color: red; } /* </p> */</style>
              <script type="text/javascript">if (a < b && c > d) { alert("<p>no</p>"); }</script>
            </head>
            <body>
              <!-- a comment with <b>tags</b> -->
              <h1>Main <em>heading</em></h1>
              <p>First paragraph,
                 with   spaces.</p><p>Second&nbsp;one.</p>
              <noscript>Enable scripts</noscript><template><p>Inert</p></template>
              <ul><li>one</li><li>two</li></ul>
              <table><tr><td>cell1</td><td>cell2</td></tr><tr><th>h</th></tr></table>
              line<br>break<div>block</div>inline<span>glued</span>
            </body></html>
            """
        let document = extract(html)
        #expect(document.title == "The \"Page\" Title")
        #expect(document.text == """
            Main heading

            First paragraph, with spaces.

            Second one.

            one
            two

            cell1 cell2
            h

            line
            break
            block
            inlineglued
            """)
    }

    @Test func theTitleFallsBackToTheFirstH1ThenTheFirstLine() {
        #expect(extract("<p>intro</p><h1>The <b>Heading</b></h1><h1>Second</h1>").title == "The Heading")
        #expect(extract("<div>\n\n  First line of text\n</div><p>more</p>").title == "First line of text")
        #expect(extract("<title>   </title><h1>Fallback</h1>").title == "Fallback")
    }

    @Test func numericCharacterReferences() {
        #expect(text("&#65;&#x42;&#X43; &#233;&#xe9; &#128512; &#x1F600;") == "ABC éé 😀 😀")
        #expect(text("&#0; &#xD800; &#x110000; &#99999999999;") == "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}")
        #expect(text("&#150; &#x80;") == "\u{2013} \u{20AC}")
        #expect(text("&#65 missing semicolon, &#; &#x; &#xZ") == "A missing semicolon, &#; &#x; &#xZ")
    }

    @Test func namedCharacterReferences() {
        let pairs: [(String, String)] = [
            ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("copy", "©"),
            ("reg", "®"), ("trade", "™"), ("hellip", "…"), ("mdash", "—"), ("ndash", "–"),
            ("lsquo", "‘"), ("rsquo", "’"), ("ldquo", "“"), ("rdquo", "”"), ("laquo", "«"),
            ("raquo", "»"), ("bull", "•"), ("middot", "·"), ("deg", "°"), ("plusmn", "±"),
            ("times", "×"), ("divide", "÷"), ("para", "¶"), ("sect", "§"), ("euro", "€"),
            ("pound", "£"), ("yen", "¥"), ("cent", "¢"), ("eacute", "é"), ("auml", "ä"),
            ("ntilde", "ñ"), ("ccedil", "ç"), ("szlig", "ß"), ("oslash", "ø"), ("aring", "å"),
            ("Eacute", "É"), ("AElig", "Æ"), ("alpha", "α"), ("Omega", "Ω"), ("rarr", "→"),
            ("NotEqualTilde", "\u{2242}\u{338}"),
        ]
        for (name, expected) in pairs {
            #expect(text("x&\(name);y") == "x\(expected)y", "&\(name);")
        }
        #expect(text("&nbsp;&nbsp;a&nbsp;b") == "a b")
    }

    @Test func referencesThatAreNotReferencesStayAsText() {
        #expect(text("AT&T, &unknown; & &copy2024 &amp") == "AT&T, &unknown; & ©2024 &")
        #expect(text("&notit; &notin;") == "¬it; ∉")
    }

    @Test func malformedMarkupKeepsItsText() {
        #expect(text("a < b and c > d, 3<4") == "a < b and c > d, 3<4")
        #expect(text("<p>unclosed <b>bold <i>italic") == "unclosed bold italic")
        #expect(text("text then <div class=\"never closed") == "text then <div class=\"never closed")
        #expect(text("<a href=\"x>y\">link</a> after") == "link after")
        #expect(text("<a href=\"broken>link</a> after") == "link after")
        #expect(text("stray > bracket </> and <> too") == "stray > bracket </> and <> too")
        #expect(text("before <script>never closed") == "before")
        #expect(text("before <!-- never closed") == "before")
        #expect(text("x<!---->y<!-->z") == "xyz")
    }

    @Test func cdataDoctypeAndProcessingInstructionsAreDropped() {
        #expect(text("<!doctype html>a<![CDATA[ hidden <b> ]]>b<?php echo 1 ?>c") == "abc")
    }

    @Test func scriptEndTagsNeedTheirFullName() {
        #expect(text("<script>var s = '</scripts>';</script>shown") == "shown")
        #expect(text("<SCRIPT>x</Script >shown<script src=\"a.js\"/>also shown") == "shownalso shown")
    }

    @Test func preformattedTextKeepsItsWhitespace() {
        #expect(text("<p>a   b</p><pre>x   y\n  z</pre><p>c</p>") == "a b\n\nx   y\n  z\n\nc")
    }

    @Test func wordsOfNeighbouringBlocksNeverGlue() {
        #expect(text("<div>one</div><div>two</div><p>three</p><h2>four</h2><li>five</li>six<br/>seven")
            == "one\ntwo\n\nthree\n\nfour\n\nfive\nsix\nseven")
    }
}
