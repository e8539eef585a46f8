"""The glossary's spreadsheet exchange: XLSX and CSV layout, exact round trips, hostile files, merging."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yakugo.errors import YakugoError
from yakugo.glossary import exchange, xlsx
from yakugo.glossary.csvio import read_csv, write_csv
from yakugo.glossary.exchange import (HEADERS, describe, load_any, merge_glossaries, save_any)
from yakugo.glossary.model import PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term
from yakugo.glossary.xlsx import read_xlsx

FORMULA_LIKE = ["=SUM(A1:A3)", "+81 3 1234", "-ization", "@mention", "\tindented", "\rcarriage"]


def sample_glossary() -> Glossary:
    """A small glossary touching every column and the Term details notation."""
    return Glossary(title="防衛白書 glossary", concepts=[
        Concept("c001", subject_field="organization", definition="The ministry in charge of defense.",
                note="Renamed in 2007.", source="Defense of Japan 2018", terms=[
                    Term("防衛省", "ja"),
                    Term("防衛庁", "ja", status="superseded"),
                    Term("Ministry of Defense", "en"),
                    Term("MOD", "en", status="preferred", type="acronym"),
                    Term("Defense Ministry", "en", status="admitted"),
                    Term("JDA", "en", status="superseded", type="acronym", note='was "Japan Defense Agency"'),
                    Term("Defence Agency", "en", status="deprecated"),
                ]),
        Concept("c002", subject_field="policy", terms=[
            Term("抑止", "ja"), Term("deter", "en", part_of_speech="verb"),
            Term("deterrence", "en", status="admitted"),
        ]),
        Concept("c003", terms=[Term("=1+1", "en", note="-starts with a minus"), Term("@式", "ja")]),
    ])


def export(glossary: Glossary, tmp_path: Path, name: str = "glossary.xlsx") -> Path:
    path = tmp_path / name
    save_any(glossary, path, "xlsx", source_name="glossary/glossary.tbx", exported_at="2024-05-01T09:00:00+00:00")
    return path


def error_of(reader, path: Path) -> str:
    with pytest.raises(YakugoError) as caught:
        reader(path)
    return str(caught.value)


# --- Workbook layout -----------------------------------------------------------------------


def test_workbook_layout(tmp_path):
    glossary = sample_glossary()
    workbook = openpyxl.load_workbook(export(glossary, tmp_path))
    assert workbook.sheetnames == ["Glossary", "About"]
    sheet = workbook["Glossary"]
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:M{len(glossary) + 1}"
    assert sheet.max_row == len(glossary) + 1
    assert all(c.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for c in row)

    # One row per concept, one term per line, the human columns in place.
    row = {h: c.value for h, c in zip(HEADERS, sheet[2])}
    assert row["Japanese"] == "防衛省"
    assert row["Japanese variants"] == "防衛庁"
    assert row["English"] == "Ministry of Defense"
    assert row["Abbreviation"] == "MOD\nJDA"
    assert row["Admitted English variants"] == "Defense Ministry"
    assert row["Forbidden English terms"] == "Defence Agency"
    assert row["Part of speech"] == "noun"
    assert row["Concept ID"] == "c001"
    assert 'en "JDA": status=superseded, type=acronym, note="was ""Japan Defense Agency"""' in row["Term details"]

    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    pos = validations["G2:G1048576"]
    assert pos.type == "list" and pos.formula1 == '"' + ",".join(PARTS_OF_SPEECH) + '"'
    assert pos.showErrorMessage and pos.errorStyle == "stop"
    assert validations["H2:H1048576"].formula1 == '"organization,policy"'


def test_column_widths_count_cjk_as_two(tmp_path):
    assert xlsx.display_width("防衛省") == 6
    assert xlsx.display_width("ＡＢ ab\nlonger line") == 11
    cjk = Concept("c1", terms=[Term("国家安全保障戦略", "ja"), Term("abcdefgh", "en")])
    sheet = openpyxl.load_workbook(export(Glossary([cjk]), tmp_path))["Glossary"]
    japanese, english = sheet.column_dimensions["A"].width, sheet.column_dimensions["C"].width
    assert japanese == 16 + 2  # 8 wide characters
    assert english == 8 + 2
    assert sheet.column_dimensions["M"].width <= 32  # Term details stays narrow


