"""The fast PO reader of the checker: the same entries and errors as polib's path, on the project's files,
on what PO writers write, and on any text at all."""

from __future__ import annotations

import itertools
from pathlib import Path

import polib
import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from yakugo.catalog import load_catalog, new_catalog, write_catalog
from yakugo.errors import YakugoError
from yakugo.poreader import NotUnderstood, catalog_entries, po_entries, read_po_entries

REAL_PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"
PROJECT_FILES = [REAL_PO, *sorted((REPO / "translations" / "templates").glob("*.pot")),
                 *sorted((REPO / "tests" / "data" / "check-corpus").glob("*.po"))]
SHOWN = "translations/en/shown.po"
ACSA = "日米が協力する機会の増加に伴い"   # the sentence with footnote marker 2 glued to 相互提供協定


def with_polib(path: Path):
    """What the checker read before this reader: load_catalog, then the runner's conversion."""
    return outcome(lambda: catalog_entries(load_catalog(path), SHOWN))


def with_reader(path: Path):
    return outcome(lambda: read_po_entries(path, SHOWN))


def outcome(read):
    """The entries, or the error as the user would see it (type and text: message, file and line)."""
    try:
        return read()
    except Exception as error:   # noqa: BLE001 - any failure must be the same failure on both paths
        return type(error).__name__, str(error)


def fast(path: Path):
    """The reader's own reading; raises NotUnderstood where it would leave the file to polib."""
    return po_entries(path.read_bytes().decode("utf-8-sig"), SHOWN)


def write(path: Path, text: str, newline: str = "\n", bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode("utf-8"))
    return path


# --- the project's own files ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda p: p.name)
def test_the_project_files_read_as_with_polib_without_falling_back(path):
    assert fast(path) == with_polib(path)


def test_an_entry_of_the_real_file_is_read_with_its_msgid_line_roles_markers_and_reference():
    entries = fast(REAL_PO)
    lines = REAL_PO.read_text(encoding="utf-8").split("\n")
    assert len(entries) == sum(line.startswith("msgid ") for line in lines) - 1   # all but the header
    acsa = next(e for e in entries if e.source.startswith(ACSA))
    assert lines[acsa.line - 1].startswith(f'msgid "{ACSA}')
    assert acsa.path == SHOWN
    assert acsa.roles == ("body",)
    assert acsa.markers == (2,)
    assert acsa.occurrences == (("source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt", "90"),)
    assert [e.index for e in entries] == list(range(len(entries)))


def test_edited_translations_correct_or_broken_read_back_as_written(tmp_path):
    catalog = load_catalog(REAL_PO)
    acsa = next(e for e in catalog if e.msgid.startswith(ACSA))
    acsa.msgstr = ('Logistics support under the Japan-U.S. "Acquisition and Cross-Servicing Agreement" (ACSA)\t'
                   "also progressed.\nC:\\path \\x41 \\101")
    acsa.flags = ["fuzzy", "no-wrap"]
    acsa.tcomment = "yakugo: ignore number-mismatch -- 1996 is the year\n\nsecond line"
    acsa.previous_msgid = "日米が協力する機会の増加に伴い、\"旧\""
    heading = next(e for e in catalog if e.msgid.startswith("第II部"))
    heading.msgstr = "Part II 日本の安全保障"   # Japanese left in the translation: read as it is
    write_catalog(catalog, tmp_path / "broken.po")
    entries = fast(tmp_path / "broken.po")
    assert entries == with_polib(tmp_path / "broken.po")
    read = next(e for e in entries if e.source.startswith(ACSA))
    assert (read.target, read.fuzzy, read.comment) == (acsa.msgstr, True, acsa.tcomment)
    assert next(e for e in entries if e.source.startswith("第II部")).target == "Part II 日本の安全保障"


