"""TBX-Basic reading and writing, the locked-down XML parser, and glossary validation."""

from __future__ import annotations

import difflib
import re
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from yakugo.errors import YakugoError
from yakugo.glossary.canonical import read_canonical
from yakugo.glossary.model import PARTS_OF_SPEECH, STATUSES, TERM_TYPES, Concept, Glossary, Term
from yakugo.glossary.tbx import NAMESPACE, read_tbx, read_tbx_general, save_tbx, write_tbx
from yakugo.glossary.validate import Problem, validate_glossary
from yakugo.glossary.xmlsafe import parse_xml

DATA = Path(__file__).parent / "data" / "glossary"
# The shared standards folder sits beside the repository: <repo>/../shared/standards.
STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards"
ASTRONOMY = STANDARDS / "samples" / "Example_Astronomy_DCA_VALID.tbx"
MINIMAL = STANDARDS / "samples" / "minimal" / "minimal_tbx-basic_dca.tbx"
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


def sample_glossary() -> Glossary:
    # Concepts deliberately not in id order: the writer must keep the caller's order.
    return Glossary(title="yakugo test glossary", concepts=[
        Concept("c001", subject_field="defense policy", definition="The policy for defending Japan.",
                note="Use in titles & headings <always>.", source="Defense of Japan 2024", terms=[
                    Term("防衛政策", "ja"),
                    Term("防衛ポリシー", "ja", status="admitted", type="variant"),
                    Term("defense policy", "en"),
                    Term("defence policy", "en", status="deprecated",
                         note="British spelling; the white paper uses US spelling."),
                ]),
        Concept("c010", terms=[
            Term("抑止する", "ja", part_of_speech="verb"),
            Term("deter", "en", part_of_speech="verb", note='line one\nline "two"'),
            Term("dissuade", "en", status="superseded", part_of_speech="verb"),
        ]),
        Concept("c002", subject_field="organization", terms=[
            Term("自衛隊", "ja"),
            Term("Self-Defense Forces", "en"),
            Term("SDF", "en", status="admitted", type="acronym"),
        ]),
    ])


def write_file(tmp_path: Path, text: str | bytes, name: str = "glossary.tbx") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def tbx_document(body: str, header: str = "") -> str:
    """A TBX-Basic file around ``body`` (conceptEntry elements)."""
    header = header or ('<sourceDesc><p type="sourceLanguage">ja</p>'
                        '<p type="targetLanguage">en</p></sourceDesc>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{NAMESPACE}">\n'
            f"<tbxHeader><fileDesc>{header}</fileDesc></tbxHeader>\n"
            f"<text><body>\n{body}\n</body></text>\n</tbx>\n")


# ---------------------------------------------------------------- schemas

@pytest.fixture(scope="module")
def schemas():
    """Both official TBX-Basic validators: the core RELAX NG and the DCA Schematron."""
    if not (STANDARDS / "tbx").is_dir():
        pytest.skip(f"the shared standards folder is not available at {STANDARDS}")
    from lxml import isoschematron

    rng = etree.RelaxNG(etree.parse(str(STANDARDS / "tbx" / "TBXcoreStructV03.rng")))
    sch = isoschematron.Schematron(etree.parse(str(STANDARDS / "tbx" / "TBX-Basic_DCA.xslt1.sch")),
                                   store_report=True)

    def check(data: bytes) -> None:
        document = etree.fromstring(data).getroottree()
        assert rng.validate(document), str(rng.error_log)
        if not sch.validate(document):
            failures = sch.validation_report.xpath("//svrl:failed-assert/svrl:text/text()", namespaces=SVRL)
            pytest.fail(f"Schematron: {failures}")

    return check


@pytest.fixture
def standards() -> Path:
    if not STANDARDS.is_dir():
        pytest.skip(f"the shared standards folder is not available at {STANDARDS}")
    return STANDARDS


# ---------------------------------------------------------------- writing

def test_write_gives_the_canonical_layout():
    data = write_tbx(sample_glossary())
    assert data == (DATA / "canonical_sample.tbx").read_bytes()
    text = data.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" '
                           'type="TBX-Basic" style="dca" xml:lang="en">\n')
    assert text.endswith("</tbx>\n") and "\r" not in text and "\t" not in text
    indents = {len(line) - len(line.lstrip(" ")) for line in text.splitlines()}
    assert all(indent % 2 == 0 for indent in indents)


