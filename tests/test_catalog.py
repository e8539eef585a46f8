"""Templates from documents, reading PO files, and deterministic writing."""

from __future__ import annotations

import polib
import pytest

from conftest import REAL_SOURCE, run_msgfmt
from yakugo.catalog import (MarkerNote, block_roles, footnote_markers, load_catalog, markers_in, render,
                            template_from_document, write_catalog)
from yakugo.document import parse_document, read_document
from yakugo.errors import YakugoError
from yakugo.merge import merge

REFERENCE = "source_ja/" + REAL_SOURCE.name


@pytest.fixture(scope="module")
def template():
    return template_from_document(read_document(REAL_SOURCE), REFERENCE)


def entry(catalog, prefix):
    found = [e for e in catalog if e.msgid.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def test_every_segment_is_an_entry_in_source_order(template):
    segments = read_document(REAL_SOURCE).segments
    distinct = list(dict.fromkeys(s.text for s in segments))
    assert [e.msgid for e in template] == distinct


def test_identical_sentences_become_one_entry_with_every_reference(template):
    caption = entry(template, "米海兵隊との実動訓練")
    assert caption.occurrences == [(REFERENCE, "61"), (REFERENCE, "63")]
    assert block_roles(caption) == ["caption"]


def test_block_roles_and_footnote_markers_are_extracted_comments(template):
    assert block_roles(entry(template, "第II部")) == ["heading"]
    assert block_roles(entry(template, "参照図表II-4-2-3")) == ["cross-reference"]
    assert entry(template, "正式名称:日本国の自衛隊").comment == "type: footnote 2"
    acsa = entry(template, "日米が協力する機会の増加")
    assert [(m.number, m.context) for m in footnote_markers(acsa)] == [(2, "相互提供協定")]
    assert acsa.comment.splitlines() == ["type: body", 'footnote marker: 2 after "相互提供協定"']


def test_same_sentence_in_two_roles_lists_both():
    document = parse_document("見出し\n\n本文です。見出し\n", "doc.txt")
    catalog = template_from_document(document, "doc.txt")
    assert [(e.msgid, block_roles(e)) for e in catalog] == [
        ("見出し", ["heading", "body"]), ("本文です。", ["body"])]


def test_written_files_pass_msgfmt_check(template, tmp_path, msgfmt):
    pot = tmp_path / "t.pot"
    write_catalog(template, pot, date_field="POT-Creation-Date")
    assert run_msgfmt(msgfmt, pot).returncode == 0
    po = tmp_path / "en.po"
    catalog, _ = merge(load_catalog(pot), None, "en")
    for number, item in enumerate(catalog):
        item.msgstr = f"Sentence {number} with \"quotes\" and a \\ backslash."
    write_catalog(catalog, po)
    result = run_msgfmt(msgfmt, po, "--statistics")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert f"{len(catalog)} translated messages" in result.stderr


def test_polib_load_and_save_changes_nothing(template, tmp_path):
    path = tmp_path / "t.pot"
    write_catalog(template, path, date_field="POT-Creation-Date")
    again = tmp_path / "again.pot"
    polib.pofile(str(path), wrapwidth=0).save(str(again))
    assert again.read_bytes() == path.read_bytes()


def test_one_physical_line_per_msgid(template):
    text = render(template)
    assert all(line.startswith(("#", "msgid", "msgstr", '"')) or line == "" for line in text.split("\n"))
    longest = max(template, key=lambda e: len(e.msgid))
    assert f'msgid "{longest.msgid}"' in text


def test_writing_unchanged_content_keeps_file_and_date(template, tmp_path, monkeypatch):
    path = tmp_path / "t.pot"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    assert write_catalog(template, path, date_field="POT-Creation-Date")
    first = path.read_bytes()
    assert b"2017-07-14 02:40+0000" in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    assert not write_catalog(template, path, date_field="POT-Creation-Date")
    assert path.read_bytes() == first
    template[0].msgid = "Contents (changed)"
    try:
        assert write_catalog(template, path, date_field="POT-Creation-Date")
    finally:
        template[0].msgid = "Contents"
    assert b"2020-09-13 12:26+0000" in path.read_bytes()


def test_broken_po_names_file_and_line(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\nthis is not PO\n', encoding="utf-8")
    with pytest.raises(YakugoError) as error:
        load_catalog(path)
    assert error.value.path == str(path) and error.value.line == 6


def test_duplicate_entries_are_refused(tmp_path):
    path = tmp_path / "dup.po"
    path.write_text('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', encoding="utf-8")
    with pytest.raises(YakugoError, match="duplicate") as error:
        load_catalog(path)
    assert error.value.line == 4


def test_non_utf8_po_is_refused_with_location(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes(b'msgid "a"\nmsgstr "caf\xe9"\n')
    with pytest.raises(YakugoError, match="not UTF-8") as error:
        load_catalog(path)
    assert error.value.line == 2


def test_a_hand_edited_marker_comment_with_a_huge_number_is_not_a_marker():
    assert markers_in('footnote marker: 2 after "協定"') == [MarkerNote(2, "協定")]
    assert markers_in('footnote marker: ' + "9" * 5000 + ' after "x"') == []   # int() of it would fail