@pytest.mark.parametrize("wrapwidth", [0, 40, 78])
def test_the_real_file_saved_by_polib_wrapped_or_not_reads_the_same(tmp_path, wrapwidth):
    catalog = load_catalog(REAL_PO)
    catalog.wrapwidth = wrapwidth
    catalog.save(str(tmp_path / "saved.po"))
    text = (tmp_path / "saved.po").read_text(encoding="utf-8")
    assert ('\n"' in text.split("\n\n", 1)[1]) == (wrapwidth > 0)   # continuation lines after the header
    assert fast(tmp_path / "saved.po") == with_polib(tmp_path / "saved.po")


@pytest.mark.parametrize(("newline", "bom", "last_newline"),
                         [("\r\n", False, True), ("\n", True, True), ("\r\n", True, True), ("\r", False, True),
                          ("\n", False, False)])
def test_crlf_cr_bom_and_no_last_newline_give_the_entries_of_the_lf_file(tmp_path, newline, bom, last_newline):
    text = REAL_PO.read_text(encoding="utf-8")
    other = write(tmp_path / "other.po", text if last_newline else text.rstrip("\n"), newline, bom)
    assert fast(other) == fast(REAL_PO) == with_polib(other)


# --- polib's reading, checked by hand -----------------------------------------------------------------

HEADERLESS = """\
# leading comment, which polib gives to the file
#. type: heading
#: a.txt:1
msgid "見出し"
msgstr "Heading"

# second
#
# comment
#. type: body
#. footnote marker: 3 after "協定"
#: a.txt:2 b.txt c.txt:x d:3:4
#, c-format, fuzzy
#, no-wrap
msgctxt "context"
msgid ""
"本文"
"です。"
msgstr "Text\\v\\b\\f\\t\\"q\\" \\\\"
"."
"""


def test_polib_quirks_are_kept(tmp_path):
    path = write(tmp_path / "quirks.po", HEADERLESS)
    first, second = entries = fast(path)
    assert entries == with_polib(path)
    assert (first.line, first.comment, first.roles) == (4, "", ("heading",))
    assert second.line == 16   # the msgid line, not the msgctxt or the first comment line
    assert (second.source, second.comment) == ("本文です。", "second\n\ncomment")
    assert second.target == 'Text\v\b\f\t"q" \\.'   # every escape polib reads (check_po_syntax refuses others)
    assert (second.fuzzy, second.roles, second.markers) == (True, ("body",), (3,))
    assert second.occurrences == (("a.txt", "2"), ("b.txt", ""), ("c.txt:x", ""), ("d:3", "4"))


def test_obsolete_plural_and_previous_entries_are_read_and_left_out(tmp_path):
    catalog = new_catalog("doc", "en")
    catalog.append(polib.POEntry(msgid="一つ", msgid_plural="複数", msgstr_plural={0: "one", 1: "many"},
                                 occurrences=[("a.txt", "1")]))
    catalog.append(polib.POEntry(msgid="訳", msgstr="translation", previous_msgctxt="old", previous_msgid="旧",
                                 flags=["fuzzy"]))
    catalog.append(polib.POEntry(msgid="訳", msgstr="also", msgctxt="other"))
    catalog.append(polib.POEntry(msgid="旧訳", msgstr="gone", obsolete=True, tcomment="kept", previous_msgid="x"))
    write_catalog(catalog, tmp_path / "mixed.po")
    entries = fast(tmp_path / "mixed.po")
    assert entries == with_polib(tmp_path / "mixed.po")
    assert [(e.source, e.target, e.fuzzy) for e in entries] == [
        ("一つ", "", False), ("訳", "translation", True), ("訳", "also", False)]


