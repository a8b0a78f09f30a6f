"""Annotation storage: format, anchors and re-attachment, safe saving, merging, recovery."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from align import build
from align.annotations import (
    DEFAULT_TAGS,
    Anchor,
    Annotation,
    AnnotationEdit,
    AnnotationFileError,
    AnnotationStore,
    Document,
    anchor_text,
    anchors_for,
    backup_path,
    dump_document,
    excerpt,
    locate,
    parse_document,
    parse_tags,
    recovered_path,
    sentence_hash,
)
from align.model import Alignment, Article, Group, Member, Sentence, Source

FIXTURE = Path(__file__).parent / "fixtures" / "annotations" / "example.yaml"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Sentences written for these tests (not from the seeds).
NORTH = [
    "The council approved the new bridge on Monday after a long debate.",
    "Construction will cost 12 million euros, the mayor said.",
    "Residents of the east bank have waited for a crossing since 1998.",
    "Work is expected to start in the spring.",
]
SOUTH = [
    "Councillors voted for the bridge on Monday evening.",
    "The mayor put the cost at 14 million euros.",
    "Work should begin in spring, officials said.",
]


def make_alignment(
    articles: Mapping[str, Sequence[str]],
    groups: Sequence[Mapping[int, Sequence[int]]] | None = None,
) -> Alignment:
    """A hand-built Alignment; default grouping: sentence k of every article together."""
    arts = tuple(_article(i, name, sents) for i, (name, sents) in enumerate(articles.items()))
    if groups is None:
        longest = max(len(a.sentences) for a in arts)
        groups = [
            {i: [k] for i, a in enumerate(arts) if k < len(a.sentences)} for k in range(longest)
        ]
    built = tuple(
        Group(gid, tuple(Member(a, tuple(ss), 1.0) for a, ss in sorted(g.items())))
        for gid, g in enumerate(groups)
    )
    return Alignment(arts, built)


def _article(i: int, name: str, sentences: Sequence[str]) -> Article:
    source = Source(path=name, name=name, raw=" ".join(sentences), id=f"a{i}", label=name)
    out, pos = [], 0
    for k, text in enumerate(sentences):
        out.append(Sentence(k, text, pos, pos + len(text), 0, tuple(range(pos, pos + len(text)))))
        pos += len(text) + 1
    return Article(source, tuple(out), (), name)


def two_articles(north: Sequence[str] = NORTH, south: Sequence[str] = SOUTH) -> Alignment:
    """North's sentences 0,1,3 align with South's 0,1,2; North's 2 stands alone."""
    groups = [{0: [0], 1: [0]}, {0: [1], 1: [1]}, {0: [2]}, {0: [3], 1: [2]}]
    return make_alignment({"north.txt": north, "south.txt": south}, groups)


def edit(note: str = "a note", tags: Sequence[str] = (), status: str = "open") -> AnnotationEdit:
    return AnnotationEdit(note, tuple(tags), status)  # type: ignore[arg-type]


@pytest.fixture
def ann_file(tmp_path: Path) -> Path:
    return tmp_path / "idlib-annotations.yaml"


def opened(path: Path, alignment: Alignment) -> AnnotationStore:
    store = AnnotationStore.open(path)
    store.attach(alignment)
    return store


# ---------------------------------------------------------------------------
# Normalisation, hashes, excerpts, tags
# ---------------------------------------------------------------------------


def test_anchor_text_folds_case_diacritics_quotes_dashes_and_space() -> None:
    assert anchor_text("  Erdoğan  SAID “yes”\u00a0— ‘twice’\n") == "erdogan said \"yes\" - 'twice'"
    assert anchor_text("ﬁnal Straße") == "final strasse"  # NFKC ligature, casefold ß
    assert anchor_text("soft\u00adhyphen\x00nul\x1b[0m") == "softhyphen nul [0m"


