"""Finding glossary terms in English translations: normalisation, boundaries, inflection, offsets."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from yakugo.glossary.model import Concept, Glossary, Term
from yakugo.glossary.tbx import read_tbx
from yakugo.termmatch import HYPHENS, EnglishTerms, NormalText, _noun_forms, term_forms

GLOSSARY = read_tbx(REPO / "glossary" / "glossary.tbx")[0]
CONCEPTS = GLOSSARY.by_id()
TERMS = EnglishTerms(GLOSSARY)


def accepted(concept_id: str, text: str) -> list[str]:
    """The accepted terms of a concept found in ``text``, as written there."""
    normal = NormalText(text)
    return [text[slice(*normal.span(o.start, o.end))] for o in TERMS.accepted(CONCEPTS[concept_id], normal)]


def forbidden(concept_id: str, text: str) -> list[str]:
    normal = NormalText(text)
    return [text[slice(*normal.span(o.start, o.end))] for o in TERMS.forbidden(CONCEPTS[concept_id], normal)]


def found_in(terms: list[Term], text: str) -> list[str]:
    """What a one-concept glossary of ``terms`` finds in ``text``."""
    concept = Concept("c", terms=terms)
    normal = NormalText(text)
    return [text[slice(*normal.span(o.start, o.end))]
            for o in EnglishTerms(Glossary([concept])).accepted(concept, normal)]


# -- hyphens, dashes and spaces

@pytest.mark.parametrize("written", [
    "Japan-U.S. Alliance",           # hyphen-minus
    "Japan\u2013U.S. Alliance",      # en dash
    "Japan\u2011U.S. Alliance",      # non-breaking hyphen
    "Japan\u2010U.S. Alliance",      # hyphen
    "Japan-U.S.\u00a0Alliance",      # no-break space
    "Japan-U.S.  Alliance",          # two spaces
    "Japan-U.S.\nAlliance",          # line break
    "Ｊａｐａｎ－Ｕ．Ｓ．\u3000Ａｌｌｉａｎｃｅ",  # full width
])
def test_hyphen_dash_and_space_variants_are_the_same_term(written):
    text = f"the {written} is the cornerstone"
    assert accepted("c124-japan-us-alliance", text) == [written]


def test_a_space_is_not_a_hyphen():
    # the glossary forbids "Self Defense Forces" and prefers "Self-Defense Forces"
    assert accepted("c013-sdf", "the Self Defense Forces took part") == []
    assert forbidden("c013-sdf", "the Self Defense Forces took part") == ["Self Defense Forces"]
    assert forbidden("c013-sdf", "the Self-Defense Forces took part") == []
    assert accepted("c124-japan-us-alliance", "the Japan U.S. Alliance") == []


def test_serial_comma_and_quotation_marks_do_not_hide_a_term():
    assert accepted("c011-isr", "intelligence, surveillance, and reconnaissance (ISR) activities") == [
        "intelligence, surveillance, and reconnaissance", "ISR"]
    assert accepted("c095-js-izumo", 'the destroyer JS "Izumo" sailed') == ['JS "Izumo']
    assert accepted("c095-js-izumo", "the destroyer JS \u201cIzumo\u201d sailed") == ["JS \u201cIzumo"]
    assert accepted("c095-js-izumo", "the destroyer Izumo sailed") == []


# -- case

def test_full_forms_match_in_any_case_acronyms_only_as_written():
    assert accepted("c001-acm", "the alliance coordination mechanism") == ["alliance coordination mechanism"]
    assert accepted("c001-acm", "THE ALLIANCE COORDINATION MECHANISM") == ["ALLIANCE COORDINATION MECHANISM"]
    assert accepted("c001-acm", "through the ACM") == ["ACM"]
    assert accepted("c001-acm", "through the Acm") == []
    assert accepted("c001-acm", "through the acm") == []


# -- inflection

def test_plural_of_the_last_word_of_a_name():
    assert accepted("c001-acm", "both Alliance Coordination Mechanisms") == ["Alliance Coordination Mechanisms"]
    assert accepted("c014-jgsdf", "units of the Japan Ground Self-Defense Forces") == [
        "Japan Ground Self-Defense Forces"]
    assert accepted("c078-osprey", "U.S. Marine Corps Ospreys (MV-22)") == ["Ospreys"]


def test_a_name_written_in_the_plural_is_never_made_singular():
    # "Guideline" is forbidden exactly because "Guidelines" is the name
    assert accepted("c033-guidelines", "the Guideline states") == []
    assert forbidden("c033-guidelines", "the Guideline states") == ["Guideline"]


def test_common_nouns_match_in_singular_and_plural():
    assert accepted("c090-carrier-strike-group", "three carrier strike groups") == ["carrier strike groups"]
    assert accepted("c032-local-governments", "drills hosted by a local government") == ["local government"]
    assert accepted("c145-contingency", "from peacetime to contingencies") == ["contingencies"]
    assert accepted("c069-disaster-prevention-drill", "disaster prevention drills") == ["disaster prevention drills"]


def test_acronyms_and_designators_take_a_plural_s():
    assert accepted("c090-carrier-strike-group", "three CSGs") == ["CSGs"]
    assert accepted("c082-f-35b", "U.S. Marine Corps F-35Bs") == ["F-35Bs"]
    assert accepted("c079-mv-22", "24 MV-22s") == ["MV-22s"]


def test_possessives_need_nothing_more():
    assert accepted("c124-japan-us-alliance", "the Japan-U.S. Alliance's deterrence") == ["Japan-U.S. Alliance"]
    assert accepted("c013-sdf", "the SDF\u2019s capabilities") == ["SDF"]
    assert accepted("c013-sdf", "the Self-Defense Forces' units") == ["Self-Defense Forces"]


def test_a_noun_term_is_not_found_inside_a_verb_form():
    assert accepted("c071-interdiction-exercise", "two interdiction exercises") == ["interdiction exercises"]
    assert found_in([Term("exercise", "en")], "the rights they exercised") == []
    assert found_in([Term("exercise", "en")], "a bilateral exercise") == ["exercise"]
    assert "exercised" not in term_forms(Term("exercise", "en"))
    assert term_forms(Term("seamless", "en", part_of_speech="adjective")) == ("seamless",)


# -- word boundaries

def test_terms_are_found_only_as_whole_words():
    assert accepted("c142-space", "cooperation on aerospace and cyberspace") == []
    assert accepted("c142-space", "cooperation on space and cyberspace") == ["space"]
    assert accepted("c142-space", "space-based assets") == ["space"]
    assert found_in([Term("seamless", "en", part_of_speech="adjective")], "responding seamlessly") == []


def test_terms_ending_in_punctuation_are_bounded_by_what_follows():
    us = [Term("U.S.", "en")]
    assert found_in(us, "the U.S. and Japan") == ["U.S."]
    assert found_in(us, "U.S.-Japan cooperation") == ["U.S."]
    assert found_in(us, "relations with the U.S.") == ["U.S."]
    assert found_in(us, "the former U.S.S.R. and Japan") == []
    acm = [Term("Alliance Coordination Mechanism (ACM)", "en")]
    assert found_in(acm, "established the Alliance Coordination Mechanism (ACM).") == [
        "Alliance Coordination Mechanism (ACM)"]
    assert found_in(acm, "the Alliance Coordination Mechanism (ACM)") == ["Alliance Coordination Mechanism (ACM)"]


# -- "Full Form (ABBR)" and coordinated phrases

@pytest.mark.parametrize("text, introduced", [
    ("established the Alliance Coordination Mechanism (ACM) in 2015", True),
    ("established the Alliance Coordination Mechanism(ACM) in 2015", True),
    ("established the alliance coordination mechanism (ACM)", True),
    ("established the Alliance Coordination Mechanism (Acm)", False),
    ("established the ACM (Alliance Coordination Mechanism)", False),
    ("established the Alliance Coordination Mechanism, or ACM", False),
    ("established the ACM", False),
])
def test_full_form_with_its_abbreviation(text, introduced):
    assert TERMS.introduced(CONCEPTS["c001-acm"], NormalText(text)) is introduced


@pytest.mark.parametrize("concept, text, phrase", [
    ("c130-air-defense", "air and missile defense", "air and missile defense"),
    ("c130-air-defense", "measures such as air, cyber and missile defense.", "air, cyber and missile defense"),
    ("c065-cpx", "command post and field training exercises almost every year",
     "command post and field training exercises"),
    ("c014-jgsdf", "the Japan Ground and Maritime Self-Defense Forces",
     "Japan Ground and Maritime Self-Defense Forces"),
    ("c130-air-defense", "air. Missile defense", None),                         # a sentence boundary
    ("c130-air-defense", "air and the five kinds of missile defense", None),    # too far apart
    ("c130-air-defense", "air and missile self-defense", None),                 # not the same word
])
def test_last_words_shared_in_a_coordination(concept, text, phrase):
    normal = NormalText(text)
    found = [text[slice(*normal.span(o.start, o.end))] for o in TERMS.elided(CONCEPTS[concept], normal)]
    assert found == ([phrase] if phrase else [])


def test_find_reports_overlapping_terms_of_every_concept():
    text = "Japan-U.S. joint training with U.S. Forces, Japan"
    normal = NormalText(text)
    found = {(o.concept.id, text[slice(*normal.span(o.start, o.end))]) for o in TERMS.find(normal)}
    assert found == {("c063-japan-us-joint-training", "Japan-U.S. joint training"),
                     ("c062-joint-training", "joint training"),
                     ("c020-us-forces", "U.S. Forces"),
                     ("c021-usfj", "U.S. Forces, Japan")}
    assert {o.concept.id for o in TERMS.find(NormalText("the SDF and the Sdf"), case_sensitive=True)} == {"c013-sdf"}


# -- properties

ACCEPTED = [(concept, term) for concept in GLOSSARY for term in concept.terms_in("en") if term.accepted]
# Plurals checked by hand, for the last word of a noun term.
PLURALS = {"Mechanism": "Mechanisms", "Group": "Groups", "group": "groups", "exercise": "exercises",
           "drill": "drills", "bomber": "bombers", "fighter": "fighters", "carrier": "carriers",
           "destroyer": "destroyers", "disaster": "disasters", "contingency": "contingencies",
           "Center": "Centers", "Force": "Forces", "Island": "Islands", "Earthquake": "Earthquakes",
           "Osprey": "Ospreys", "missile": "missiles", "depot": "depots", "base": "bases",
           "helicopter": "helicopters", "Agreement": "Agreements", "situation": "situations"}
FILLER = ["the", "two", "countries", "will", "further", "strengthen", "their", "cooperation", "in", "the", "region",
          "through", "various", "activities", "including", "regular", "consultations", "since", "November", "2015",
          "policy", "operational", "effective", "response", "situations", "peace", "security", "bilateral", "plans",
          "Japan", "United", "States", "defense", "forces", "alliance", "mechanism", "working", "group", "air",
          "missile", "maritime", "joint", "training", "Navy", "U.S.", "SDF", "ACM", "capabilities", "aerospace",
          "cyberspace", "seamlessly", "exercised"]
WIDE = {chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)}
SPACE_VARIANTS = [" ", "\u00a0", "\u202f", "  ", "\t", "\u3000"]


@st.composite
def written_variants(draw, concept_term):
    """A term as a translator or an editor might write it: case, dashes, spaces, width, plural."""
    _, term = concept_term
    rnd = draw(st.randoms(use_true_random=False))
    text = term.text
    words = text.split(" ")
    if term.part_of_speech == "noun" and words[-1] in PLURALS and rnd.random() < 0.5:
        text = " ".join([*words[:-1], PLURALS[words[-1]]])
    out = []
    for char in text:
        if char == "-":
            char = rnd.choice(HYPHENS)
        elif char == " ":
            char = rnd.choice(SPACE_VARIANTS)
        elif not term.case_sensitive and char.isalpha() and rnd.random() < 0.3:
            char = char.swapcase()
        if char in WIDE and rnd.random() < 0.1:
            char = WIDE[char]
        out.append(char)
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ACCEPTED).flatmap(lambda pair: st.tuples(st.just(pair), written_variants(pair))),
       st.lists(st.sampled_from(FILLER), max_size=6), st.lists(st.sampled_from(FILLER), max_size=6),
       st.sampled_from([" ", " (", ", ", ' "', "\u2014", "\n"]), st.sampled_from([" ", ") ", ", ", "'s ", ".", ""]))
def test_any_accepted_term_however_written_satisfies_its_concept(pair, before, after, opening, closing):
    (concept, _), written = pair
    prefix = " ".join(before) + opening
    text = prefix + written + closing + " " + " ".join(after)
    normal = NormalText(text)
    spans = {normal.span(o.start, o.end) for o in TERMS.accepted(concept, normal)}
    assert (len(prefix), len(prefix) + len(written)) in spans


def _stems(text: str) -> set[str]:
    """The first five letters of each word: "contingencies" and "contingency" share one."""
    return {word[:5] for word in re.findall(r"[a-z0-9]+", text.lower())}


@given(st.sampled_from([c for c in GLOSSARY if c.accepted("en")]), st.lists(st.sampled_from(FILLER), max_size=30),
       st.sampled_from([" ", ", ", " and ", "-", ". "]))
def test_a_sentence_without_the_words_of_a_term_never_satisfies_it(concept, words, separator):
    term_stems = set().union(*(_stems(t.text) for t in concept.accepted("en")))
    words = [w for w in words if not _stems(w) & term_stems]
    normal = NormalText(separator.join(words))
    assert TERMS.accepted(concept, normal) == [] and TERMS.elided(concept, normal) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from([t.text for _, t in ACCEPTED]), st.sampled_from(FILLER)), max_size=12),
       st.sampled_from([" ", ", ", " and ", "; "]))
def test_the_automaton_finds_what_the_per_concept_search_finds(pieces, separator):
    normal = NormalText(separator.join(pieces))
    per_concept = {(o.concept.id, o.term.text, o.start, o.end) for c in GLOSSARY for o in TERMS.accepted(c, normal)}
    assert {(o.concept.id, o.term.text, o.start, o.end) for o in TERMS.find(normal)} == per_concept


@given(st.lists(st.sampled_from(list('ab AB-,."\u201c\u2013\u00a0\u3000\uff21\uff41\ufb01\u0130')
                               + [", and ", ", or ", "  "]), max_size=30).map("".join))
def test_offsets_map_every_normalised_character_back_to_its_original(text):
    normal = NormalText(text)
    assert len(normal.lower) == len(normal.text)
    previous = (0, 0)
    for index, char in enumerate(normal.text):
        start, end = normal.span(index, index + 1)
        assert previous <= (start, end) and 0 <= start < end <= len(text)
        assert char in NormalText(text[start:end]).text or char == " "
        previous = (start, end)


# -- fast paths give what the general paths give

ASCII_PIECES = ["a", "B", "x", "1", "-", ".", "'", ",", " ", "  ", "\t", "\n", '"', ", and ", ", or ", "and", "U.S."]


@given(st.lists(st.one_of(st.sampled_from(ASCII_PIECES), st.characters(max_codepoint=127)), max_size=25).map("".join))
def test_ascii_text_is_normalised_as_any_other_text(text):
    # "é" sends the text down the general path (NFKC check, str.translate, every kind of quotation mark)
    fast, general = NormalText(text), NormalText(text + "é")
    assert general.text == fast.text + "é" and general.lower == fast.lower + "é"
    assert [general.span(i, i + 1) for i in range(len(fast.text))] == [fast.span(i, i + 1)
                                                                      for i in range(len(fast.text))]


@given(st.lists(st.sampled_from(ASCII_PIECES), max_size=25).map("".join))
def test_each_character_of_a_normal_ascii_text_comes_from_one_of_the_original(text):
    normal = NormalText(text)
    spans = [normal.span(i, i + 1) for i in range(len(normal.text))]
    assert all(end == start + 1 for start, end in spans)
    assert all(text[start] == char or (char == " " and text[start].isspace())
               for (start, _), char in zip(spans, normal.text))
    starts = [start for start, _ in spans]
    assert starts == sorted(set(starts))
    dropped = set(range(len(text))) - set(starts)
    assert all(text[index] in '",' or text[index].isspace() for index in dropped)


ABBREVIATED = [c for c in GLOSSARY if any(t.accepted and t.case_sensitive for t in c.terms_in("en"))]
ABBREVIATIONS = sorted({t.text for c in ABBREVIATED for t in c.accepted("en") if t.case_sensitive})


@st.composite
def abbreviation_texts(draw, concepts):
    """Translation-like text full of acronyms (mostly of ``concepts``), some written in ways normalisation undoes."""
    theirs = sorted({t.text for c in concepts for t in c.accepted("en") if t.case_sensitive})
    pieces = []
    for _ in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["acronym", "plural", "quoted", "split", "wide", "filler", "punctuation"]))
        acronym = draw(st.sampled_from(theirs if draw(st.booleans()) else ABBREVIATIONS))
        if kind == "acronym":
            pieces.append(acronym)
        elif kind == "plural":
            pieces.append(acronym + "s")
        elif kind == "quoted":
            pieces.append(f'"{acronym}"')
        elif kind == "split":   # a quotation mark inside: dropped, so the acronym is whole again
            at = draw(st.integers(1, max(1, len(acronym) - 1)))
            pieces.append(f'{acronym[:at]}"{acronym[at:]}')
        elif kind == "wide":
            pieces.append("".join(WIDE.get(char, char) for char in acronym))
        elif kind == "filler":
            pieces.append(draw(st.sampled_from(FILLER)))
        else:
            pieces.append(draw(st.sampled_from([" ", "  ", ", and ", "\t", "-", "2", "(", ")"])))
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ABBREVIATED), min_size=1, max_size=8, unique_by=lambda c: c.id).flatmap(
           lambda concepts: st.tuples(st.just(concepts), abbreviation_texts(concepts))),
       st.randoms(use_true_random=False))
def test_the_abbreviation_search_finds_what_the_whole_glossary_finds(concepts_and_text, rnd):
    concepts, text = concepts_and_text
    search = TERMS.abbreviations(concepts)
    ids = {c.id for c in concepts}
    normal = NormalText(text)
    expected = [o for o in TERMS.find(normal, case_sensitive=True) if o.concept.id in ids]
    assert search.find(normal) == expected
    # its quick test never rules out a text in which a form is, even with digits made spaces (footnote markers)
    blanked = "".join(" " if char.isdigit() and rnd.random() < 0.5 else char for char in text)
    if expected or search.find(NormalText(blanked)):
        assert search.may_occur(text)


def test_an_acronym_of_several_concepts_is_reported_for_each_in_glossary_order():
    mod = Term("MOD", "en", "admitted", "acronym")
    defense = Concept("mod-defense", terms=[Term("Ministry of Defense", "en"), mod])
    operations = Concept("mod-operations", terms=[Term("Marine Operations Division", "en"), mod])
    terms = EnglishTerms(Glossary([defense, operations]))
    text = NormalText("the MOD and the MODs")
    found = [(o.concept.id, o.start) for o in terms.abbreviations([operations, defense]).find(text)]
    assert found == [(o.concept.id, o.start) for o in terms.find(text, case_sensitive=True)] == [
        ("mod-defense", 4), ("mod-operations", 4), ("mod-defense", 16), ("mod-operations", 16)]


def test_the_quick_test_rules_out_texts_without_the_letters_of_any_form():
    search = TERMS.abbreviations([CONCEPTS["c001-acm"], CONCEPTS["c013-sdf"]])
    assert not search.may_occur("the Alliance Coordination Mechanism and the Self-Defense Forces")
    assert not search.may_occur("the AC M and the SD F")
    assert search.may_occur('the "A"CM')                        # a dropped quotation mark inside
    assert search.may_occur("the \uff21\uff23\uff2d")           # full width: not ASCII, always searched
    assert [o.term.text for o in search.find(NormalText('the "A"CM and the \uff33\uff24\uff26'))] == ["ACM", "SDF"]


# -- noun forms come from lemminflect

def test_noun_forms_of_hand_checked_words():
    assert "mechanisms" in _noun_forms("mechanism", True)
    assert _noun_forms("guidelines", True) == ()                      # a name in the plural stays as it is
    assert set(_noun_forms("exercise", False)) == {"exercise", "exercises"}
    assert set(_noun_forms("capabilities", False)) == {"capability", "capabilities"}
    assert set(_noun_forms("contingency", False)) == {"contingency", "contingencies"}
    assert _noun_forms("seamless", False) == ()                        # not a noun