def test_what_the_reader_does_not_understand_goes_to_polib(tmp_path):
    odd = [
        'msgid "a"\nmsgstr "b"\n\n#.\n#. type: body\nmsgid "c"\nmsgstr "d"\n',   # an empty #. line
        'msgid "a" \nmsgstr "b"\n',                                              # a space after a string
        '  msgid "a"\nmsgstr "b"\n',                                             # the runner would not find it
        'msgid "a"\nmsgstr "b"\n   \nmsgid "c"\nmsgstr "d"\n',                   # a blank line with spaces
        'msgid "a"\nmsgstr "b"\n#. trailing comment\n',                          # polib drops the last entry
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "a"\nmsgstr "b"\n',
        'msgid ""\nmsgstr ""\n\nmsgid ""\nmsgstr "x"\n\nmsgid "a"\nmsgstr "b"\n',  # two headers, a duplicate
        'msgid "a"\nmsgstr[0] "b"\n',                                           # msgstr[n] without msgid_plural
        "#. x\n" * 1000 + 'msgid "a"\nmsgstr "b"\n',                            # too far for the runner's search
        'msgid "a"\nmsgstr "b"\n\n' + "#. x\n" * 1001 + 'msgid "c"\nmsgstr "d"\n',
        '#. footnote marker: 2 after "協定" \nmsgid "a2"\nmsgstr "b"\n',        # polib strips the space
        "#. type: \nmsgid \"a\"\nmsgstr \"b\"\n",                                # polib reads 'type:', no role
    ]
    for number, text in enumerate(odd):
        path = write(tmp_path / f"odd{number}.po", text)
        with pytest.raises(NotUnderstood):
            fast(path)
        assert with_reader(path) == with_polib(path), text


# --- errors are load_catalog's ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message", "line"), [
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"e"\n', "not a valid PO file: unescaped double quote found", 5),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstrx "d"\n',
     "not a valid PO file: syntax error: unknown keyword 'msgstrx'", 5),
    ('#. type: body\nmsgid "a"\nmsgstr "b"\n\n#. type: body\nmsgid "a"\nmsgstr "c"\n',
     "duplicate message definition 'a'", 5),
    ('#~ msgid "ab"\n#~ msgstr "x"\n\n#~ msgid ""\n#~ "a\\t"\n#~ msgstr "y"\n\n#~ msgid ""\n#~ "a"\n#~ "\\t"\n'
     '#~ msgstr "z"\n', "duplicate message definition 'a\\t'", 8),
    ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', "duplicate message definition 'a'", 4),
    # what polib reads without complaint and yakugo update used to rewrite, damaged (check_po_syntax)
    ('msgid "a"\nmsgstr "Contents\n', "not a valid PO file: end-of-line within string (no closing quote)", 2),
    ('msgid "a"\nmsgstr "Contents\\"\n', "not a valid PO file: end-of-line within string (no closing quote)", 2),
    ('msgid "a"\nmsgstr "Cont\\qents"\n', "not a valid PO file: invalid control sequence \\q", 2),
    ('msgid "a"\nmsgstr "b"\n\n#, fuzzy\nmsgid "c"\n\nmsgid "d"\nmsgstr "e"\n',
     "not a valid PO file: missing 'msgstr' section", 5),
    ('msgid "a"\nmsgstr "b"\n\nmsgctxt "x"\n', "not a valid PO file: 'msgctxt' is not followed by 'msgid'", 4),
    ('msgid "a"\nmsgstr "b"\n\n#| msgid "foo"\n',
     "not a valid PO file: previous strings ('#|') are not followed by the entry's msgctxt or msgid", 4),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[5] "c"\n',
     "not a valid PO file: plural form has wrong index: msgstr[5] where msgstr[1] belongs", 4),
    ('msgid ""\nmsgstr ""\n\nmsgid ""\nmsgstr "Language: en\\n"\n\nmsgid "a"\nmsgstr "b"\n',
     'not a valid PO file: duplicate message definition (a second header, msgid "")', 4),
    ('msgid "a"\nmsgstr "b"\n\nmsgid"c"\nmsgstr "d"\n', "not a valid PO file: syntax error", 4),
    ('msgid "a"\nmsgstr "b"\n\n#~msgctxt "c"\n#~ msgid "a"\n#~ msgstr "d"\n', "not a valid PO file: syntax error", 4),
    ('#~ msgid "a"\n#~ msgstr "b"\n\n#~|msgid "c"\n#~ msgid "c"\n#~ msgstr "d"\n',
     "not a valid PO file: syntax error", 4),
])
def test_invalid_files_raise_load_catalogs_error(tmp_path, text, message, line):
    path = write(tmp_path / "bad.po", text)
    with pytest.raises(YakugoError) as raised:
        read_po_entries(path, SHOWN)
    assert (raised.value.message, raised.value.line, raised.value.path) == (message, line, str(path))
    assert with_reader(path) == with_polib(path)