def test_sentence_hash_is_16_hex_and_ignores_cosmetic_differences() -> None:
    h = sentence_hash("Erdoğan said “yes” — twice.")
    assert len(h) == 16 and int(h, 16) >= 0
    assert h == sentence_hash('ERDOGAN said "yes" -  twice.')
    assert h != sentence_hash("Erdoğan said “no” — twice.")


def test_excerpt_is_one_short_line() -> None:
    assert excerpt("Short\nsentence.") == "Short sentence."
    long = excerpt("word " * 100)
    assert len(long) <= 80 and long.endswith("…") and "\n" not in long
    assert excerpt("a\x00b\x1bc") == "a b c"


def test_parse_tags_trims_dedupes_and_drops_empties() -> None:
    assert parse_tags(" conflict, needs  source,,Conflict , verified ") == (
        "conflict",
        "needs source",
        "verified",
    )
    assert parse_tags("") == ()


def test_anchors_cover_every_sentence_of_every_member() -> None:
    alignment = make_alignment(
        {"n.txt": NORTH, "s.txt": SOUTH}, [{0: [0, 1], 1: [0]}, {0: [2, 3], 1: [1, 2]}]
    )
    anchors = anchors_for(alignment, alignment.groups[0])
    assert [(a.source, a.hash) for a in anchors] == [
        ("n.txt", sentence_hash(NORTH[0])),
        ("n.txt", sentence_hash(NORTH[1])),
        ("s.txt", sentence_hash(SOUTH[0])),
    ]


# ---------------------------------------------------------------------------
# The file format
# ---------------------------------------------------------------------------


def test_example_fixture_is_exactly_what_the_reader_writes() -> None:
    data = FIXTURE.read_bytes()
    doc = parse_document(data, FIXTURE.name)
    assert len(doc.annotations) == 3
    assert dump_document(doc) == data
    assert doc.annotations[2].extra == {"reviewer": "Ayşe"}


def test_file_layout_key_order_block_scalars_and_unicode(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    note = "Cost differs: 12 vs 14 million.\nAsk the mayor’s office — Ayşe."
    assert store.apply_edit(alignment.groups[1], edit(note, ["conflict"])).ok
    text = ann_file.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert lines[1:4] == ["format: idlib-read/annotations", "version: 1", "annotations:"]
    keys = [line.split(":")[0].lstrip("- ") for line in text.splitlines()[4:] if ": " in line]
    assert keys[:4] == ["id", "status", "tags", "note"]
    assert "note: |-\n      Cost differs" in text
    assert "mayor’s office — Ayşe" in text  # allow_unicode: no \u escapes
    assert "tags: [conflict]" in text


def test_round_trip_is_identical_and_saves_are_byte_stable(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("First\n  indented line\n", ["verified"], "checked"))
    store.apply_edit(alignment.groups[2], edit("[@click=app.quit]x[/] \x1b[31m ok", ["x, y"]))
    first = ann_file.read_bytes()
    again = opened(ann_file, alignment)
    assert [_fields(a) for a in again.all()] == [_fields(a) for a in store.all()]
    assert [again.group_of(a.id) for a in again.all()] == [0, 2]
    assert again.all()[1].tags == ("x", "y")
    assert again.save().ok
    assert again.save().ok
    assert ann_file.read_bytes() == first


def _fields(ann: Annotation) -> tuple[object, ...]:
    return (ann.id, ann.anchors, ann.note, ann.tags, ann.status, ann.created, ann.updated)


def test_backup_holds_the_previous_version(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("one"))
    before = ann_file.read_bytes()
    store.apply_edit(alignment.groups[1], edit("two"))
    assert backup_path(ann_file).read_bytes() == before
    assert backup_path(ann_file).name == "idlib-annotations.yaml.bak"


def test_edit_and_delete_through_apply_edit(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[3], edit("draft"))
    original = store.for_group(3)
    assert original is not None
    store.apply_edit(alignment.groups[3], edit("final", ["verified"], "checked"))
    updated = opened(ann_file, alignment).for_group(3)
    assert updated is not None and updated.id == original.id
    assert (updated.note, updated.tags, updated.status) == ("final", ("verified",), "checked")
    assert updated.created == original.created
    result = store.apply_edit(alignment.groups[3], AnnotationEdit("", (), "open", delete=True))
    assert result.ok and opened(ann_file, alignment).all() == []


def test_missing_file_is_an_empty_store_and_nothing_is_created(ann_file: Path) -> None:
    store = AnnotationStore.open(ann_file)
    assert (store.load_error, store.all(), store.writable) == (None, [], True)
    assert store.save().ok and not ann_file.exists()


def test_unknown_fields_are_preserved(ann_file: Path) -> None:
    alignment = two_articles()
    h = sentence_hash(NORTH[0])
    ann_file.write_text(
        "format: idlib-read/annotations\nversion: 1\nproject: bridge-watch\n"
        "annotations:\n- id: k1\n  note: keep me\n  priority: 3\n  links: [a, b]\n"
        f"  anchors:\n  - source: north.txt\n    hash: '{h}'\n    excerpt: x\n"
        "    checked_by: Ana\nreviewers: {lead: Ana}\n",
        encoding="utf-8",
    )
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("edited"))  # edits k1, re-anchors it
    store.apply_edit(alignment.groups[1], edit("another"))
    data = yaml.safe_load(ann_file.read_text(encoding="utf-8"))
    assert data["project"] == "bridge-watch" and data["reviewers"] == {"lead": "Ana"}
    k1 = data["annotations"][0]
    assert (k1["id"], k1["note"], k1["priority"], k1["links"]) == ("k1", "edited", 3, ["a", "b"])
    assert k1["anchors"][0]["checked_by"] == "Ana"