def test_about_sheet(tmp_path):
    about = openpyxl.load_workbook(export(sample_glossary(), tmp_path))["About"]
    text = "\n".join(str(c.value) for row in about.iter_rows() for c in row if c.value)
    assert "2024-05-01T09:00:00+00:00" in text
    assert "glossary/glossary.tbx" in text
    assert "yakugo glossary import FILE.xlsx" in text
    assert "防衛白書 glossary" in text
    labels = [row[0].value for row in about.iter_rows()]
    assert all(header in labels for header in HEADERS), "every column is explained"


@pytest.mark.parametrize("value", FORMULA_LIKE)
def test_formula_like_text_stays_text(tmp_path, value):
    glossary = Glossary([Concept("c1", definition=value, note=value,
                                 terms=[Term("x" if value[0] in "\t\r" else value, "en"), Term("語", "ja")])])
    path = export(glossary, tmp_path)
    sheet = openpyxl.load_workbook(path)["Glossary"]
    definition = sheet.cell(row=2, column=HEADERS.index("Definition") + 1)
    assert definition.value == value
    assert definition.data_type == "s"
    assert definition.quotePrefix
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml
    assert read_xlsx(path) == glossary


def test_write_only_mode_handles_large_glossaries(tmp_path, monkeypatch):
    made = []
    original = xlsx.Workbook

    def spy(*args, **kwargs):
        made.append(kwargs.get("write_only"))
        return original(*args, **kwargs)

    monkeypatch.setattr(xlsx, "Workbook", spy)
    big = Glossary([Concept(f"c{i:05}", definition="防衛" * 5, terms=[Term(f"用語{i}", "ja"),
                                                                       Term(f"term {i}", "en")])
                    for i in range(5001)])
    path = export(big, tmp_path)
    assert made == [True]
    assert read_xlsx(path) == big


def test_write_is_atomic_and_refuses_unstorable_text(tmp_path):
    path = export(sample_glossary(), tmp_path)
    before = path.read_bytes()
    bad = Glossary([Concept("c1", note="bell\x07", terms=[Term("a", "en")])])
    with pytest.raises(YakugoError, match="c1.*control character"):
        save_any(bad, path, "xlsx", source_name="x", exported_at="now")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.xlsx"]


@pytest.mark.parametrize("term", [" padded", "", "dup"])
def test_export_refuses_terms_a_sheet_cannot_give_back(tmp_path, term):
    terms = [Term("dup", "en"), Term("dup", "en", status="admitted")] if term == "dup" else [Term(term, "en")]
    with pytest.raises(YakugoError, match="concept c1"):
        save_any(Glossary([Concept("c1", terms=terms)]), tmp_path / "g.xlsx", source_name="", exported_at="")
    assert not (tmp_path / "g.xlsx").exists()


# --- Exact round trips ---------------------------------------------------------------------

# Characters XML (and so both TBX and XLSX) can hold.
_XML_CHARS = st.characters(blacklist_categories=("Cs",),
                           blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
                           + ["\ufffe", "\uffff"])
_SPECIAL = ["防衛省", "a;b", "a; b", 'say "hi"', "'quoted", "''", "C:\\new\\path", "\\", "\\n", "x\\",
            "行\n分け", "a\r\nb", "=SUM(A1)", "+81", "-ization", "@home", 'en "x": status=bad', "order: 1 2"]
free_text = st.one_of(st.text(_XML_CHARS, max_size=12),
                      st.sampled_from(_SPECIAL + FORMULA_LIKE + [" lead", "trail ", "\n", ""]))
term_text = st.one_of(st.text(_XML_CHARS, min_size=1, max_size=12),
                      st.sampled_from(_SPECIAL)).filter(lambda s: s and s == s.strip())


@st.composite
def glossaries(draw, languages=("ja", "en")):
    source, target = languages
    term_languages = st.sampled_from([source, source, target, target, target, "de"])
    concepts = []
    ids = draw(st.lists(st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_.-]{0,6}\Z"), unique=True, max_size=4))
    for concept_id in ids:
        keys = draw(st.lists(st.tuples(term_languages, term_text), unique=True, max_size=6))
        terms = [Term(text, language, draw(st.sampled_from(list(STATUSES))), draw(st.sampled_from(TERM_TYPES)),
                      draw(st.sampled_from(PARTS_OF_SPEECH)), draw(free_text)) for language, text in keys]
        concepts.append(Concept(concept_id, draw(free_text), draw(free_text), draw(free_text), draw(free_text),
                                terms))
    title = draw(st.one_of(st.just("yakugo glossary"), free_text))
    return Glossary(concepts, source, target, title)


_ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                               HealthCheck.too_slow])