def test_a_byte_that_is_not_utf8_is_load_catalogs_error(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "café"\n'.encode("latin-1"))
    with pytest.raises(YakugoError) as raised:
        read_po_entries(path, SHOWN)
    offset = len('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "caf')   # all ASCII, so bytes
    assert raised.value.line == 5 and raised.value.message.startswith(f"not UTF-8 (byte offset {offset})")
    assert with_reader(path) == with_polib(path)


def test_the_same_msgid_in_another_context_is_no_duplicate(tmp_path):
    path = write(tmp_path / "ok.po", 'msgid "a"\nmsgstr "b"\n\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n\n'
                                     '#~ msgctxt "y"\n#~ msgid "a"\n#~ msgstr "d"\n')
    assert [(e.source, e.target, e.line) for e in fast(path)] == [("a", "b", 1), ("a", "c", 5)]
    assert fast(path) == with_polib(path)


# --- properties: catalogs written by polib and yakugo ----------------------------------------------------

# Any character a PO string can hold (not EOT, which gettext refuses), with quotes, backslashes and control
# characters made likely.
ANY_TEXT = st.text(st.one_of(st.sampled_from('"\\\t\n\r\v\b\f\a\x00\x1c\x85\u2028 '), st.characters(
    exclude_categories=("Cs",), exclude_characters="\x04")), max_size=30)
WORD = st.text(st.characters(exclude_categories=("Cs", "Z", "Cc")), min_size=1, max_size=8).filter(
    lambda w: not w.isspace() and w == w.strip())
# Comment lines as PO writers leave them: not empty, no space at either end.
COMMENT_LINE = st.one_of(
    st.builds("type: {} {}".format, st.sampled_from(["heading", "body", "caption", "footnote"]), WORD),
    st.builds('footnote marker: {} after "{}"'.format, st.integers(1, 30), WORD),
    st.builds("用語: {} → {}".format, WORD, WORD),
    st.builds("yakugo: ignore {} -- {}".format, st.sampled_from(["term-missing", "fuzzy"]), WORD),
    WORD)
COMMENT = st.lists(COMMENT_LINE, max_size=4).map("\n".join)


@st.composite
def entries(draw, comment=COMMENT):
    plural = draw(st.booleans())
    entry = polib.POEntry(
        msgid=draw(ANY_TEXT.filter(bool)), msgctxt=draw(st.none() | ANY_TEXT),
        msgstr="" if plural else draw(ANY_TEXT), tcomment=draw(comment), comment=draw(comment),
        occurrences=draw(st.lists(st.tuples(WORD, st.sampled_from(["", "1", "42"])), max_size=3)),
        flags=draw(st.lists(st.sampled_from(["fuzzy", "c-format", "no-wrap"]), max_size=2, unique=True)),
        previous_msgid=draw(st.none() | ANY_TEXT), obsolete=draw(st.booleans()))
    if entry.previous_msgid is not None:   # polib would write '#| msgctxt' alone, which gettext refuses
        entry.previous_msgctxt = draw(st.none() | ANY_TEXT)
    if plural:
        entry.msgid_plural = draw(ANY_TEXT.filter(bool))
        entry.msgstr_plural = {0: draw(ANY_TEXT), 1: draw(ANY_TEXT)}
    return entry


def catalogs(entry=entries()):
    return st.lists(entry, max_size=6, unique_by=lambda e: (e.msgctxt, e.msgid))


def saved(catalog_entries_: list[polib.POEntry], writer: str, folder: Path) -> Path:
    catalog = new_catalog("doc", "en")
    catalog.extend(catalog_entries_)
    path = folder / f"{writer}.po"
    if writer == "write_catalog":
        path.unlink(missing_ok=True)
        write_catalog(catalog, path)
    else:
        catalog.wrapwidth = int(writer.split()[-1])
        catalog.save(str(path))
    return path


WRITERS = st.sampled_from(["polib wrapwidth 0", "polib wrapwidth 78", "polib wrapwidth 20", "write_catalog"])


@settings(max_examples=150, deadline=None)
@given(catalog=catalogs(), writer=WRITERS)
def test_what_polib_and_yakugo_write_is_read_as_polib_reads_it(tmp_path_factory, catalog, writer):
    path = saved(catalog, writer, tmp_path_factory.mktemp("written"))
    assert fast(path) == with_polib(path)


@settings(max_examples=100, deadline=None)
@given(catalog=catalogs(entries(comment=ANY_TEXT)), writer=WRITERS)
def test_any_comments_are_read_as_polib_reads_them(tmp_path_factory, catalog, writer):
    path = saved(catalog, writer, tmp_path_factory.mktemp("comments"))
    assert with_reader(path) == with_polib(path)


@settings(max_examples=60, deadline=None)
@given(catalog=st.lists(entries(), min_size=2, max_size=5), writer=WRITERS, data=st.data())
def test_a_duplicate_entry_is_load_catalogs_error(tmp_path_factory, catalog, writer, data):
    copy = data.draw(st.sampled_from(catalog))
    twin = polib.POEntry(msgid=copy.msgid, msgctxt=copy.msgctxt, obsolete=copy.obsolete, msgstr="twin")
    path = saved([*catalog, twin], writer, tmp_path_factory.mktemp("twins"))
    result = with_reader(path)
    assert result[0] == "YakugoError" and "duplicate message definition" in result[1]
    assert result == with_polib(path)


# --- property: any text, PO or not, reads as with polib ---------------------------------------------------

# Quoted strings, well escaped or not, with the characters that make polib's and C's escapes differ.
STRING = st.one_of(st.text(st.sampled_from('ab"\\ntx\u3000 \x1c'), max_size=6),
                   st.text(st.sampled_from('ab"\\\t\n\x1c\u3000 '), max_size=6).map(polib.escape)).map('"{}"'.format)
LINE = st.one_of(
    st.builds("{} {}".format, st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]",
                                               "msgstr[1]", "msgstr[12]", "#~ msgid", "#~ msgstr", "#| msgid",
                                               "#| msgctxt", "#~| msgid", "#| ", "#~ ", "", "msgid "]), STRING),
    st.sampled_from(["", " ", "\u3000", "#", "# x", "# ", "##x", "#\tx", "#x", "#.", "#. type: body", "#.  x ",
                     '#. footnote marker: 2 after "協定"', "#: a.txt:1 b.txt", "#:", "#, fuzzy", "#,fuzzy", "#,",
                     '#. footnote marker: 2 after "協定" ', "#. type: ", "#|", "#~", "#~|", '#~ #~ msgid "a"', "bogus",
                     "\ufeff", '  msgid "x"', 'msgid  "x"']))