def test_write_keeps_concept_order_and_groups_terms_by_language():
    glossary = sample_glossary()
    glossary.concepts[1].terms.reverse()  # en, en, ja: the ja langSec must still come first
    root = etree.fromstring(write_tbx(glossary))
    ns = {"t": NAMESPACE}
    assert root.xpath("//t:conceptEntry/@id", namespaces=ns) == ["c001", "c010", "c002"]
    assert root.xpath("//t:conceptEntry[@id='c010']/t:langSec/@xml:lang", namespaces=ns) == ["ja", "en"]
    assert root.xpath("//t:conceptEntry[@id='c010']//t:term/text()", namespaces=ns) == [
        "抑止する", "dissuade", "deter"]


def test_write_escapes_markup_characters():
    glossary = sample_glossary()
    glossary.concepts[0].terms[2].text = 'R&D <"quoted"> \'x\''
    data = write_tbx(glossary)
    assert b"<term>R&amp;D &lt;\"quoted\"&gt; 'x'</term>" in data
    assert read_tbx_bytes(data)[0].concepts[0].terms[2].text == 'R&D <"quoted"> \'x\''


def read_tbx_bytes(data: bytes):
    """read_tbx on bytes (hypothesis cannot use the function-scoped tmp_path fixture)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.tbx"
        path.write_bytes(data)
        return read_tbx(path)


def test_write_read_write_is_byte_identical(tmp_path):
    path = tmp_path / "glossary" / "glossary.tbx"
    save_tbx(sample_glossary(), path)
    glossary, warnings = read_tbx(path)
    assert warnings == []
    assert glossary == sample_glossary()
    assert write_tbx(glossary) == path.read_bytes()


def test_one_term_change_is_a_one_line_diff():
    before = write_tbx(sample_glossary()).decode().splitlines()
    glossary = sample_glossary()
    glossary.concepts[2].terms[1].text = "Japan Self-Defense Forces"
    after = write_tbx(glossary).decode().splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-            <term>Self-Defense Forces</term>",
                       "+            <term>Japan Self-Defense Forces</term>"]


def test_written_file_passes_both_official_schemas(schemas):
    schemas(write_tbx(sample_glossary()))


def test_empty_glossary_round_trips(schemas):
    data = write_tbx(Glossary())
    schemas(data)
    glossary, warnings = read_tbx_bytes(data)
    assert glossary == Glossary() and warnings == []


def test_text_that_xml_cannot_carry_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "glossary.tbx"
    save_tbx(sample_glossary(), path)
    before = path.read_bytes()
    glossary = sample_glossary()
    glossary.concepts[0].terms[0].text = "防衛\x00政策"
    with pytest.raises(YakugoError, match="concept c001") as error:
        save_tbx(glossary, path)
    assert "XML cannot store" in str(error.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.tbx"]  # no temporary file left


# ---------------------------------------------------------------- property: round trip and validity

# Text that XML 1.0 can carry (no C0 controls but tab/LF/CR, no surrogates, no U+FFFE/U+FFFF),
# with CJK, markup characters, quotes and line breaks made likely.
_xml_char = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
    st.sampled_from("防衛省自衛隊抑止ＡＢＣ　・「」ー"),
    st.sampled_from("&<>\"' \t\n\r]]>"),
)
_text = st.text(_xml_char, max_size=12)
_ncname = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,6}", fullmatch=True)
_language = st.sampled_from(["ja", "en", "fr", "zh-Hant"])


def _terms(valid: bool):
    status = st.sampled_from(list(STATUSES)) if valid else st.one_of(st.sampled_from(list(STATUSES)), _text)
    kind = st.sampled_from(TERM_TYPES) if valid else st.one_of(st.sampled_from(TERM_TYPES), _text)
    part = st.sampled_from(PARTS_OF_SPEECH) if valid else st.one_of(st.sampled_from(PARTS_OF_SPEECH), _text)
    return st.builds(Term, text=_text, language=_language if valid else st.one_of(_language, _text),
                     status=status, type=kind, part_of_speech=part, note=_text)


def _glossaries(valid: bool):
    concept = st.builds(Concept, id=_ncname, subject_field=_text, definition=_text, note=_text, source=_text,
                        terms=st.lists(_terms(valid), min_size=1 if valid else 0, max_size=5))
    concepts = st.lists(concept, max_size=5, unique_by=lambda c: c.id)
    return st.builds(Glossary, concepts=concepts, title=_text,
                     source_language=st.just("ja"), target_language=st.just("en"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossaries(valid=False))
def test_property_write_read_write_is_byte_identical(glossary):
    first = write_tbx(glossary)
    again, warnings = read_tbx_bytes(first)
    assert warnings == []
    assert write_tbx(again) == first
    # Nothing is lost: the same terms, languages grouped (source, target, then others).
    assert [sorted(map(repr, c.terms)) for c in again] == [sorted(map(repr, c.terms)) for c in glossary]
    assert [replace(c, terms=[]) for c in again] == [replace(c, terms=[]) for c in glossary]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossaries(valid=True))
def test_property_written_files_pass_both_schemas(schemas, glossary):
    schemas(write_tbx(glossary))


# ---------------------------------------------------------------- the fast reader for yakugo's own layout

def both_readers(data: bytes):
    """What the fast reader and the general (lxml) reader make of ``data``; an error stands for a result."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.tbx"
        path.write_bytes(data)
        fast = read_canonical(path)
        try:
            general = read_tbx_general(path)
        except YakugoError as error:
            general = error
    return fast, general


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossaries(valid=False))
def test_property_the_fast_reader_takes_everything_the_writer_writes(glossary):
    fast, general = both_readers(write_tbx(glossary))
    assert fast is not None, "the writer's layout fell back to the general reader"
    assert general == (fast, [])