@_ROUND_TRIP
@given(glossary=st.one_of(glossaries(), glossaries(("ja", "en-GB"))))
def test_xlsx_round_trip_is_exact(tmp_path, glossary):
    path = export(glossary, tmp_path)
    warnings = []
    assert read_xlsx(path, warnings) == glossary
    assert warnings == []


@_ROUND_TRIP
@given(glossary=st.one_of(glossaries(), glossaries(("ja", "en-GB"))))
def test_csv_round_trip_is_exact(tmp_path, glossary):
    path = tmp_path / "glossary.csv"
    save_any(glossary, path, "csv")
    assert read_csv(path) == glossary


def test_round_trip_of_every_status_type_and_pos(tmp_path):
    terms = []
    for i, (status, type_) in enumerate((s, t) for s in STATUSES for t in TERM_TYPES):
        for language in ("ja", "en", "fr"):
            terms.append(Term(f"{language}{i}", language, status, type_, PARTS_OF_SPEECH[i % 5], f"note {i}"))
    glossary = Glossary([Concept("all", terms=terms), Concept("empty")])
    assert read_xlsx(export(glossary, tmp_path)) == glossary
    save_any(glossary, tmp_path / "g.csv", "csv")
    assert read_csv(tmp_path / "g.csv") == glossary


def test_tbx_to_spreadsheets_to_tbx_is_byte_identical(tmp_path):
    tbx = pytest.importorskip("yakugo.glossary.tbx")
    (tmp_path / "g.tbx").write_bytes(tbx.write_tbx(sample_glossary()))
    glossary, _ = tbx.read_tbx(tmp_path / "g.tbx")
    canonical = tbx.write_tbx(glossary)
    assert canonical == (tmp_path / "g.tbx").read_bytes()

    save_any(glossary, tmp_path / "g.xlsx", source_name="g.tbx", exported_at="now")
    save_any(glossary, tmp_path / "g.csv")
    for name in ("g.xlsx", "g.csv"):
        again, warnings = load_any(tmp_path / name)
        assert warnings == []
        save_any(again, tmp_path / f"back-{name}.tbx")
        assert (tmp_path / f"back-{name}.tbx").read_bytes() == canonical, name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(glossary=glossaries())
def test_generated_tbx_survives_both_spreadsheets_byte_for_byte(tmp_path, glossary):
    tbx = pytest.importorskip("yakugo.glossary.tbx")
    (tmp_path / "g.tbx").write_bytes(tbx.write_tbx(glossary))
    from_tbx, _ = tbx.read_tbx(tmp_path / "g.tbx")
    canonical = tbx.write_tbx(from_tbx)
    save_any(from_tbx, tmp_path / "g.xlsx", "xlsx", source_name="g.tbx", exported_at="now")
    assert tbx.write_tbx(read_xlsx(tmp_path / "g.xlsx")) == canonical
    (tmp_path / "g.csv").write_text(write_csv(from_tbx), encoding="utf-8", newline="")
    assert tbx.write_tbx(read_csv(tmp_path / "g.csv")) == canonical


def test_cell_escapes_are_documented_and_minimal():
    assert exchange.encode_terms(["a;b", "C:\\path", "two\nlines", "\\n"]) == "a;b\nC:\\path\ntwo\\nlines\n\\\\n"
    assert exchange.decode_terms(" a;b \n\n C:\\path\r\ntwo\\nlines\n\\\\n") == ["a;b", "C:\\path", "two\nlines",
                                                                                  "\\n"]


# --- CSV specifics -------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_crlf_and_quote_prefixed_formulas(tmp_path):
    path = tmp_path / "g.csv"
    save_any(sample_glossary(), path, "csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfJapanese,Japanese variants,English,")
    assert data.split(b"\n")[0].endswith(b"\r")
    text = data.decode("utf-8-sig")
    assert "'=1+1" in text and "'@式" in text and "'-starts with a minus" not in text  # notes live in Term details
    assert '"MOD\nJDA"' in text  # one term per line, inside a quoted field
    assert text.rstrip("\r\n").endswith('#glossary,"title=""防衛白書 glossary"", source=ja, target=en"')
    assert exchange.HEADERS[0] in text
    assert read_csv(path) == sample_glossary()


