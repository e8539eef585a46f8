"""Consistency across entries and files: one source sentence, one translation, and the other way round."""

from __future__ import annotations

import dataclasses
import functools
import unicodedata

import polib
from hypothesis import given
from hypothesis import strategies as st

from yakugo.catalog import block_roles, footnote_markers
from yakugo.checks.consistency import check_consistency, inconsistent_source, inconsistent_translation
from yakugo.checks.model import Entry

from conftest import REPO

PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"
THIS_YEAR = str(PO.relative_to(REPO))
NEXT_YEAR = "translations/en/dowj2019_II-4-2-3_alliance_initiatives.po"   # a later edition sharing sentences

ACM = ("In November 2015, based on the Guidelines, the Governments of Japan and the United States established the "
       "Alliance Coordination Mechanism (ACM) with the aim of responding seamlessly and effectively to situations "
       "that affect Japan’s peace and security and to any other situation that may require an Alliance response.")
BPM = ("In November 2015, based on the Guidelines, the Governments of Japan and the United States established the "
       "Bilateral Planning Mechanism (BPM) to implement bilateral planning in peacetime in accordance with the "
       "Guidelines, so as to enable effective bilateral responses to contingencies relevant to Japan’s peace and "
       "security.")
IZUMO = ("In May and June 2017, Japanese and U.S. vessels, including the destroyer “Izumo,” conducted Japan-U.S. "
         "joint cruise training in the South China Sea.")
ACSA = ("As opportunities for Japan-U.S. cooperation have increased, cooperation between the two countries has also "
        "steadily progressed in logistics support under the Japan-U.S. Acquisition and Cross-Servicing Agreement "
        "(ACSA), concluded in 1996 (and revised in 1999 and 2004).")
FIGURE = "Fig. II-4-2-3 Framework of the Alliance Coordination Mechanism (ACM)"

ACM_KEY, BPM_KEY, IZUMO_KEY, ACSA_KEY = "(ACM:", "(BPM:", "「いずも」", "(ACSA:"
TRANSLATIONS = {
    ACM_KEY: ACM,
    BPM_KEY: BPM,
    IZUMO_KEY: IZUMO,
    ACSA_KEY: ACSA,
    "参照図表II-4-2-3": "See Fig. II-4-2-3 (Framework of the Alliance Coordination Mechanism (ACM))",
    "図表II-4-2-3 同": FIGURE,
    "(1)宇宙に関する協力": "(1) Cooperation on Space",
    "5 宇宙及びサイバー空間": "5 Cooperation on Space and Cyberspace",
}


@functools.cache
def real_entries() -> tuple[Entry, ...]:
    """The entries of the real PO file, untranslated, with their roles and footnote markers."""
    live = [item for item in polib.pofile(str(PO)) if not item.obsolete and item.msgid]
    return tuple(Entry(path=THIS_YEAR, line=item.linenum, source=item.msgid, target="", roles=tuple(block_roles(item)),
                       markers=tuple(note.number for note in footnote_markers(item)), index=index)
                 for index, item in enumerate(live))


def real(key: str) -> Entry:
    """The only real entry whose msgid contains ``key``."""
    [entry] = [entry for entry in real_entries() if key in entry.source]
    return entry


def document(path: str) -> list[Entry]:
    """The real PO file as ``path``, its sentences in TRANSLATIONS translated, the others not."""
    translations = {real(key).source: text for key, text in TRANSLATIONS.items()}
    return [dataclasses.replace(entry, path=path, target=translations.get(entry.source, ""))
            for entry in real_entries()]


def at(entries: list[Entry], key: str) -> Entry:
    [entry] = [entry for entry in entries if entry.source == real(key).source]
    return entry


def replaced(entries: list[Entry], key: str, **fields) -> list[Entry]:
    """``entries`` with the entry of ``key`` changed."""
    old = at(entries, key)
    return [dataclasses.replace(entry, **fields) if entry is old else entry for entry in entries]


def reported(findings) -> list[tuple[str, int, str]]:
    return [(entry.path, entry.line, problem.check) for entry, problem in findings]


# ---- inconsistent-translation --------------------------------------------------------

def test_two_files_translating_their_shared_sentences_alike_raise_nothing():
    assert list(check_consistency(document(THIS_YEAR) + document(NEXT_YEAR))) == []


def test_a_sentence_translated_differently_in_another_file_is_reported_there_naming_the_first():
    this_year = document(THIS_YEAR)
    differing = ACM.replace("Alliance Coordination Mechanism", "Alliance Adjustment Mechanism")
    next_year = replaced(document(NEXT_YEAR), ACM_KEY, target=differing)
    for order in (this_year + next_year, next_year + this_year):
        [(entry, problem)] = inconsistent_translation(order)
        assert (entry.path, entry.target) == (NEXT_YEAR, differing)
        assert problem.check == "inconsistent-translation"
        assert f"{THIS_YEAR}:{at(this_year, ACM_KEY).line}" in problem.message
        assert f'"{ACM}" there, "{differing}" here' in problem.message
        start = differing.index("Adjustment")
        assert problem.target_span == (start, start + len("Adjustment"))