# Edits that break the canonical layout in the ways real files do: other tools' XML habits,
# hand edits, damaged bytes. Inserted at any position, or replacing a stretch of the file.
_EDITS = st.sampled_from([
    b"", b" ", b"\n", b"\t", b"\r", b"\r\n", b"<", b">", b"&", b'"', b"'", b"/", b"=", b"]]>",
    b"&amp;", b"&lt;", b"&apos;", b"&#65;", b"&#x41;", b"&#13;", b"&unknown;", b"<!-- note -->",
    b"<?pi x?>", b"<![CDATA[x]]>", b"\x01", b"\x00", b"\xef\xbb\xbf", b"\xef\xbf\xbf", b"\xe9", b"\xc3",
    b"<note>x</note>", b'<termSec><term>x</term></termSec>', b"</langSec>", b"</conceptEntry>",
    b"        <note>x</note>\n", b"            <note>y</note>\n", b'        <langSec xml:lang="en">\n',
    b"<!DOCTYPE tbx>", b'<descrip type="subjectField">x</descrip>', b"\xe9\x98\xb2",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_glossaries(valid=False), st.data())
@example(sample_glossary(), None)
def test_property_what_the_fast_reader_accepts_the_general_reader_reads_the_same(glossary, data):
    original = write_tbx(glossary)
    if data is None:
        mutated = original.replace(b"<note>", b"  <note>", 1)
    else:
        # Half the edits land next to markup (quotes, brackets, references, line ends), where they matter most.
        marks = [i for i, byte in enumerate(original) if byte in b'"<>&\n']
        start = data.draw(st.one_of(st.integers(0, len(original)),
                                    st.builds(lambda i, off: max(0, i + off), st.sampled_from(marks),
                                              st.integers(-1, 1))), label="start")
        length = data.draw(st.integers(0, 12), label="length")
        mutated = original[:start] + data.draw(_EDITS, label="edit") + original[start + length:]
    fast, general = both_readers(mutated)
    if fast is not None:
        assert general == (fast, []), "the fast reader accepted a file the general reader reads otherwise"


def test_the_project_glossary_takes_the_fast_path_and_reads_the_same():
    path = Path(__file__).resolve().parents[1] / "glossary" / "glossary.tbx"
    fast = read_canonical(path)
    assert fast is not None and len(fast) >= 80
    assert read_tbx_general(path) == (fast, [])
    assert read_tbx(path) == (fast, [])


@pytest.mark.parametrize("edit", [
    lambda d: b"\xef\xbb\xbf" + d,                                    # a byte order mark
    lambda d: d.replace(b"\n", b"\r\n"),                               # Windows line ends
    lambda d: d.replace(b"  ", b"\t"),                                 # another indent
    lambda d: d.replace(b"<body>", b"<body>\n<!-- exported -->", 1),    # a comment
    lambda d: d.replace(b"R&amp;D", b"R&#38;D", 1),                     # another kind of reference
    lambda d: d.replace(b'<term>deter', b'<term xml:id="t1">deter', 1),  # an attribute we do not write
    lambda d: d.replace(b'?>\n', b'?>\n<!DOCTYPE tbx>\n', 1),          # a DOCTYPE
    lambda d: d.replace(b'encoding="UTF-8"', b"encoding='UTF-8'", 1),    # other quotes
    lambda d: d[:-1],                                                   # no final line break
    lambda d: d + b"\n",                                                # something after the root
    lambda d: d.replace(b'id="c010"', b'id="c0\t10"', 1),               # a parser turns these into spaces
    lambda d: d.replace(b'id="c010"', b'id="c0\n10"', 1),
    lambda d: d.replace(b"<term>deter", b"<term>de\rter", 1),           # ... and this into a line feed
    lambda d: d.replace(b"<term>deter", b"<term>de>ter", 1),            # well-formed, but not how we write it
])
def test_other_layouts_go_to_the_general_reader(tmp_path, edit):
    glossary = sample_glossary()
    glossary.concepts[0].terms[0].text = "R&D 防衛政策"
    path = write_file(tmp_path, edit(write_tbx(glossary)))
    assert read_canonical(path) is None
    read, _ = read_tbx(path)  # still read, by the general reader
    assert read.concepts[0].terms[0].text == "R&D 防衛政策"


def test_values_too_long_for_libxml2_are_refused_by_the_writer_and_left_by_the_fast_reader(tmp_path):
    glossary = sample_glossary()
    glossary.concepts[1].terms[1].note = "防" * 3_000_000   # 3M characters, 9M bytes: still readable
    path = tmp_path / "long.tbx"
    save_tbx(glossary, path)
    fast = read_canonical(path)
    assert fast == glossary and read_tbx_general(path) == (fast, [])
    glossary.concepts[1].terms[1].note = "防" * 3_400_000  # 10.2M bytes
    with pytest.raises(YakugoError, match="concept c010.*XML readers refuse values over 9,900,000"):
        write_tbx(glossary)
    # The same file written by hand: the fast reader declines it, libxml2 refuses it.
    data = write_tbx(sample_glossary()).replace(b"line one", "防".encode() * 3_400_000, 1)
    path.write_bytes(data)
    assert read_canonical(path) is None
    with pytest.raises(YakugoError, match="malformed XML"):
        read_tbx(path)


@pytest.mark.parametrize("old, new", [
    (b'id="c010"', b'id="c0"10"'),              # a quote inside an attribute
    (b"<term>deter", b"<term>de]]>ter"),        # ]]> is not allowed in text
    (b"<term>deter", b"<term>de&ter"),          # a bare ampersand
    (b"<term>deter", b"<term>de&#0;ter"),       # a reference to a character XML does not allow
    (b"<term>deter", b"<term>de\x01ter"),       # a control character
    (b"<term>deter", b"<term>de\xef\xbf\xbfter"),  # U+FFFF
    (b"<term>deter", b"<term>de\xe9ter"),       # not UTF-8
    (b"<term>deter", b"<term>de<ter"),
    (b"</langSec>", b""),                        # unbalanced
])
def test_malformed_files_are_left_to_the_general_reader_which_refuses_them(tmp_path, old, new):
    data = write_tbx(sample_glossary())
    assert old in data
    path = write_file(tmp_path, data.replace(old, new, 1))
    assert read_canonical(path) is None
    with pytest.raises(YakugoError, match="malformed XML"):
        read_tbx(path)


# ---------------------------------------------------------------- reading foreign TBX

def test_reads_every_term_of_the_official_astronomy_example(standards):
    glossary, warnings = read_tbx(ASTRONOMY)
    expected = etree.parse(str(ASTRONOMY)).getroot().findall(f".//{{{NAMESPACE}}}term")
    assert sum(len(c.terms) for c in glossary) == len(expected) == 113
    assert [t.text for c in glossary for t in c.terms] == ["".join(e.itertext()) for e in expected]
    assert len(glossary) == 45
    assert {t.language for c in glossary for t in c.terms} >= {"en", "es"}
    first = glossary.concepts[0]
    assert (first.id, first.subject_field, first.terms[1].status) == ("c1", "General", "superseded")
    text = "\n".join(warnings)
    for category in ("transacGrp in conceptEntry", 'xref type="xGraphic"', 'descrip type="context"',
                     'admin type="source" in descripGrp', "back in text", "publicationStmt"):
        assert category in text
    assert all(w.startswith(f"{ASTRONOMY}:") for w in warnings)
    assert "(90 times, first in concept c1)" in text  # one line per kind, not per element


def test_reads_the_minimal_sample_and_warns_about_unmodelled_categories(standards):
    glossary, warnings = read_tbx(MINIMAL)
    assert [(t.text, t.language) for t in glossary.concepts[0].terms] == [("planet", "en"), ("planète", "fr")]
    assert glossary.concepts[0].definition == "A celestial body orbiting a star."
    text = "\n".join(warnings)
    assert 'termNote type="grammaticalGender" in termSec' in text
    assert 'ref type="crossReference" in termSec' in text
    assert "declares no source/target language" in text


def test_foreign_glossary_written_back_is_valid_and_stable(schemas):
    glossary, _ = read_tbx(ASTRONOMY)
    data = write_tbx(glossary)
    schemas(data)
    assert write_tbx(read_tbx_bytes(data)[0]) == data


def test_reads_groups_inline_markup_and_other_languages():
    glossary, warnings = read_tbx(DATA / "foreign_features.tbx")
    assert (glossary.title, glossary.source_language, glossary.target_language) == ("Defense terms", "ja", "en")
    sdf = glossary.concepts[0]
    assert (sdf.subject_field, sdf.definition, sdf.source) == (
        "defense organization", "Japan's armed forces.", "Defense of Japan 2024")
    assert [(t.text, t.language, t.status, t.type) for t in sdf.terms] == [
        ("自衛隊", "ja", "preferred", "fullForm"),
        ("Self-Defense Forces", "en", "preferred", "fullForm"),   # <hi> flattened, termNoteGrp unwrapped
        ("SDF", "en", "admitted", "acronym"),
        ("Self Defence Force", "en", "deprecated", "fullForm"),
        ("Selbstverteidigungsstreitkräfte", "de", "preferred", "fullForm"),  # third language kept
    ]
    assert sdf.terms[1].note == "Plural."
    text = "\n".join(warnings)
    for expected in ("inline markup <hi> in term", "note in termNoteGrp at termSec level",
                     'termNote type="geographicalUsage"', 'admin type="customerSubset"',
                     'xref type="externalCrossReference"', "transacGrp"):
        assert expected in text
    assert f"{DATA / 'foreign_features.tbx'}:38: warning: inline markup" in text  # with the line


def test_unknown_picklist_values_are_kept_for_validation(tmp_path):
    body = ('<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>防衛</term>'
            '<termNote type="administrativeStatus">standardizedTerm-admn-sts</termNote>'
            '<termNote type="partOfSpeech">properNoun</termNote>'
            '<termNote type="termType">fullForm</termNote></termSec></langSec></conceptEntry>')
    glossary, _ = read_tbx(write_file(tmp_path, tbx_document(body)))
    term = glossary.concepts[0].terms[0]
    assert (term.status, term.part_of_speech) == ("standardizedTerm-admn-sts", "properNoun")
    checks = {p.check for p in validate_glossary(glossary, "g.tbx")}
    assert {"unknown-status", "unknown-part-of-speech"} <= checks


def test_second_definitions_and_subject_fields_are_reported(tmp_path):
    body = ('<conceptEntry id="c1"><descrip type="subjectField">a</descrip><descrip type="subjectField">b'
            '</descrip><langSec xml:lang="fr"><descrip type="definition">fr def</descrip><termSec><term>x</term>'
            '</termSec></langSec><langSec xml:lang="en"><descrip type="definition">en def</descrip>'
            '<termSec><term>y</term></termSec></langSec></conceptEntry>')
    glossary, warnings = read_tbx(write_file(tmp_path, tbx_document(body)))
    concept = glossary.concepts[0]
    assert (concept.subject_field, concept.definition) == ("a", "en def")  # target language preferred
    text = "\n".join(warnings)
    assert 'a second descrip type="subjectField"' in text and 'a second descrip type="definition"' in text


def test_invalid_shapes_are_reported_not_silently_dropped(tmp_path):
    body = ('<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>防衛</term><term>国防</term>'
            '</termSec><termSec><note>no term here</note></termSec></langSec></conceptEntry>')
    document = tbx_document(body).replace('type="TBX-Basic"', 'type="TBX-Min"')
    glossary, warnings = read_tbx(write_file(tmp_path, document))
    assert [t.text for t in glossary.concepts[0].terms] == ["防衛"]
    text = "\n".join(warnings)
    assert "a second term in one termSec ('国防') was not kept" in text
    assert "a termSec without a term was skipped" in text
    assert '<tbx type="TBX-Min"> is not TBX-Basic' in text


# ---------------------------------------------------------------- refusing bad files

@pytest.mark.parametrize("root, message", [
    ('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-1">', "needs namespace"),
    ('<tbx type="TBX-Basic" style="dca" xml:lang="en">', "no namespace"),
    ('<martif type="TBX" xml:lang="en">', "TBX 2008"),
    ('<tmx version="1.4">', "not a TBX file"),
    (f'<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="{NAMESPACE}">', "DCT-style"),
])
def test_wrong_kind_of_file_is_refused(tmp_path, root, message):
    name = root[1:].split()[0].rstrip(">")
    path = write_file(tmp_path, f'<?xml version="1.0"?>\n{root}<text/></{name}>\n')
    with pytest.raises(YakugoError, match=message) as error:
        read_tbx(path)
    assert error.value.path == str(path) and error.value.line == 2


def test_malformed_xml_names_file_and_line(tmp_path):
    path = write_file(tmp_path, tbx_document('<conceptEntry id="c1">\n<langSec xml:lang="ja">\n</conceptEntry>'))
    with pytest.raises(YakugoError, match="malformed XML") as error:
        read_tbx(path)
    assert error.value.path == str(path)
    assert error.value.line == 7
    assert str(error.value).startswith(f"{path}:7: malformed XML")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(YakugoError, match="cannot read"):
        read_tbx(tmp_path / "nope.tbx")


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-7f3a9\n")
    return path


def test_external_entity_is_refused_and_never_read(tmp_path, secret):
    document = tbx_document('<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>&xxe;</term>'
                            '</termSec></langSec></conceptEntry>')
    document = document.replace("<tbx ", f'<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<tbx ', 1)
    path = write_file(tmp_path, document)
    with pytest.raises(YakugoError, match="declares entities") as error:
        read_tbx(path)
    assert "TOP-SECRET" not in str(error.value)
    assert error.value.path == str(path) and error.value.line == 2


def test_parameter_entity_and_utf16_tricks_are_refused(secret):
    attack = (f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY % x SYSTEM "{secret.as_uri()}"> %x;]>\n<r/>')
    with pytest.raises(YakugoError, match="declares entities"):
        parse_xml(attack.encode(), "attack.xml")
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'.encode("utf-16")
    with pytest.raises(YakugoError, match="declares entities"):
        parse_xml(utf16, "attack16.xml")


def test_entities_after_a_long_prolog_are_still_refused_and_never_read(tmp_path, secret):
    # The byte scan only looks at the head of a file; the parsed DTD is checked as well.
    padding = "<!--" + "x" * 100_000 + "-->\n"
    document = tbx_document('<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>&xxe;</term>'
                            '</termSec></langSec></conceptEntry>')
    document = document.replace(
        "<tbx ", f'{padding}<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<tbx ', 1)
    with pytest.raises(YakugoError, match="declares entities") as error:
        read_tbx(write_file(tmp_path, document))
    assert "TOP-SECRET" not in str(error.value)


def test_billion_laughs_is_refused_fast(tmp_path):
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    path = write_file(tmp_path, f'<?xml version="1.0"?>\n<!DOCTYPE tbx [{entities}]>\n<tbx>&lol9;</tbx>\n')
    start = time.perf_counter()
    with pytest.raises(YakugoError, match="declares entities"):
        read_tbx(path)
    assert time.perf_counter() - start < 1.0


def test_doctype_without_entities_is_allowed_but_its_dtd_never_loaded(tmp_path, secret):
    # TMX files routinely carry <!DOCTYPE tmx SYSTEM "tmx14.dtd">; the DTD must not be fetched.
    document = tbx_document('<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>防衛</term>'
                            '</termSec></langSec></conceptEntry>')
    document = document.replace("<tbx ", f'<!DOCTYPE tbx SYSTEM "{secret.as_uri()}">\n<tbx ', 1)
    glossary, warnings = read_tbx(write_file(tmp_path, document))
    assert glossary.concepts[0].terms[0].text == "防衛"
    assert "TOP-SECRET" not in repr(glossary) + "".join(warnings)


def test_paths_are_file_names_never_uris(tmp_path, monkeypatch):
    real = write_file(tmp_path, "<real/>", "real.xml")
    decoy = tmp_path / f"file:{real}"   # what the path names, relative to the working folder
    decoy.parent.mkdir(parents=True)
    decoy.write_text("<decoy/>")
    monkeypatch.chdir(tmp_path)
    assert parse_xml(f"file:{real}").tag == "decoy"


def test_parse_xml_accepts_bytes_and_names_them():
    assert parse_xml(b"<a><b/></a>", "x.xml").tag == "a"
    with pytest.raises(YakugoError) as error:
        parse_xml(b"<a>\n<b></a>", "memory.xml")
    assert (error.value.path, error.value.line) == ("memory.xml", 2)


# ---------------------------------------------------------------- validation

def concept(concept_id: str, ja: str = "防衛", en: str = "defense", *extra: Term, **fields) -> Concept:
    return Concept(concept_id, terms=[Term(ja, "ja"), Term(en, "en"), *extra], **fields)


def problems(*concepts: Concept, path: str = "glossary/glossary.tbx") -> list[Problem]:
    return validate_glossary(Glossary(concepts=list(concepts)), path)


def checks(*concepts: Concept) -> list[tuple[str, str, str]]:
    return [(p.severity, p.check, p.location) for p in problems(*concepts)]


def test_a_good_glossary_has_no_problems():
    assert validate_glossary(sample_glossary(), "glossary/glossary.tbx") == []


def test_problem_location_and_text():
    [problem] = problems(concept("c042", "防衛", "defense"), concept("c043", "防衛", "defence"))
    assert problem.location == "glossary/glossary.tbx: concept c043, term '防衛' (ja)"
    assert problem.severity == "error" and problem.check == "duplicate-source-term"
    assert "concept c042" in problem.message
    assert str(problem).startswith("glossary/glossary.tbx: concept c043, term '防衛' (ja): error: ")
    assert str(problem).endswith("[duplicate-source-term]")


def test_duplicate_concept_ids():
    assert checks(concept("c1", "甲", "a"), concept("c1", "乙", "b")) == [
        ("error", "duplicate-id", "glossary/glossary.tbx: concept c1")]
    assert checks(concept("c1", "甲", "a"), concept("c2", "乙", "b")) == []


@pytest.mark.parametrize("bad_id", ["1abc", "a b", "x:y", "", "-c", "c\u3000"])
def test_ids_must_be_ncnames(bad_id):
    assert [c[1] for c in checks(concept(bad_id))] == ["invalid-id"]


@pytest.mark.parametrize("good_id", ["c042", "_x", "用語-1", "a.b_c", "Ü"])
def test_ncname_ids_are_accepted(good_id):
    assert checks(concept(good_id)) == []


@pytest.mark.parametrize("first, second, clash", [
    ("防衛", "防衛", True),
    ("ＡＢＣ部隊", "ABC部隊", True),           # NFKC folds full-width letters
    ("ｻｲﾊﾞｰ", "サイバー", True),               # and half-width katakana
    ("Web会議", "web会議", True),               # case-folded for ordinary terms
    ("防衛", "防衛省", False),
])
def test_one_japanese_term_in_two_concepts(first, second, clash):
    found = checks(concept("c1", first, "one"), concept("c2", second, "two"))
    assert found == ([("error", "duplicate-source-term", f"glossary/glossary.tbx: concept c2, term {second!r} (ja)")]
                     if clash else [])


def test_acronyms_keep_their_case_when_comparing_japanese_terms():
    def acronym_concept(cid, text, en):
        return Concept(cid, terms=[Term(text, "ja", type="acronym"), Term(en, "en")])
    assert checks(acronym_concept("c1", "NATO", "NATO"), acronym_concept("c2", "Nato", "Nato wine")) == []
    assert [c[1] for c in checks(acronym_concept("c1", "NATO", "NATO"),
                                 acronym_concept("c2", "ＮＡＴＯ", "North Atlantic Treaty Organization"))] == [
        "duplicate-source-term"]


def test_every_concept_needs_a_preferred_term_in_both_languages():
    no_en = Concept("c1", terms=[Term("防衛", "ja"), Term("defense", "en", status="admitted")])
    no_ja = Concept("c2", terms=[Term("defense", "en")])
    found = problems(no_en, no_ja)
    assert [(p.check, p.location) for p in found] == [
        ("missing-preferred-term", "glossary/glossary.tbx: concept c1"),
        ("missing-preferred-term", "glossary/glossary.tbx: concept c2"),
    ]
    assert "'en'" in found[0].message and "'ja'" in found[1].message
    assert checks(concept("c1")) == []


@pytest.mark.parametrize("forbidden_first", [True, False])
def test_forbidden_english_term_accepted_by_another_concept(forbidden_first):
    with_forbidden = concept("c1", "国防", "national defense", Term("Defense", "en", status="deprecated"))
    accepting = concept("c2", "防衛", "defense")
    ordered = (with_forbidden, accepting) if forbidden_first else (accepting, with_forbidden)
    found = problems(*ordered)
    assert [(p.check, p.location) for p in found] == [
        ("forbidden-term-accepted-elsewhere", "glossary/glossary.tbx: concept c1, term 'Defense' (en)")]
    assert "concept c2" in found[0].message
    assert checks(concept("c1", "国防", "national defense", Term("defence", "en", status="deprecated")),
                  accepting) == []


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("   ", "empty"),
    (" defense", "starts or ends"),
    ("defense\u3000", "starts or ends"),
    ("defense  policy", "consecutive spaces"),
    ("defense\tpolicy", "tab or line break"),
    ("defense\npolicy", "tab or line break"),
])
def test_empty_or_badly_spaced_terms(text, message):
    found = problems(concept("c1", "防衛", text))
    assert [p.check for p in found if p.check != "missing-preferred-term"] in (["empty-term"],
                                                                                ["space-padded-term"])
    assert message in found[0].message
    assert checks(concept("c1", "防衛", "defense policy")) == []