def test_csv_quote_prefix_is_symmetric():
    from yakugo.glossary.csvio import protect, unprotect
    for value in FORMULA_LIKE + ["'already", "''", "plain", ""]:
        assert unprotect(protect(value)) == value
    assert protect("=x") == "'=x" and protect("'x") == "''x" and protect("x=") == "x="


def test_csv_default_settings_need_no_extra_row():
    text = write_csv(Glossary([Concept("c1", terms=[Term("語", "ja")])]))
    assert "#glossary" not in text
    assert text.count("\r\n") == 2


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    import csv
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([list(HEADERS)] + rows)
    path = tmp_path / "g.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


def _row(**values: str) -> list[str]:
    named = {h.lower().replace(" ", "_"): h for h in HEADERS}
    cells = dict.fromkeys(HEADERS, "")
    for key, value in values.items():
        cells[named[key]] = value
    return [cells[h] for h in HEADERS]


def test_csv_errors_name_line_and_column(tmp_path):
    path = _csv(tmp_path, [
        _row(japanese="防衛省", english="a\nmulti-line\ncell", concept_id="c1"),
        _row(japanese="抑止", part_of_speech="nounn", concept_id="c2"),
        _row(english="x", concept_id="c1"),
    ])
    message = error_of(read_csv, path)
    lines = message.splitlines()
    assert lines[0] == f"{path}:5: column Part of speech: 'nounn' is not one of noun, verb, adjective, adverb, other"
    assert lines[1].startswith(f"{path}:6: column Concept ID: 'c1' is also the id of the concept in row 2")


def test_csv_refuses_shift_jis_and_non_glossaries(tmp_path):
    path = tmp_path / "sjis.csv"
    path.write_bytes(",".join(HEADERS).encode() + "\r\n防衛省".encode("cp932"))
    assert "not UTF-8" in error_of(read_csv, path) and ":2:" in error_of(read_csv, path)
    other = tmp_path / "other.csv"
    other.write_text("name,price\r\napple,3\r\n", encoding="utf-8")
    message = error_of(read_csv, other)
    assert message.startswith(f"{other}:1: not a yakugo glossary: the header row has none of the glossary columns")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert "empty" in error_of(read_csv, empty)


# --- Hostile and broken workbooks ----------------------------------------------------------