def test_translations_differing_only_in_whitespace_agree():
    next_year = replaced(document(NEXT_YEAR), ACM_KEY, target=" " + ACM.replace("2015, based", "2015,  based") + "\n")
    assert list(inconsistent_translation(document(THIS_YEAR) + next_year)) == []


def test_sources_differing_only_in_whitespace_are_one_sentence_but_full_width_forms_are_not():
    figure = real("図表II-4-2-3 同")
    spaced = dataclasses.replace(figure, path=NEXT_YEAR, source=figure.source.replace(" ", "  ") + " ",
                                 target="Fig. II-4-2-3 Organization of the Alliance Coordination Mechanism (ACM)")
    [(entry, _)] = inconsistent_translation(document(THIS_YEAR) + [spaced])
    assert entry is spaced
    wide = dataclasses.replace(spaced, source=unicodedata.normalize("NFKC", figure.source).replace("II", "ＩＩ"))
    assert wide.source != figure.source
    assert list(inconsistent_translation(document(THIS_YEAR) + [wide])) == []


def test_every_differing_entry_but_the_first_is_reported_against_the_first():
    third = "translations/en/dowj2020_II-4-2-3_alliance_initiatives.po"
    differing = IZUMO.replace("destroyer", "escort ship")
    files = [document(THIS_YEAR), replaced(document(NEXT_YEAR), IZUMO_KEY, target=differing),
             replaced(document(third), IZUMO_KEY, target=differing)]
    findings = list(inconsistent_translation([entry for entries in files for entry in entries]))
    assert reported(findings) == [(NEXT_YEAR, at(files[0], IZUMO_KEY).line, "inconsistent-translation"),
                                  (third, at(files[0], IZUMO_KEY).line, "inconsistent-translation")]
    assert all(f"{THIS_YEAR}:" in problem.message for _, problem in findings)


def test_a_fuzzy_translation_is_compared_but_is_never_the_reference():
    differing = ACM.replace("Alliance Coordination Mechanism", "Alliance Adjustment Mechanism")
    fuzzy_first = replaced(document(THIS_YEAR), ACM_KEY, fuzzy=True, target=differing)
    [(entry, problem)] = inconsistent_translation(fuzzy_first + document(NEXT_YEAR))
    assert (entry.path, entry.fuzzy) == (THIS_YEAR, True) and f"{NEXT_YEAR}:" in problem.message
    fuzzy_second = replaced(document(NEXT_YEAR), ACM_KEY, fuzzy=True)
    assert list(inconsistent_translation(fuzzy_first + fuzzy_second)) == []


def test_untranslated_entries_take_no_part():
    untranslated = replaced(document(NEXT_YEAR), ACM_KEY, target="")
    assert list(check_consistency(document(THIS_YEAR) + untranslated)) == []


# ---- inconsistent-source --------------------------------------------------------------

def test_a_translation_pasted_onto_another_sentence_is_reported_on_the_later_entry():
    entries = replaced(document(THIS_YEAR), BPM_KEY, target=ACM)
    [(entry, problem)] = inconsistent_source(entries)
    assert entry.source == real(BPM_KEY).source and problem.check == "inconsistent-source"
    assert f"{THIS_YEAR}:{real(ACM_KEY).line}" in problem.message and real(ACM_KEY).source in problem.message
    start, end = problem.source_span
    # The two sources share "15(平成27)年11月、日米両政府は、ガイドラインに基づき、" and " Mechanism)を設置した。".
    assert entry.source[:start] == "15(平成27)年11月、日米両政府は、ガイドラインに基づき、"
    assert entry.source[end:] == " Mechanism)を設置した。"


def test_one_sentence_in_full_width_form_is_the_same_sentence():
    acm = real(ACM_KEY)
    wide = dataclasses.replace(acm, path=NEXT_YEAR, source=acm.source.replace("15", "１５").replace("(", "（")
                               .replace(")", "）").replace("ACM", "ＡＣＭ"), target=ACM)
    assert wide.source != acm.source
    assert list(inconsistent_source(document(THIS_YEAR) + [wide])) == []