# Words and plain spaces, so that clean-looking terms are common, then every kind of whitespace,
# line break and invisible character.
_SPACING_TEXTS = st.lists(st.sampled_from(["ab", "防衛", " ", " ", "\u3000", "\xa0", "\t", "\n", "\r", "\x0b",
                                           "\x0c", "\x85", "\u2028", "\u2029", "\u200b", "\u200d", "\x01",
                                           "\ufeff"]), max_size=6).map("".join)


def _spacing_problem(text: str) -> str | None:
    """The documented spacing rules, written out independently of the validator."""
    if not text.strip():
        return "empty-term"
    if (text != text.strip() or re.search(r"[\t\n\r\v\f\x85\u2028\u2029]", text)
            or re.search(r"\s\s", text)):
        return "space-padded-term"
    return None


@settings(max_examples=400, deadline=None)
@given(_SPACING_TEXTS)
@example("ab  ab")
@example("ab \u3000ab")
@example("ab\xa0\xa0ab")
@example("ab\u2028ab")
@example("ab\u3000")
def test_property_spacing_problems_are_never_skipped(text):
    # The validator's quick test for clean terms must send every badly spaced term to the full check.
    # "defense" first, so that the term under test is not the first of its language (those always
    # get the full check, to validate the language code).
    tested = Term(text, "en", status="admitted")
    found = {p.check for p in problems(concept("c1", "防衛", "defense", tested))} & {"empty-term",
                                                                                "space-padded-term"}
    expected = _spacing_problem(text)
    assert found == ({expected} if expected else set())