def test_not_a_glossary_workbook(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Price"])
    workbook.active.append(["apple", 3])
    workbook.save(tmp_path / "prices.xlsx")
    message = error_of(read_xlsx, tmp_path / "prices.xlsx")
    assert "sheet Sheet, row 1: not a yakugo glossary: the header row has none of the glossary columns" in message

    workbook = openpyxl.Workbook()
    workbook.active.title = "Glossary"
    workbook.active.append([h for h in HEADERS if h not in ("Definition", "Term details")])
    workbook.save(tmp_path / "partial.xlsx")
    assert "lacks the column(s) Definition, Term details" in error_of(read_xlsx, tmp_path / "partial.xlsx")


def _edit(path: Path, edits: dict[tuple[int, str], object]) -> Path:
    """Change cells of an exported workbook the way a person in Excel would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Glossary"]
    for (row, header), value in edits.items():
        sheet.cell(row=row, column=HEADERS.index(header) + 1).value = value
    workbook.save(path)
    return path


def test_formula_in_a_term_cell_is_refused(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {(3, "English"): "=A2&\"x\""})
    assert openpyxl.load_workbook(path)["Glossary"]["C3"].data_type == "f"
    message = error_of(read_xlsx, path)
    assert message.startswith(f"{path}: sheet Glossary, row 3, column English: a formula (=A2&\"x\")")


def test_bad_controlled_values_name_sheet_row_and_column(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {
        (2, "Part of speech"): "nounn",
        (3, "Term details"): 'en "deterrence": status=allowed',
        (4, "Concept ID"): None,
    })
    lines = error_of(read_xlsx, path).splitlines()
    assert lines == [
        f"{path}: sheet Glossary, row 2, column Part of speech: 'nounn' is not one of noun, verb, adjective, "
        "adverb, other",
        f"{path}: sheet Glossary, row 3, column Term details: en 'deterrence': status 'allowed' is not one of "
        "preferred, admitted, deprecated, superseded",
        f"{path}: sheet Glossary, row 4, column Concept ID: is empty: every concept needs a unique id "
        "(a new concept a new one)",
    ]


def test_stale_or_misplaced_term_details_are_errors(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {(2, "Abbreviation"): "MoD\nJDA",
                                                      (3, "Term details"): 'en "deter": status=deprecated'})
    message = error_of(read_xlsx, path)
    assert "row 2, column Term details: en 'MOD' is in none of the English columns" in message
    assert ("row 3, column Term details: en 'deter' is a deprecated fullForm, which belongs in column "
            "Forbidden English terms, not English") in message


def test_duplicates_and_malformed_details_are_errors(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {
        (2, "Admitted English variants"): "Defense Ministry\nMinistry of Defense",
        (3, "Term details"): 'en "deter: pos=verb',
        (4, "Term details"): 'en "=1+1": colour=red',
    })
    lines = error_of(read_xlsx, path).splitlines()
    assert lines[0].endswith("row 2, column Admitted English variants: 'Ministry of Defense' is listed twice "
                             "in this row")
    assert lines[1].endswith("row 3, column Term details: a quote is not closed")
    assert lines[2].endswith("row 4, column Term details: en '=1+1': unknown key 'colour' (use status, type, "
                             "pos, note)")


def test_edits_in_human_columns_are_read(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {
        (3, "English"): "deter\ndissuade", (3, "Note"): 2024, (3, "Term details"): None,
    })
    warnings = []
    concept = read_xlsx(path, warnings).by_id()["c002"]
    assert [(t.text, t.status, t.part_of_speech) for t in concept.terms_in("en")] == [
        ("deter", "preferred", "noun"), ("dissuade", "preferred", "noun"), ("deterrence", "admitted", "noun")]
    assert concept.note == "2024"
    assert warnings == []


def test_stale_order_line_falls_back_to_reading_order_with_a_warning(tmp_path):
    path = _edit(export(sample_glossary(), tmp_path), {(2, "Admitted English variants"): "Defense Ministry\nMoD"})
    warnings = []
    concept = read_xlsx(path, warnings).by_id()["c001"]
    assert [t.text for t in concept.terms][:4] == ["防衛省", "防衛庁", "Ministry of Defense", "MOD"]
    assert len(warnings) == 1 and "row 2, column Term details: the order line does not fit" in warnings[0]


def _zip_bomb(path: Path) -> Path:
    # 200 MB of zeros deflate to well under 1 MB: an archive whose sheet would swamp openpyxl.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"\0" * (8 << 20)
            for _ in range(25):
                sheet.write(chunk)
    return path


def test_zip_bomb_is_refused_fast_before_openpyxl(tmp_path, monkeypatch):
    path = _zip_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 2 << 20
    monkeypatch.setattr(xlsx, "load_workbook", lambda *a, **k: pytest.fail("openpyxl must not see a zip bomb"))
    start = time.perf_counter()
    message = error_of(read_xlsx, path)
    assert time.perf_counter() - start < 1.0
    assert "refused" in message and "zip bomb" in message


def test_compression_ratio_limit_alone_catches_a_small_bomb(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_UNPACKED_BYTES", 10**12)
    with zipfile.ZipFile(tmp_path / "small.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (4 << 20))
    assert "compressed" in error_of(read_xlsx, tmp_path / "small.xlsx")


def test_non_zip_and_damaged_files_are_refused(tmp_path):
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # an OLE (.xls) header
    assert "not a zip archive" in error_of(read_xlsx, tmp_path / "old.xlsx")
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "not a readable Excel workbook" in error_of(read_xlsx, tmp_path / "empty.xlsx")
    assert "cannot read" in error_of(read_xlsx, tmp_path / "missing.xlsx")


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    glossary = Glossary([Concept(f"c{i}", terms=[Term(f"t{i}", "en")]) for i in range(4)])
    assert "more than 3 rows" in error_of(read_xlsx, export(glossary, tmp_path))


# --- Merging -------------------------------------------------------------------------------


def _concept(concept_id: str, en: str, **fields) -> Concept:
    return Concept(concept_id, terms=[Term(f"語{concept_id}", "ja"), Term(en, "en")], **fields)


def test_merge_replaces_by_id_appends_new_and_keeps_missing():
    current = Glossary([_concept("a", "alpha"), _concept("b", "beta"), _concept("c", "gamma")], title="current")
    incoming = Glossary([_concept("d", "delta"), _concept("b", "BETA", definition="new"), _concept("c", "gamma")],
                        title="incoming")
    merged, changes = merge_glossaries(current, incoming, replace=False)
    assert [c.id for c in merged] == ["a", "b", "c", "d"]
    assert merged.by_id()["b"] is incoming.by_id()["b"]
    assert merged.title == "current"
    assert changes.added == ["d"] and changes.removed == [] and changes.kept == ["a"]
    assert changes.changed == {"b": ["en preferred: 'beta' -> 'BETA'", "definition: '' -> 'new'"]}
    assert describe(changes) == [
        "added d (語d / delta)",
        "changed b: en preferred: 'beta' -> 'BETA'; definition: '' -> 'new'",
        "kept 1 concept(s) that the imported file does not have (replace mode would remove them)",
        "1 added, 1 changed, 0 removed",
    ]


def test_replace_mode_removes_missing_concepts_and_takes_incoming_settings():
    current = Glossary([_concept("a", "alpha"), _concept("b", "beta")], title="current")
    incoming = Glossary([_concept("b", "beta"), _concept("z", "zeta")], title="incoming")
    replaced, changes = merge_glossaries(current, incoming, replace=True)
    assert replaced == incoming
    assert changes.removed == ["a"] and changes.added == ["z"] and changes.changed == {}
    assert describe(changes) == ["title: 'current' -> 'incoming'", "added z (語z / zeta)", "removed a (語a / alpha)",
                                 "1 added, 0 changed, 1 removed"]


def test_change_descriptions_cover_terms():
    old = Concept("c", terms=[Term("A", "en"), Term("B", "en", "admitted"), Term("C", "en", "admitted")])
    new = Concept("c", terms=[Term("A", "en"), Term("B", "en", "superseded", note="old"),
                              Term("D", "en", "deprecated")])
    assert exchange.describe_concept_changes(old, new) == [
        "en term added: 'D' (deprecated)", "en term removed: 'C'",
        "en 'B': status 'admitted' -> 'superseded', note '' -> 'old'"]
    reordered = Concept("c", terms=list(reversed(old.terms)))
    assert exchange.describe_concept_changes(old, reordered) == ["term order changed"]


def test_unchanged_import_reports_nothing():
    glossary = sample_glossary()
    merged, changes = merge_glossaries(glossary, sample_glossary())
    assert merged == glossary and not changes
    assert describe(changes) == ["0 added, 0 changed, 0 removed"]


def test_merge_refuses_other_languages_and_duplicate_ids():
    with pytest.raises(YakugoError, match="ja->de"):
        merge_glossaries(Glossary(), Glossary(target_language="de"))
    with pytest.raises(YakugoError, match="two concepts with the id 'a'"):
        merge_glossaries(Glossary(), Glossary([Concept("a"), Concept("a")]))


def test_load_and_save_dispatch_on_extension(tmp_path):
    glossary = sample_glossary()
    for name in ("g.xlsx", "g.CSV"):
        save_any(glossary, tmp_path / name)
        assert load_any(tmp_path / name) == (glossary, [])
    save_any(glossary, tmp_path / "data.txt", "csv")
    assert (tmp_path / "data.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(YakugoError, match="unknown glossary format '.xls'"):
        load_any(tmp_path / "g.xls")
    with pytest.raises(YakugoError, match="unknown glossary format"):
        save_any(glossary, tmp_path / "g.json")


def test_the_workbook_bytes_do_not_depend_on_the_clock(monkeypatch):
    glossary = Glossary(concepts=[Concept(id="c1", terms=[Term("同盟", "ja"), Term("alliance", "en")])])
    first = xlsx.xlsx_bytes(glossary, source_name="g.tbx", exported_at="2026-11-28 00:00+0000")
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)   # zipfile and openpyxl read the clock
    assert xlsx.xlsx_bytes(glossary, source_name="g.tbx", exported_at="2026-11-28 00:00+0000") == first
