import LoupeExtract
import Testing

/// Titles of plain-text files that open with markup rather than a title line.
@Suite struct PlainTextTitleTests {
    private func title(_ text: String) -> String {
        DocumentExtractor.extract(bytes: Array(text.utf8), format: .text).title
    }

    @Test func aReStructuredTextDirectiveAndLabelArePassedOverToTheOverlinedTitle() {
        let text = ".. currentmodule:: asyncio\n\n\n.. _asyncio-event-loop:\n\n==========\nEvent Loop\n==========\n\nBody text.\n"
        #expect(title(text) == "Event Loop")
    }

    @Test func anUnderlinedTitleAfterADirectiveWithABodyIsTheTitle() {
        let text = ".. note::\n   This is the note's body,\n   on two lines.\n\nUsing the loop\n--------------\nText.\n"
        #expect(title(text) == "Using the loop")
    }

    @Test func fieldListsAndCommentsThatOpenAFileArePassedOver() {
        #expect(title(":orphan:\n:tocdepth: 2\n\n..\n   a comment\n\nWhat's New\n**********\n") == "What's New")
    }

    @Test func aShebangAndAModeLineAreNotTitles() {
        #expect(title("#!/bin/sh\n# -*- coding: utf-8 -*-\n# Rebuild the docs\n") == "# Rebuild the docs")
    }

    @Test func aRuleIsNotATitle() {
        #expect(title("----------------------------------------\nRelease notes for 2.0\n") == "Release notes for 2.0")
        #expect(title("***\n") == "***", "a file of nothing but a rule keeps it as its title")
    }

    @Test func frontMatterGivesTheTitleOfATextFile() {
        #expect(title("---\nlayout: post\ntitle: \"Garden \\\"notes\\\"\"\n---\nFirst line\n") == "Garden \"notes\"")
        #expect(title("---\nlayout: post\n---\nFirst line\n") == "First line")
    }

    @Test func anUnclosedFrontMatterIsOrdinaryText() {
        #expect(title("---\ntitle: never closed\nmore\n") == "title: never closed")
    }

    @Test func aPlainFirstLineStaysTheTitle() {
        #expect(title("Introduction to gardening\n\nMore text.\n") == "Introduction to gardening")
        #expect(title("..not a directive\n") == "..not a directive")
    }
}