@pytest.mark.parametrize("second", ["防衛\u3000政策", "防衛\xa0政策", "防衛 政策"])
def test_terms_differing_only_in_the_kind_of_space_are_the_same(second):
    found = checks(concept("c1", "防衛 政策", "one"), concept("c2", second, "two"))
    assert [(severity, check) for severity, check, _ in found] == [("error", "duplicate-source-term")]


@pytest.mark.parametrize("field, value, check", [
    ("status", "standardized", "unknown-status"),
    ("type", "initialism", "unknown-term-type"),
    ("part_of_speech", "properNoun", "unknown-part-of-speech"),
    ("language", "english language", "invalid-language"),
])
def test_unknown_values(field, value, check):
    term = replace(Term("defence", "en", status="admitted"), **{field: value})
    found = problems(concept("c1", "防衛", "defense", term))
    assert [(p.check, p.location) for p in found] == [(check, f"glossary/glossary.tbx: concept c1, term 'defence' ({value if field == 'language' else 'en'})")]
    assert repr(value) in found[0].message


def test_glossary_languages_must_be_codes():
    found = validate_glossary(Glossary(source_language="ja_JP", target_language="en"), "g.tbx")
    assert [(p.check, p.location) for p in found] == [("invalid-language", "g.tbx")]
    assert [p.check for p in validate_glossary(Glossary(source_language="en"), "g.tbx")] == ["invalid-language"]


