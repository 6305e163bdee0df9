"""Page furniture: recognised on its own lines, never on a sentence of news."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from allegiance.errors import InputError
from allegiance.ingest import find_furniture, load_furniture_rules

FURNITURE = [
    # quoted single lines from the founding articles
    "Follow Imran khan on Twitter @ajimran",
    "More from Features",
    "Most Read",
    "Benjamin Hall reports from Iraq",
    "Hollie McKay has been a FoxNews.com staff reporter since 2007.",
    # common page furniture elsewhere
    "Follow us on Facebook",
    "Related: Iraqi forces retake Ramadi",
    "Share this",
    "Share on Twitter",
    "Click here to read the full report",
    "Sign up for our newsletter",
    "Advertisement",
    "Story continues below advertisement",
    "© 2016 Fox News Network, LLC. All rights reserved.",
    "Copyright Al Jazeera Media Network",
    "By John Smith",
    "By Jane Doe and Ali Hassan, Reuters",
    "Jane Doe is a Fox News reporter based in Baghdad.",
    "The Associated Press contributed to this report.",
    "Reporting by Ahmed Rasheed; Editing by Jane Doe",
    "Source: Al Jazeera",
    "Photo: Reuters/Ahmed Saad",
    "Iraqi troops gather near Mosul [Reuters]",
    "Updated: 9 November 2014 10:00 GMT",
]

NEWS = [
    # quoted single sentences from the founding articles
    "Here in Iraq, the deployments are being seen in two ways.",
    "Iranian influence",
    "Radically different agendas",
    "The Shia militias, known as Popular Mobilization Forces, are seen as an Iranian proxy.",
    "Both the US and Iran are upping the ante when it comes to confronting ISIL.",
    '"If we see militias here in our area, we will kill them," he said.',
    # look-alikes that are news
    "By Tuesday, troops had entered the city.",
    "By Saturday Iraqi forces had reached the outskirts of Mosul",
    "Popular Mobilization Forces said on Monday they would advance",
    "Michael Knights is a fellow at the Washington Institute.",
    "Iraqi Prime Minister Haider al-Abadi said the advance was going well.",
    "More troops are on the way, the Pentagon said.",
    "Share prices fell in Tehran after the announcement.",
    "Source of the dispute is the status of Kirkuk, officials say.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_marked_whole(line: str) -> None:
    text = f"Iran backs Assad.\n\n  {line}  \n\nThe US does not.\n"
    ranges = find_furniture(text)
    assert [text[a:b] for a, b in ranges] == [line]


@pytest.mark.parametrize("line", NEWS)
def test_news_line_is_not_marked(line: str) -> None:
    assert find_furniture(f"{line}\n") == []


def test_headline_list_after_most_read_is_marked() -> None:
    text = (
        "Iran backs Assad.\n\nMore from Features\n\nWho backs whom in Syria?\n"
        "Iraq's long war\n\nMost Read\nFirst headline here\nSecond headline\n"
    )
    got = [text[a:b] for a, b in find_furniture(text)]
    assert got == [
        "More from Features",
        "Who backs whom in Syria?",
        "Iraq's long war",
        "Most Read",
        "First headline here",
        "Second headline",
    ]


def test_subheading_followed_by_story_is_kept() -> None:
    text = (
        "Related:\nIranian influence\n\n"
        "Iran has been quietly sending in troops and equipment into Iraq.\n"
    )
    assert [text[a:b] for a, b in find_furniture(text)] == ["Related:"]


def test_ranges_index_the_text_as_given() -> None:
    text = "Iran.\r\n\r\nMost Read\r\n"
    [(a, b)] = find_furniture(text)
    assert text[a:b] == "Most Read"


def test_seed_furniture_found_and_no_sentence_marked(seed_texts: dict[str, str]) -> None:
    found: list[str] = []
    for text in seed_texts.values():
        ranges = find_furniture(text)
        found += [text[a:b] for a, b in ranges]
        for match in re.finditer(r"[^\n]+", text):
            line = match.group().strip()
            # a real sentence: ends like one and has enough words to be one
            if len(line.split()) >= 8 and line.endswith((".", "?", "!", '"', "”")):
                overlap = [r for r in ranges if r[0] < match.end() and match.start() < r[1]]
                assert not overlap or line.startswith("Hollie McKay has been"), line
    for line in ("Follow Imran khan on Twitter @ajimran", "More from Features", "Most Read"):
        assert line in found
    assert "Benjamin Hall reports from Iraq" in found
    assert any(f.startswith("Hollie McKay has been a FoxNews.com staff reporter") for f in found)


def test_user_rules_extend_and_override(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "rules:\n"
        "  - name: listen\n    pattern: 'listen to this article'\n    ignorecase: true\n"
        "  - name: advertisement\n    pattern: 'ADVERT'\n"
    )
    rules = load_furniture_rules([extra])
    assert find_furniture("Listen to this article\n", rules) == [(0, 22)]
    assert find_furniture("Advertisement\n", rules) == []  # replaced by name
    assert find_furniture("ADVERT\n", rules) == [(0, 6)]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("rules: {}\n", "'rules' list"),
        ("rules:\n  - name: x\n", "'x'"),
        ("rules:\n  - name: bad\n    pattern: '('\n", "'bad'"),
        ("rules:\n  - name: k\n    pattern: 'a'\n    colour: red\n", "unknown keys"),
    ],
)
def test_malformed_rules_name_file_and_rule(tmp_path: Path, body: str, needle: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(body)
    with pytest.raises(InputError) as info:
        load_furniture_rules([extra])
    assert str(extra) in str(info.value) and needle in str(info.value)


def test_ingest_options_turn_furniture_off_or_add_rules(tmp_path: Path) -> None:
    from allegiance.ingest import IngestOptions, read_documents

    story = tmp_path / "story.txt"
    story.write_text("Iran backs Assad.\n\nListen to this article\nMost Read\n", encoding="utf-8")
    extra = tmp_path / "mine.yaml"
    extra.write_text("rules:\n  - name: listen\n    pattern: 'Listen to this article'\n")

    def marked(options: IngestOptions) -> list[str]:
        [doc] = read_documents(story, options)
        return [doc.text[a:b] for a, b in doc.ignore]

    assert marked(IngestOptions()) == ["Most Read"]
    assert marked(IngestOptions(furniture_rules=(extra,))) == [
        "Listen to this article",
        "Most Read",
    ]
    assert marked(IngestOptions(furniture=False, furniture_rules=(extra,))) == []