def test_hand_typed_values_are_read_leniently(ann_file: Path) -> None:
    ann_file.write_text(
        "annotations:\n- id: 1234\n  tags: conflict, verified\n"
        "  created: 2020-03-06T10:15:00Z\n  updated: 2020-03-07\n"
        "  anchors: [{source: a.txt, hash: 0123}]\n",
        encoding="utf-8",
    )
    store = AnnotationStore.open(ann_file)
    assert store.load_error is None
    (ann,) = store.all()
    assert (ann.id, ann.tags, ann.status, ann.note) == (
        "1234",
        ("conflict", "verified"),
        "open",
        "",
    )
    assert (ann.created, ann.updated) == ("2020-03-06T10:15:00Z", "2020-03-07")


@settings(max_examples=200, deadline=None)
@given(note=st.text(), tags=st.lists(st.text(min_size=1).filter(lambda t: "," not in t)))
def test_any_note_and_tags_survive_a_round_trip(note: str, tags: list[str]) -> None:
    anchor = Anchor("a.txt", sentence_hash(note), excerpt(note))
    ann = Annotation("id1", (anchor,), note, parse_tags(",".join(tags)), "open", "t", "t")
    (back,) = parse_document(dump_document(Document((ann,))), "f").annotations
    assert _fields(back) == _fields(ann)


# ---------------------------------------------------------------------------
# Re-attaching after the articles or the grouping changed
# ---------------------------------------------------------------------------


def test_a_changed_word_reattaches_by_fuzzy_excerpt(ann_file: Path) -> None:
    store = opened(ann_file, two_articles())
    store.apply_edit(store_alignment(store).groups[1], edit("cost"))
    edited = list(NORTH)
    edited[1] = "Construction will cost 12 million euro, the mayor said."
    moved = [NORTH[0], "A new first paragraph was added.", *edited[1:]]
    groups = [{0: [0], 1: [0]}, {0: [1]}, {0: [2], 1: [1]}, {0: [3]}, {0: [4], 1: [2]}]
    alignment = make_alignment({"north.txt": moved, "south.txt": SOUTH}, groups)
    again = opened(ann_file, alignment)
    (ann,) = again.all()
    assert again.group_of(ann.id) == 2
    assert again.for_group(2) == ann and again.detached() == []