def test_sources_differing_only_in_a_footnote_marker_are_the_same_sentence():
    acsa = real(ACSA_KEY)
    assert acsa.markers == (2,) and "協定2(ACSA" in acsa.source
    unmarked = dataclasses.replace(acsa, path=NEXT_YEAR, source=acsa.source.replace("協定2(", "協定("), markers=())
    assert list(inconsistent_source(document(THIS_YEAR) + [dataclasses.replace(unmarked, target=ACSA)])) == []
    edited = dataclasses.replace(unmarked, source=unmarked.source.replace("1996(平成8)年", "1997(平成9)年"),
                                 target=ACSA)
    [(entry, problem)] = inconsistent_source(document(THIS_YEAR) + [edited])
    # From the first difference (199|7) to the last (the marker the reference has after 協定).
    assert entry is edited
    assert entry.source[slice(*problem.source_span)] == (
        "7(平成9)年に締結(1999(平成11)年及び04(平成16)年に改正)した日米物品役務相互提供協定")


def test_short_translations_and_cross_references_may_share_a_rendering():
    space = "(1)宇宙に関する協力"
    other_heading = dataclasses.replace(real(space), path=NEXT_YEAR, source="(1)宇宙分野における協力")
    four_words = dataclasses.replace(other_heading, target=TRANSLATIONS[space])
    assert list(inconsistent_source(document(THIS_YEAR) + [four_words])) == []
    six_words = TRANSLATIONS["5 宇宙及びサイバー空間"]
    assert len(six_words.split()) == 6
    [(entry, _)] = inconsistent_source(document(THIS_YEAR) + [dataclasses.replace(other_heading, target=six_words)])
    assert entry.source == "(1)宇宙分野における協力"
    # 参照図表II-4-2-3(…) may well be rendered as the title of the figure it points to.
    assert list(inconsistent_source(replaced(document(THIS_YEAR), "参照図表II-4-2-3", target=FIGURE))) == []


def test_a_fuzzy_entry_carrying_another_sentences_translation_is_reported_but_never_the_reference():
    # What msgmerge leaves when a sentence is new: the translation of a similar one, marked fuzzy.
    fuzzy = replaced(document(THIS_YEAR), BPM_KEY, target=ACM, fuzzy=True)
    [(entry, _)] = inconsistent_source(fuzzy)
    assert entry.source == real(BPM_KEY).source
    reference_fuzzy = replaced(replaced(document(THIS_YEAR), BPM_KEY, target=ACM), ACM_KEY, fuzzy=True)
    [(entry, problem)] = inconsistent_source(reference_fuzzy)
    assert entry.source == real(ACM_KEY).source and f":{real(BPM_KEY).line}" in problem.message
    both_fuzzy = replaced(fuzzy, ACM_KEY, fuzzy=True)
    assert list(inconsistent_source(both_fuzzy)) == []


def test_check_consistency_runs_both_checks():
    next_year = replaced(document(NEXT_YEAR), IZUMO_KEY, target=IZUMO.replace("destroyer", "escort ship"))
    next_year = replaced(next_year, BPM_KEY, target=ACM)
    assert sorted(problem.check for _, problem in check_consistency(document(THIS_YEAR) + next_year)) == [
        "inconsistent-source", "inconsistent-translation", "inconsistent-translation"]


# ---- properties --------------------------------------------------------------------------

SOURCES = [real(key).source for key in (ACM_KEY, BPM_KEY, IZUMO_KEY)]
TARGETS = ["", ACM, BPM, IZUMO, ACM + " ", BPM.replace("In November", "In  November")]


@st.composite
def runs(draw) -> list[Entry]:
    """Entries of up to three files with a few shared sources and translations, each at its own place."""
    count = draw(st.integers(0, 12))
    places = draw(st.lists(st.tuples(st.sampled_from([THIS_YEAR, NEXT_YEAR, "c.po"]), st.integers(1, 400)),
                           min_size=count, max_size=count, unique=True))
    return [Entry(path, line, draw(st.sampled_from(SOURCES)), draw(st.sampled_from(TARGETS)), fuzzy=draw(st.booleans()))
            for path, line in places]


@given(runs(), st.randoms(use_true_random=False))
def test_what_is_reported_does_not_depend_on_the_order_of_the_entries(entries, random):
    shuffled = list(entries)
    random.shuffle(shuffled)
    for check in (inconsistent_translation, inconsistent_source):
        assert set(check(entries)) == set(check(shuffled))


@given(runs())
def test_an_entry_is_reported_exactly_when_the_first_finished_entry_of_its_sentence_reads_otherwise(entries):
    flagged = {(entry.path, entry.line) for entry, _ in inconsistent_translation(entries)}
    for entry in entries:
        same = [other for other in entries if " ".join(other.source.split()) == " ".join(entry.source.split())
                and other.target.strip()]
        finished = sorted((other for other in same if not other.fuzzy), key=lambda other: (other.path, other.line))
        expected = bool(entry.target.strip() and finished and finished[0] is not entry
                        and finished[0].target.split() != entry.target.split())
        assert ((entry.path, entry.line) in flagged) == expected
