"""PO syntax: yakugo refuses what GNU msgfmt refuses, before polib's lenient reading can damage a file.

Each malformed variant of the real PO file is refused by msgfmt and by yakugo (load_catalog, the
checker's fast reader and ``yakugo update``, which writes nothing); each valid variant is accepted by
both, and yakugo reads the translations msgfmt compiles. A property test holds yakugo's verdict to
msgfmt's on random PO text.
"""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, snapshot
from yakugo.catalog import load_catalog, new_catalog, write_catalog
from yakugo.cli import main
from yakugo.errors import YakugoError
from yakugo.poreader import read_po_entries
from yakugo.posyntax import _USUAL_FILE, _check_lines, check_po_syntax

REAL_PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"
REAL = REAL_PO.read_text(encoding="utf-8")
FIRST = 'msgid "Contents"\nmsgstr "Contents"\n'   # the first entry after the header
SECOND = 'msgid "第II部 わが国の安全保障・防衛政策と日米同盟"\n'
assert REAL.count(FIRST) == 1 and REAL.count(SECOND) == 1


def line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


def gettext_accepts(msgfmt: str, path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([msgfmt, *options, "-o", str(path.with_suffix(".mo")), str(path)], check=False,
                          capture_output=True, text=True, env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"})


def yakugo_error(path: Path) -> YakugoError | None:
    try:
        load_catalog(path)
    except YakugoError as error:
        return error
    return None


def plural_or_not(entry: polib.POEntry) -> str | dict[int, str]:
    """What an entry translates to, as comparable between a PO and an MO file."""
    return {int(n): text for n, text in entry.msgstr_plural.items()} or entry.msgstr


# (name, the real file edited, the line yakugo names, what it says after 'not a valid PO file: ')
def _broken() -> list[tuple[str, str, int, str]]:
    first = line_of(REAL, FIRST) + 1   # the msgstr line of the first entry
    cut = REAL.index('msgstr "Part II') + len('msgstr "Part II')
    fuzzy = REAL.replace(SECOND, "#, fuzzy\n" + SECOND).replace(
        'msgstr "Part II Japan\'s Security and Defense Policy and the Japan-U.S. Alliance"\n', "")
    return [
        ("unterminated string", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Contents\n'), first,
         "end-of-line within string (no closing quote)"),
        ("escaped closing quote", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Contents\\"\n'), first,
         "end-of-line within string (no closing quote)"),
        ("invalid escape", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Cont\\qents"\n'), first,
         "invalid control sequence \\q"),
        (r"escape \?", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Contents\\?"\n'), first,
         "invalid control sequence \\?"),
        ("file cut off inside a msgstr", REAL[:cut], line_of(REAL, 'msgstr "Part II'),
         "end-of-line within string (no closing quote)"),
        ("file cut off after a msgid", REAL[:REAL.index(SECOND) + len(SECOND)], line_of(REAL, SECOND),
         "missing 'msgstr' section"),
        ("fuzzy entry without its msgstr", fuzzy, line_of(fuzzy, SECOND), "missing 'msgstr' section"),
        ("stray msgctxt at the end", REAL + '\nmsgctxt "x"\n', REAL.count("\n") + 2,
         "'msgctxt' is not followed by 'msgid'"),
        ("stray previous msgid at the end", REAL + '\n#| msgid "foo"\n', REAL.count("\n") + 2,
         "previous strings ('#|') are not followed by the entry's msgctxt or msgid"),
        ("msgstr[5] without msgstr[1]", REAL + '\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "x"\nmsgstr[5] "y"\n',
         REAL.count("\n") + 5, "plural form has wrong index: msgstr[5] where msgstr[1] belongs"),
        ("msgstr[N] without msgid_plural", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr[0] "Contents"\n'), first,
         "missing 'msgid_plural' section (msgstr[N] is for plural entries)"),
        ("second header at the top", 'msgid ""\nmsgstr ""\n\n' + REAL, line_of(REAL, 'msgid ""') + 3,
         'duplicate message definition (a second header, msgid "")'),
        ("comment inside an entry", REAL.replace(FIRST, 'msgid "Contents"\n# note\nmsgstr "Contents"\n'),
         first - 1, "missing 'msgstr' section"),
        ("obsolete msgstr of a live msgid", REAL.replace(FIRST, 'msgid "Contents"\n#~ msgstr "Contents"\n'),
         first, "inconsistent use of #~"),
        ("two msgstr", REAL.replace(FIRST, FIRST + 'msgstr "Contents"\n'), first + 1,
         "'msgstr' without 'msgid' before it"),
        ("EOT in a string", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Con\x04tents"\n'), first,
         "context separator <EOT> (U+0004) within string"),
    ]


BROKEN = _broken()


@pytest.mark.parametrize(("text", "line", "problem"), [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_files_are_refused_naming_the_line(tmp_path, text, line, problem):
    path = tmp_path / "broken.po"
    path.write_text(text, encoding="utf-8")
    error = yakugo_error(path)
    assert error is not None, "yakugo accepted it"
    assert (error.path, error.line, error.message) == (str(path), line, f"not a valid PO file: {problem}")
    with pytest.raises(YakugoError) as fast:   # the checker's own reader refuses it the same way
        read_po_entries(path, "shown.po")
    assert str(fast.value) == str(error)


@pytest.mark.parametrize("text", [case[1] for case in BROKEN], ids=[c[0] for c in BROKEN])
def test_msgfmt_refuses_them_too(tmp_path, msgfmt, text):
    path = tmp_path / "broken.po"
    path.write_text(text, encoding="utf-8")
    assert gettext_accepts(msgfmt, path, "--check").returncode != 0


OBSOLETE_TWIN = REAL + '\n#~ msgid "Contents"\n#~ msgstr "Table of Contents"\n'


def test_an_obsolete_twin_of_a_live_entry_is_a_duplicate(tmp_path):
    path = tmp_path / "dup.po"
    path.write_text(OBSOLETE_TWIN, encoding="utf-8")
    error = yakugo_error(path)
    assert error is not None and error.message == "duplicate message definition 'Contents'"
    assert error.line == REAL.count("\n") + 2


def test_msgfmt_says_so_too(tmp_path, msgfmt):
    path = tmp_path / "dup.po"
    path.write_text(OBSOLETE_TWIN, encoding="utf-8")
    assert "duplicate message definition" in gettext_accepts(msgfmt, path).stderr


@pytest.mark.parametrize("name", ["unterminated string", "file cut off inside a msgstr",
                                  "fuzzy entry without its msgstr", "stray msgctxt at the end",
                                  "second header at the top"])
def test_update_refuses_a_broken_catalog_and_writes_nothing(real_project, monkeypatch, name):
    text = next(case[1] for case in BROKEN if case[0] == name)
    po = real_project / "translations" / "en" / REAL_PO.name
    po.write_text(text, encoding="utf-8")
    before = snapshot(real_project)
    monkeypatch.chdir(real_project)
    result = CliRunner().invoke(main, ["update"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output.startswith("yakugo: error: ") and "not a valid PO file" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert snapshot(real_project) == before


# --- what gettext reads, yakugo reads the same ------------------------------------------------------------

def _valid() -> list[tuple[str, str]]:
    polib_wrapped = load_catalog(REAL_PO)
    polib_wrapped.wrapwidth = 40
    return [
        ("the real file", REAL),
        ("CRLF line ends", REAL.replace("\n", "\r\n")),
        ("escapes", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Tab\\there, \\"quoted\\", C:\\\\dir, '
                                        '\\b\\f\\v\\r, line\\nbreak"\n')),
        ("wrapped by polib", polib_wrapped.__unicode__()),
        ("context and previous strings", REAL.replace(
            FIRST, '#, fuzzy\n#| msgctxt "old"\n#| msgid "Contents (old)"\nmsgctxt "toc"\n' + FIRST)),
        ("plural forms", REAL + '\nmsgid "one item"\nmsgid_plural "%d items"\nmsgstr[0] "ein"\nmsgstr[1] "viele"\n'),
        ("obsolete entries with previous strings",
         REAL + '\n#~| msgid "Gone (old)"\n#~ msgid "Gone"\n#~ msgstr "Weg"\n\n'
                '#~ msgid "Old"\n#~ "er"\n#~ msgstr "Alt"\n'),
        ("a comment in an obsolete block", REAL + '\n#~ # a note\n#~ msgid "Gone"\n#~ msgstr "Weg"\n'),
        ("blank lines and spaces inside entries", REAL.replace(FIRST, '  msgid "Contents"\n\n\tmsgstr "Contents"  \n')),
        ("empty continuation lines", REAL.replace(FIRST, 'msgid ""\n"Contents"\n""\nmsgstr "Con"\n""\n"tents"\n')),
        ("raw control characters", REAL.replace(FIRST, 'msgid "Contents"\nmsgstr "Con\ttents\x07"\n')),
        ("no newline at the end", REAL.rstrip("\n")),
    ]


VALID = _valid()


@pytest.mark.parametrize("text", [case[1] for case in VALID], ids=[case[0] for case in VALID])
def test_valid_files_are_read(tmp_path, text):
    path = tmp_path / "valid.po"
    path.write_bytes(text.encode("utf-8"))
    assert len(load_catalog(path)) >= 124
    assert len(read_po_entries(path, "shown.po")) >= 124


@pytest.mark.parametrize("text", [case[1] for case in VALID], ids=[case[0] for case in VALID])
def test_msgfmt_accepts_them_and_compiles_what_yakugo_reads(tmp_path, msgfmt, text):
    path = tmp_path / "valid.po"
    path.write_bytes(text.encode("utf-8"))
    result = gettext_accepts(msgfmt, path, "--check", "--use-fuzzy")
    assert result.returncode == 0, result.stderr
    compiled = {(e.msgctxt, e.msgid): plural_or_not(e) for e in polib.mofile(str(path.with_suffix(".mo")))}
    compiled.pop((None, ""), None)   # the header, which polib keeps apart
    read = {(e.msgctxt, e.msgid): plural_or_not(e) for e in load_catalog(path)
            if not e.obsolete and (e.translated() or "fuzzy" in e.flags and e.msgstr)}
    assert read == compiled
    assert len(read) >= 120


@pytest.mark.parametrize("escape", ["\\a", "\\x41", "\\101", "\\0"])
def test_escapes_gettext_reads_but_polib_would_damage_are_refused(tmp_path, escape):
    path = tmp_path / "escape.po"
    path.write_text(REAL.replace(FIRST, f'msgid "Contents"\nmsgstr "Contents{escape}"\n'), encoding="utf-8")
    error = yakugo_error(path)
    assert error is not None and error.line == line_of(REAL, FIRST) + 1
    assert error.message == (f"not a valid PO file: escape sequence {escape} is not supported (polib would read "
                             "a backslash); write the character itself")


@pytest.mark.parametrize("escape", ["\\a", "\\x41", "\\101", "\\0"])
def test_msgfmt_reads_those_escapes(tmp_path, msgfmt, escape):
    path = tmp_path / "escape.po"
    path.write_text(REAL.replace(FIRST, f'msgid "Contents"\nmsgstr "Contents{escape}"\n'), encoding="utf-8")
    assert gettext_accepts(msgfmt, path).returncode == 0


def test_errors_name_the_file_as_the_caller_gave_it(tmp_path, monkeypatch):
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "bad.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(YakugoError) as error:
        load_catalog("po/bad.po")
    assert str(error.value) == "po/bad.po:2: not a valid PO file: end-of-line within string (no closing quote)"


# --- the one-regex way agrees with the line by line way -------------------------------------------------

PO_WRITERS_OUTPUT = [REAL, dict(VALID)["wrapped by polib"],
                     (REPO / "translations" / "templates" / (REAL_PO.stem + ".pot")).read_text(encoding="utf-8")]


@pytest.mark.parametrize("text", PO_WRITERS_OUTPUT, ids=["real po", "wrapped", "real pot"])
def test_files_as_po_writers_write_them_take_the_fast_way(text):
    assert _USUAL_FILE.fullmatch(text)


# Lines of every kind, well formed or not; and entries in the usual order, their strings good or bad.
STRINGS = st.sampled_from(['""', '"a"', '"b"', '"a\\nb"', '"\\t\\"x\\" \\\\"', '"\\q"', '"x\\"', '"open', '"a"b"',
                           '"a" x', '"\x04"'])
KEYWORDS = st.sampled_from(["msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[0]", "msgstr[1]", "msgstr[2]"])
PREFIXES = st.sampled_from(["", "", "", "#~ ", "#| ", "#~| "])
COMMENTS = st.sampled_from(["# c", "#. type: body", "#: a.txt:1", "#, fuzzy", "#"])
LINES = st.one_of(st.builds("{}{} {}".format, PREFIXES, KEYWORDS, STRINGS), st.builds("{}{}".format, PREFIXES, STRINGS),
                  COMMENTS, st.just(""))


@st.composite
def entry(draw):
    prefix = draw(st.sampled_from(["", "#~ "]))
    lines = draw(st.lists(COMMENTS, max_size=2))
    if draw(st.booleans()):
        lines.append(("#~| " if prefix else "#| ") + "msgid " + draw(STRINGS))
    keywords = ["msgctxt"] * draw(st.integers(0, 1)) + ["msgid"]
    keywords += draw(st.sampled_from([["msgstr"], ["msgid_plural", "msgstr[0]", "msgstr[1]"]]))
    for keyword in keywords:
        lines += [f"{prefix}{keyword} {draw(STRINGS)}", *(prefix + s for s in draw(st.lists(STRINGS, max_size=1)))]
    return lines + [""]


PO_TEXT = st.lists(st.one_of(entry(), entry(), entry(), st.lists(LINES, min_size=1, max_size=3)), max_size=6).map(
    lambda blocks: "\n".join(itertools.chain.from_iterable(blocks)) + "\n")


@settings(max_examples=400, deadline=None)
@given(text=PO_TEXT)
def test_the_fast_way_accepts_only_what_the_lines_accept(text):
    if _USUAL_FILE.fullmatch(text):
        _check_lines(text, "any.po")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=PO_TEXT)
def test_yakugo_accepts_what_msgfmt_accepts_and_nothing_else(tmp_path, msgfmt, text):
    """Random PO text, in the layouts polib reads (it refuses 'msgid"a"' and such itself); what both
    accept, yakugo reads as msgfmt compiles it."""
    path = tmp_path / "any.po"
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".mo").unlink(missing_ok=True)   # msgfmt writes none for a file without messages
    accepted = gettext_accepts(msgfmt, path, "--use-fuzzy").returncode == 0
    error = yakugo_error(path)
    if error is None or "polib would" not in error.message:   # else valid here, which polib would misread
        assert (error is None) == accepted, (error, text)
    if error is None and path.with_suffix(".mo").exists():
        read = {(e.msgctxt, e.msgid): plural_or_not(e) for e in load_catalog(path) if not e.obsolete}
        for compiled in polib.mofile(str(path.with_suffix(".mo"))):
            if compiled.msgid:
                assert read[compiled.msgctxt, compiled.msgid] == plural_or_not(compiled)


def test_what_yakugo_writes_passes_its_own_check(tmp_path):
    catalog = new_catalog("doc", "en")
    catalog.append(polib.POEntry(msgid="a\tb", msgstr='"q" \\ \x07', msgctxt="c", previous_msgid="x", flags=["fuzzy"]))
    catalog.append(polib.POEntry(msgid="one", msgid_plural="many", msgstr_plural={0: "1", 1: "2"}))
    catalog.append(polib.POEntry(msgid="gone", msgstr="weg", obsolete=True, previous_msgid="old"))
    write_catalog(catalog, tmp_path / "out.po")
    check_po_syntax((tmp_path / "out.po").read_text(encoding="utf-8"), "out.po")
    assert load_catalog(tmp_path / "out.po")[0].msgstr == '"q" \\ \x07'