def store_alignment(store: AnnotationStore) -> Alignment:
    alignment = store.alignment
    assert alignment is not None
    return alignment


def test_a_deleted_sentence_leaves_the_annotation_detached_but_kept(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[2], edit("only north has this"))
    shorter = make_alignment(
        {"north.txt": [NORTH[0], NORTH[1], NORTH[3]], "south.txt": SOUTH},
    )
    again = opened(ann_file, shorter)
    (ann,) = again.detached()
    assert again.group_of(ann.id) is None and ann.note == "only north has this"
    again.apply_edit(shorter.groups[0], edit("new note"))  # saving again keeps it
    reread = opened(ann_file, shorter)
    assert [a.note for a in reread.detached()] == ["only north has this"]
    exported = reread.to_export(shorter)
    assert [(e["note"], e["group"], e["detached"]) for e in exported] == [
        ("only north has this", None, True),
        ("new note", 0, False),
    ]


def test_a_detached_annotation_can_be_edited_without_a_group(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[2], edit("north only"))
    shorter = make_alignment({"north.txt": NORTH[:2], "south.txt": SOUTH})
    again = opened(ann_file, shorter)
    (orphan,) = again.detached()
    assert again.apply_edit(None, edit("still useful", ["verified"]), orphan).ok
    (kept,) = opened(ann_file, shorter).detached()
    assert (kept.id, kept.note, kept.tags, kept.anchors) == (
        orphan.id,
        "still useful",
        ("verified",),
        orphan.anchors,
    )
    with pytest.raises(ValueError, match="needs a group"):
        again.apply_edit(None, edit("nowhere"))


def test_the_annotation_follows_its_sentences_to_a_new_group(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[3], edit("spring"))
    regrouped = make_alignment(
        {"north.txt": NORTH, "south.txt": SOUTH},
        [{0: [0, 1], 1: [0, 1]}, {0: [2, 3], 1: [2]}],
    )
    again = opened(ann_file, regrouped)
    assert again.group_of(again.all()[0].id) == 1


def test_the_majority_of_matched_anchors_decides_the_group(ann_file: Path) -> None:
    alignment = make_alignment(
        {"north.txt": NORTH, "south.txt": SOUTH}, [{0: [0, 1], 1: [0, 1]}, {0: [2, 3], 1: [2]}]
    )
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("four anchors"))
    split = make_alignment(
        {"north.txt": NORTH, "south.txt": SOUTH},
        [{0: [0]}, {0: [1], 1: [0, 1]}, {0: [2, 3], 1: [2]}],
    )
    again = opened(ann_file, split)
    assert again.group_of(again.all()[0].id) == 1  # 3 of 4 anchors are in group 1


def test_fuzzy_matching_is_conservative(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[1], edit("cost"))
    rewritten = list(NORTH)
    rewritten[1] = "The mayor declined to give any figure for the cost of construction."
    again = opened(ann_file, make_alignment({"north.txt": rewritten, "south.txt": ["Other."]}))
    assert len(again.detached()) == 1


@pytest.mark.parametrize("source", ["seeds", "own"])
def test_fuzzy_matching_finds_one_word_edits_and_nothing_else(source: str) -> None:
    """Over every sentence: with its hash gone, the excerpt finds the sentence after a
    one-word edit, and finds nothing once the sentence is deleted."""
    if source == "seeds":
        articles = build([SEEDS]).articles
        texts = {a.source.name: [s.text for s in a.sentences] for a in articles}
    else:
        texts = {"north.txt": NORTH, "south.txt": SOUTH}
    checked = 0
    for name, sentences in texts.items():
        for i, text in enumerate(sentences):
            if len(anchor_text(excerpt(text).removesuffix("…"))) < 20:
                continue
            anchor = Anchor(name, "0" * 16, excerpt(text))  # a hash that matches nothing
            edited = [*sentences[:i], _change_one_word(text), *sentences[i + 1 :]]
            deleted = [*sentences[:i], *sentences[i + 1 :]] or ["-"]
            assert locate(make_alignment({name: edited}), anchor) == (0, i)
            assert locate(make_alignment({name: deleted}), anchor) is None
            checked += 1
    assert checked >= (50 if source == "seeds" else 6)