def test_warnings_for_softer_problems():
    two_preferred = concept("c1", "防衛", "defense", Term("defence", "en"))
    shared = concept("c2", "国防", "Defense")
    listed_twice = concept("c3", "抑止", "deterrence", Term("deterrence", "en", status="admitted"))
    found = problems(two_preferred, shared, listed_twice)
    assert [(p.severity, p.check, p.location) for p in found] == [
        ("warning", "several-preferred-terms", "glossary/glossary.tbx: concept c1"),
        ("warning", "shared-preferred-term", "glossary/glossary.tbx: concept c2, term 'Defense' (en)"),
        ("warning", "duplicate-term", "glossary/glossary.tbx: concept c3, term 'deterrence' (en)"),
    ]


def test_same_term_both_forbidden_and_accepted_in_one_concept():
    found = checks(concept("c1", "防衛", "defense", Term("Defense", "en", status="deprecated")))
    assert found == [("error", "conflicting-status", "glossary/glossary.tbx: concept c1, term 'Defense' (en)")]


def test_problems_come_in_glossary_order_and_are_deterministic():
    glossary = Glossary(concepts=[
        concept("c9", "防衛", " bad"),
        concept("c3", "防衛", "defense"),
        Concept("c1", terms=[Term("", "ja")]),
        concept("c3", "抑止", "deterrence"),
    ])
    first = validate_glossary(glossary, "g.tbx")
    assert first == validate_glossary(glossary, "g.tbx")
    assert [(p.location.split(",")[0], p.check) for p in first] == [
        ("g.tbx: concept c9", "space-padded-term"),
        ("g.tbx: concept c3", "duplicate-source-term"),
        ("g.tbx: concept c1", "empty-term"),
        ("g.tbx: concept c1", "missing-preferred-term"),   # no English term at all
        ("g.tbx: concept c3", "duplicate-id"),
    ]


def test_validation_leaves_garbage_collection_as_it_was():
    import gc

    gc.disable()
    try:
        validate_glossary(sample_glossary(), "g.tbx")
        assert not gc.isenabled()
    finally:
        gc.enable()
    validate_glossary(sample_glossary(), "g.tbx")
    assert gc.isenabled()