@st.composite
def entry_lines(draw):
    """The lines of one entry, live or obsolete, in the usual order, their strings well escaped or not."""
    prefix = draw(st.sampled_from(["", "#~ "]))
    lines = draw(st.lists(st.sampled_from(["# c", "#. type: body", "#. x", "#: a.txt:3", "#, fuzzy",
                                           '#| msgid "old"', '#~| msgid "old"', "#~|x"]), max_size=3))
    lines += [f"{prefix}msgctxt {s}" for s in draw(st.lists(STRING, max_size=1))]
    for keyword in ("msgid", "msgstr"):
        lines += [f"{prefix}{keyword} {draw(STRING)}", *(prefix + s for s in draw(st.lists(STRING, max_size=2)))]
    return lines + [""] * draw(st.integers(0, 2))



@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(st.one_of(entry_lines(), entry_lines(), st.lists(LINE, min_size=1, max_size=3)), max_size=6),
       newline=st.sampled_from(["\n", "\r\n", "\r"]), bom=st.booleans(), end=st.sampled_from(["", "\n"]))
def test_any_text_reads_as_with_polib(tmp_path_factory, blocks, newline, bom, end):
    text = "\n".join(itertools.chain.from_iterable(blocks)) + end
    path = write(tmp_path_factory.mktemp("any") / "any.po", text, newline, bom)
    assert with_reader(path) == with_polib(path)