def test_a_renamed_article_no_longer_matches(ann_file: Path) -> None:
    store = opened(ann_file, two_articles())
    store.apply_edit(store_alignment(store).groups[2], edit("north only"))
    renamed = make_alignment({"north-v2.txt": NORTH, "south.txt": SOUTH})
    assert len(opened(ann_file, renamed).detached()) == 1


def test_seed_annotation_survives_an_edited_article(tmp_path: Path) -> None:
    """End to end with the real engine on copies of the seeds."""
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    alignment = build([articles])
    group = next(g for g in alignment.groups if len(g.members) >= 3)
    member = group.members[0]
    sentence = alignment.articles[member.article].sentences[member.sentences[0]]
    store = opened(tmp_path / "a.yaml", alignment)
    assert store.apply_edit(group, edit("seed note")).ok
    path = Path(alignment.articles[member.article].source.path)
    raw = path.read_text(encoding="utf-8")
    changed = _change_one_word(sentence.text)
    path.write_text(raw.replace(sentence.text, changed, 1), encoding="utf-8")
    rebuilt = build([articles])
    again = opened(tmp_path / "a.yaml", rebuilt)
    gid = again.group_of(again.all()[0].id)
    assert gid is not None
    holders = [a.source.name for a in rebuilt.articles]
    where = holders.index(alignment.articles[member.article].source.name)
    texts = [
        s.text for m, ss in rebuilt.passages(rebuilt.groups[gid]) for s in ss if m.article == where
    ]
    assert any(changed[:30] in t or t in changed for t in texts)


def _change_one_word(text: str) -> str:
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = "zz" + words[longest][2:]
    return " ".join(words)


# ---------------------------------------------------------------------------
# Broken and hostile files
# ---------------------------------------------------------------------------


def test_a_corrupt_file_is_reported_with_its_line_and_never_overwritten(ann_file: Path) -> None:
    broken = b"format: idlib-read/annotations\nversion: 1\nannotations:\n- id: a\n  note: x: y\n"
    ann_file.write_bytes(broken)
    alignment = two_articles()
    store = opened(ann_file, alignment)
    assert store.load_error is not None
    assert store.load_error.startswith(
        "idlib-annotations.yaml line 5: mapping values are not allowed"
    )
    assert (
        store.status_message is not None
        and "idlib-annotations.recovered.yaml" in store.status_message
    )
    result = store.apply_edit(alignment.groups[0], edit("kept somewhere safe"))
    assert result.ok and "recovered" in result.message
    assert ann_file.read_bytes() == broken
    side = recovered_path(ann_file)
    assert side.name == "idlib-annotations.recovered.yaml"
    reopened = opened(ann_file, alignment)  # next session: the side file's notes come back
    assert [a.note for a in reopened.all()] == ["kept somewhere safe"]
    assert reopened.recovery_note is not None and "read from" in reopened.recovery_note
    assert ann_file.read_bytes() == broken


def test_a_python_tag_runs_nothing_and_leaves_the_file_alone(
    ann_file: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    hostile = (
        "format: idlib-read/annotations\nannotations:\n- id: a\n"
        f"  note: !!python/object/apply:os.system ['touch {marker}']\n"
        "  anchors: [{source: a.txt, hash: b}]\n"
    ).encode()
    ann_file.write_bytes(hostile)
    alignment = two_articles()
    store = opened(ann_file, alignment)
    assert store.load_error is not None
    assert store.load_error.startswith("idlib-annotations.yaml line 4: ")
    assert (
        "!!python/object/apply:os.system" in store.load_error and "not allowed" in store.load_error
    )
    store.apply_edit(alignment.groups[0], edit("new"))
    assert not marker.exists()
    assert ann_file.read_bytes() == hostile


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- just\n- a list\n", "line 1: the file must be a mapping"),
        ("format: other/thing\n", "line 1: format is 'other/thing'"),
        ("version: 7\n", "line 1: version 7 is newer"),
        ("annotations: {a: 1}\n", "line 1: annotations must be a list"),
        (
            "annotations:\n- note: x\n  anchors: [{source: a, hash: b}]\n",
            "line 2: annotation has no id",
        ),
        ("annotations:\n- id: a\n  anchors: []\n", "line 3: annotation needs a list of anchors"),
        ("annotations:\n- id: a\n  anchors:\n  - source: a\n", "line 4: anchor has no hash"),
        (
            "annotations:\n- id: a\n  status: done\n  anchors: [{source: a, hash: b}]\n",
            "line 3: status must be",
        ),
        (
            "annotations:\n- id: a\n  tags: {x: 1}\n  anchors: [{source: a, hash: b}]\n",
            "line 3: tags must be a list",
        ),
        (
            "annotations:\n- id: a\n  note: [1]\n  anchors: [{source: a, hash: b}]\n",
            "line 3: note must be text",
        ),
        (
            "annotations:\n- id: a\n  anchors: [{source: a, hash: b}]\n"
            "- id: a\n  anchors: [{source: a, hash: b}]\n",
            "line 4: duplicate annotation id 'a'",
        ),
        ("a: [1, 2\n", "line 2: "),
        ('note: "bad \\q escape"\n', "line 1: found unknown escape character"),
    ],
)
def test_invalid_files_name_the_line_and_the_problem(content: str, expected: str) -> None:
    with pytest.raises(AnnotationFileError) as info:
        parse_document(content.encode(), "notes.yaml")
    assert str(info.value).startswith("notes.yaml " + expected.split(": ")[0])
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_undecodable_and_control_bytes_are_reported(ann_file: Path) -> None:
    with pytest.raises(
        AnnotationFileError, match=r"notes.yaml line 2: not UTF-8 text \(byte 0xff\)"
    ):
        parse_document(b"format: idlib-read/annotations\n\xff\n", "notes.yaml")
    with pytest.raises(AnnotationFileError, match=r"notes.yaml line 1: .*#x0000"):
        parse_document(b"a: \x00\n", "notes.yaml")


def test_a_directory_in_place_of_the_file_is_reported(ann_file: Path) -> None:
    ann_file.mkdir()
    store = AnnotationStore.open(ann_file)
    assert store.load_error is not None and "cannot read" in store.load_error
    assert store.writable  # notes go to the recovered side file


def test_when_the_side_file_is_broken_too_nothing_is_written(ann_file: Path) -> None:
    ann_file.write_text("a: b: c\n", encoding="utf-8")
    recovered_path(ann_file).write_text("[unclosed\n", encoding="utf-8")
    alignment = two_articles()
    store = opened(ann_file, alignment)
    assert not store.writable
    result = store.apply_edit(alignment.groups[0], edit("in memory only"))
    assert not result.ok and "not saved" in result.message
    assert [a.note for a in store.all()] == ["in memory only"]
    assert ann_file.read_text(encoding="utf-8") == "a: b: c\n"


# ---------------------------------------------------------------------------
# Saving where writing fails
# ---------------------------------------------------------------------------


@pytest.fixture
def unwritable_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A directory where creating files fails. chmod 555 blocks writes for normal users;
    root ignores it, so then creating the temporary file is made to fail the same way."""
    directory = tmp_path / "locked"
    directory.mkdir()
    directory.chmod(0o555)
    if _can_create_in(directory):  # running as root

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied", str(directory))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    yield directory
    monkeypatch.undo()
    directory.chmod(0o755)


def _can_create_in(directory: Path) -> bool:
    probe = directory / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


def test_unwritable_directory_reports_keeps_the_note_and_retries(
    unwritable_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alignment = two_articles()
    path = unwritable_dir / "notes.yaml"
    store = opened(path, alignment)
    result = store.apply_edit(alignment.groups[0], edit("do not lose me"))
    assert not result.ok and "Permission denied" in result.message and "\n" not in result.message
    assert store.dirty and [a.note for a in store.all()] == ["do not lose me"]
    assert not path.exists()
    monkeypatch.undo()
    unwritable_dir.chmod(0o755)
    assert store.save().ok and not store.dirty
    assert [a.note for a in AnnotationStore.open(path).all()] == ["do not lose me"]


def test_a_parent_that_is_a_file_fails_cleanly_even_for_root(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    alignment = two_articles()
    store = opened(blocker / "notes.yaml", alignment)
    result = store.apply_edit(alignment.groups[0], edit("kept"))
    assert not result.ok and "Not a directory" in result.message
    assert store.dirty and store.all()[0].note == "kept"


def test_a_failed_replace_leaves_no_temporary_file_and_the_old_file_intact(
    ann_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("first"))
    before = ann_file.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    assert not store.apply_edit(alignment.groups[1], edit("second")).ok
    assert ann_file.read_bytes() == before
    assert sorted(p.name for p in ann_file.parent.iterdir()) == [ann_file.name]
    monkeypatch.undo()
    assert store.save().ok
    assert [a.note for a in AnnotationStore.open(ann_file).all()] == ["first", "second"]


# ---------------------------------------------------------------------------
# The file changed on disk meanwhile
# ---------------------------------------------------------------------------


def test_changes_on_disk_are_merged_and_nothing_is_lost(ann_file: Path) -> None:
    alignment = two_articles()
    seed = opened(ann_file, alignment)
    for gid, note in enumerate(["keep", "both edit", "they delete", "we delete"]):
        seed.apply_edit(alignment.groups[gid], edit(note))
    ids = {a.note: a.id for a in seed.all()}
    ours, theirs = opened(ann_file, alignment), opened(ann_file, alignment)

    theirs.apply_edit(alignment.groups[1], edit("their edit"))
    theirs.delete(ids["they delete"])
    theirs.upsert(Annotation.new(anchors_for(alignment, alignment.groups[0]), "their new"))
    assert theirs.save().ok

    ours.apply_edit(alignment.groups[1], edit("our edit"))  # saves: merge happens here
    ours.delete(ids["we delete"])
    ours.upsert(Annotation.new(anchors_for(alignment, alignment.groups[3]), "our new"))
    result = ours.save()
    assert result.ok and not result.merged  # the first save already merged

    final = {a.note for a in opened(ann_file, alignment).all()}
    assert final == {"keep", "our edit", "their new", "our new"}


def test_a_merge_is_reported(ann_file: Path) -> None:
    alignment = two_articles()
    ours, theirs = opened(ann_file, alignment), opened(ann_file, alignment)
    theirs.apply_edit(alignment.groups[0], edit("theirs"))
    result = ours.apply_edit(alignment.groups[1], edit("ours"))
    assert result.ok and result.merged and "merged" in result.message
    assert {a.note for a in opened(ann_file, alignment).all()} == {"theirs", "ours"}
    assert ours.group_of(ours.all()[0].id) == 0  # their annotation is attached too


def test_a_hand_edit_on_disk_survives_our_next_save(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("typo hear"))
    text = ann_file.read_text(encoding="utf-8").replace("typo hear", "typo here")
    ann_file.write_text(text + "# a comment\n", encoding="utf-8")
    assert store.apply_edit(alignment.groups[1], edit("next")).merged
    assert {a.note for a in opened(ann_file, alignment).all()} == {"typo here", "next"}


def test_a_file_broken_on_disk_meanwhile_is_not_overwritten(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("one"))
    good = ann_file.read_bytes()
    ann_file.write_text("annotations: [\n", encoding="utf-8")
    result = store.apply_edit(alignment.groups[1], edit("two"))
    assert not result.ok and "changed on disk" in result.message and "line 2" in result.message
    assert ann_file.read_text(encoding="utf-8") == "annotations: [\n"
    assert store.dirty
    ann_file.write_bytes(good)  # the user repairs the file; saving again works
    assert store.save().ok
    assert {a.note for a in opened(ann_file, alignment).all()} == {"one", "two"}


def test_a_file_deleted_meanwhile_is_written_again_in_full(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("one"))
    ann_file.unlink()
    assert store.apply_edit(alignment.groups[1], edit("two")).ok
    assert {a.note for a in opened(ann_file, alignment).all()} == {"one", "two"}


# ---------------------------------------------------------------------------
# Suggestions and export
# ---------------------------------------------------------------------------


def test_suggestions_start_with_the_defaults_then_tags_in_use(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[0], edit("x", ["Conflict", "budget"]))
    assert store.suggestions() == (*DEFAULT_TAGS, "budget")


def test_export_names_group_anchor_locations_and_detachment(ann_file: Path) -> None:
    alignment = two_articles()
    store = opened(ann_file, alignment)
    store.apply_edit(alignment.groups[1], edit("cost", ["conflict"], "checked"))
    (item,) = store.to_export(alignment)
    assert list(item) == [
        "id",
        "group",
        "detached",
        "status",
        "tags",
        "note",
        "created",
        "updated",
        "anchors",
    ]
    assert (item["group"], item["detached"], item["tags"], item["status"]) == (
        1,
        False,
        ["conflict"],
        "checked",
    )
    assert [(a["article"], a["sentence"]) for a in item["anchors"]] == [("a0", 1), ("a1", 1)]


def test_the_store_never_raises_for_content_problems(tmp_path: Path) -> None:
    for i, content in enumerate([b"", b"~\n", b"\xef\xbb\xbf", b"[" * 5000, b"{{{", b"*x\n"]):
        path = tmp_path / f"f{i}.yaml"
        path.write_bytes(content)
        store = AnnotationStore.open(path)
        assert store.all() == [] or store.load_error is not None
        assert os.path.exists(path)


def test_a_symlinked_file_stays_a_link_and_keeps_its_mode(tmp_path: Path) -> None:
    real = tmp_path / "store" / "notes.yaml"
    real.parent.mkdir()
    alignment = two_articles()
    first = opened(real, alignment)
    first.apply_edit(alignment.groups[0], edit("one"))
    real.chmod(0o640)
    link = tmp_path / "idlib-annotations.yaml"
    link.symlink_to(real)
    store = opened(link, alignment)
    result = store.apply_edit(alignment.groups[1], edit("two"))
    assert result.ok and result.message == "saved"
    assert link.is_symlink() and (real.stat().st_mode & 0o777) == 0o640
    assert {a.note for a in AnnotationStore.open(real).all()} == {"one", "two"}


def test_temporary_files_left_by_a_killed_save_are_swept_when_old(ann_file: Path) -> None:
    old = ann_file.parent / f".{ann_file.name}.k1ll3d.tmp"
    old_bak = ann_file.parent / f".{ann_file.name}.bak.x.tmp"
    fresh = ann_file.parent / f".{ann_file.name}.busy.tmp"
    for temp in (old, old_bak, fresh):
        temp.write_bytes(b"partial")
    for temp in (old, old_bak):
        os.utime(temp, (0, 0))
    alignment = two_articles()
    assert opened(ann_file, alignment).apply_edit(alignment.groups[0], edit("x")).ok
    assert not old.exists() and not old_bak.exists()
    assert fresh.exists()  # may belong to a save in progress elsewhere


def test_a_missing_folder_is_known_at_opening(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "no" / "such" / "notes.yaml")
    assert store.load_error is None
    assert store.folder_problem is not None and "no such folder" in store.folder_problem
    assert AnnotationStore.open(tmp_path / "notes.yaml").folder_problem is None
