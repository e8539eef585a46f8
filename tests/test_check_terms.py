"""term-missing, term-forbidden and abbreviation-first-use on the project's own sentences.

The English translations below were written for these tests; the broken ones
are the good ones with one deliberate mistake each.
"""

from __future__ import annotations

import dataclasses
import re

import polib
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import REPO
from yakugo.catalog import block_roles, footnote_markers
from yakugo.checks.model import CHECKS, Entry
from yakugo.checks.terms import TermChecker, target_text
from yakugo.glossary.model import Concept, Glossary, Term
from yakugo.glossary.tbx import read_tbx

PO_PATH = "translations/en/dowj2018_II-4-2-3_alliance_initiatives.po"
CATALOG = polib.pofile(str(REPO / PO_PATH))
GLOSSARY = read_tbx(REPO / "glossary" / "glossary.tbx")[0]
CHECKER = TermChecker(GLOSSARY)


def entry(prefix: str, target: str, path: str = PO_PATH) -> Entry:
    """The PO entry whose msgid starts with ``prefix``, translated as ``target``."""
    found = [e for e in CATALOG if e.msgid.startswith(prefix)]
    assert len(found) == 1, prefix
    po = found[0]
    return Entry(path=path, line=po.linenum, source=po.msgid, target=target, roles=tuple(block_roles(po)),
                 markers=tuple(note.number for note in footnote_markers(po)), index=CATALOG.index(po))


def findings(item: Entry) -> list[tuple[str, str, str]]:
    return [(p.check, p.concept, p.message) for p in CHECKER.check(item)]


def first_uses(items: list[Entry]) -> list[tuple[int, str, str, str]]:
    """abbreviation-first-use from a checker that has not seen the entries before."""
    return [(e.line, p.check, p.concept, p.message) for e, p in TermChecker(GLOSSARY).first_use(items)]


# (msgid prefix, a correct translation, concepts the glossary finds in the source)
GOOD = [
    ("ガイドラインでは、「日本の平和及び安全",
     ("The Guidelines specify that, to ensure Japan's peace and security seamlessly, the two countries will take "
      "measures such as intelligence, surveillance and reconnaissance (ISR) activities, air and missile defense, "
      "maritime security, and joint training and exercises, and will cooperate in responding to large-scale "
      "disasters in Japan."),
     {"c033-guidelines", "c127-seamless", "c011-isr", "c130-air-defense", "c129-missile-defense",
      "c131-maritime-security", "c061-joint-training-exercises", "c149-large-scale-disaster"}),
    ("また、「地域の及びグローバルな",
     ('Under "Cooperation for Regional and Global Peace and Security", they also specify that the two countries '
      "will cooperate in international activities, promote and strengthen trilateral and multilateral "
      "cooperation, cooperate on space and cyberspace as new strategic domains, and develop and strengthen "
      '"Bilateral Enterprise" efforts such as defense equipment and technology cooperation as a foundation for '
      "making bilateral cooperation still more effective."),
     {"c152-trilateral-multilateral", "c142-space", "c143-cyberspace", "c135-defense-equipment-tech-coop"}),
    ("その項目の多くは",
     ("Many of these items are also incorporated in the National Defense Program Guidelines (NDPG) as "
      '"strengthening the deterrence and response capabilities of the Japan-U.S. Alliance" and "strengthening '
      'and expanding cooperation in a wide range of areas."'),
     {"c034-ndpg", "c124-japan-us-alliance", "c125-deterrence-response"}),
    ("(1)同盟調整メカニズムの設置", "(1) Establishment of the Alliance Coordination Mechanism", {"c001-acm"}),
    ("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全",
     ("In November 2015, the Governments of Japan and the United States established the Alliance Coordination "
      "Mechanism (ACM) under the Guidelines in order to respond seamlessly and effectively to situations "
      "affecting Japan's peace and security and to any other situation that may require an Alliance response."),
     {"c033-guidelines", "c127-seamless", "c001-acm"}),
    ("同メカニズムでは、図表II-4-2-3",
     ("With the structure shown in Fig. II-4-2-3, the ACM coordinates the policy and operational aspects of "
      "activities conducted by the Self-Defense Forces (SDF) and the U.S. Forces in all phases from peacetime to "
      "contingencies, and builds and maintains timely information sharing and a common situational awareness."),
     {"c144-peacetime", "c145-contingency", "c013-sdf", "c020-us-forces", "c150-common-situational-awareness"}),
    ("その特徴は、",
     ("Its features are that (i) it is available from peacetime, (ii) it can also be used for large-scale "
      "disasters in Japan and for cooperation in the Asia-Pacific region and globally, and (iii) it enables "
      "whole-of-government coordination that ensures the involvement of the relevant Japanese and U.S. "
      "organizations; as a result, the two governments can now respond properly and promptly whenever "
      "coordination is needed."),
     {"c144-peacetime", "c149-large-scale-disaster", "c105-asia-pacific", "c009-whole-of-government"}),
    ("例えば、国内で大規模災害",
     ("For example, a large-scale disaster in Japan calls for a wide range of policy and operational coordination "
      "of the activities of the SDF and the U.S. Forces, and the ACM now makes it possible to carry out that "
      "coordination closely and appropriately at various levels with the involvement of the relevant Japanese "
      "and U.S. organizations."),
     {"c149-large-scale-disaster", "c013-sdf", "c020-us-forces"}),
    ("同メカニズムの設置以降",
     ("Since its establishment, Japan and the United States have worked closely through the ACM on, for example, "
      "the 2016 Kumamoto Earthquake, North Korea's ballistic missile launches and China's activities in the "
      "waters and airspace around the Senkaku Islands."),
     {"c121-kumamoto-earthquake", "c092-ballistic-missile", "c103-senkaku-islands", "c106-waters-airspace"}),
    ("日米両政府は、ガイドラインに基づき、運用面",
     ("Under the Guidelines, the two governments recognize the importance of the co-location of operational "
      "coordination functions, and the SDF and the U.S. Forces will exchange personnel to support close "
      "information sharing, smooth coordination and international activities."),
     {"c033-guidelines", "c010-co-location", "c013-sdf", "c020-us-forces"}),
    ("(3)共同計画策定メカニズムの設置", "(3) Establishment of the Bilateral Planning Mechanism", {"c002-bpm"}),
    ("15(平成27)年11月、日米両政府は、ガイドラインに基づき、わが国",
     ("In November 2015, under the Guidelines, the two governments established the Bilateral Planning "
      "Mechanism (BPM) to conduct bilateral planning in peacetime in accordance with the Guidelines, so that "
      "Japan and the United States can respond together effectively to contingencies relevant to Japan's peace "
      "and security."),
     {"c033-guidelines", "c145-contingency", "c144-peacetime", "c133-bilateral-planning", "c002-bpm"}),
    ("同メカニズムは、共同計画の策定に際し",
     ("In bilateral planning, the BPM ensures direction and supervision from the ministerial level and the "
      "involvement of the relevant ministries and agencies, and coordinates the various forms of Japan-U.S. "
      "cooperation that contribute to bilateral planning; the two governments will develop bilateral plans "
      "through the BPM."),
     {"c133-bilateral-planning", "c163-relevant-ministries"}),
    ("共同の情報収集・警戒監視・偵察",
     ("Regarding bilateral ISR activities, from the viewpoint that Japan and the United States should cooperate "
      "in ISR activities across the Asia-Pacific region to make their activities more efficient and effective, "
      "the defense authorities of the two countries set up the ISR Working Group, headed by division directors, "
      "in February 2013, and are deepening their cooperation."),
     {"c011-isr", "c105-asia-pacific", "c019-defense-authorities", "c003-isr-wg"}),
    ("このような共同のISR活動",
     ("Such expansion of bilateral ISR activities serves as a deterrent, secures information superiority over "
      "other countries and helps build a seamless cooperative posture from peacetime through various situations."),
     {"c144-peacetime", "c127-seamless", "c162-information-superiority"}),
    ("弾道ミサイルへの対応",
     ("In responding to ballistic missiles, the Japan-U.S. bilateral response capabilities have been improved "
      "through the sharing of operational information and the development of response procedures, and the ACM "
      "has also been used to respond together to North Korea's repeated ballistic missile launches."),
     {"c092-ballistic-missile", "c134-bilateral-response-capabilities", "c001-acm"}),
    ("なお、装備面でも",
     ("In terms of equipment, Japan and the United States are also jointly developing the SM-3 Block IIA "
      "advanced interceptor for BMD."),
     {"c077-sm3-block-iia"}),
    ("ガイドラインにおいて、日米両政府は",
     ("Under the Guidelines, the two governments will cooperate on maritime security by, for example, further "
      "building and strengthening arrangements for sharing maritime surveillance information from peacetime "
      "and, where appropriate, maintaining and strengthening the presence of Japan and the United States at sea "
      "through ISR activities and training and exercises."),
     {"c033-guidelines", "c144-peacetime", "c131-maritime-security"}),
    ("海自と米海軍は",
     ("Through various joint training and exercises, the Japan Maritime Self-Defense Force (JMSDF) and the U.S. "
      "Navy cooperate appropriately in maintaining and enhancing the Japan-U.S. presence in the Western Pacific."),
     {"c015-jmsdf", "c022-usn", "c061-joint-training-exercises"}),
    ("平素から共同訓練を行うことは",
     ("Conducting joint training in peacetime deepens interoperability, including a mutual understanding of "
      "tactics and communication, and contributes greatly to maintaining and improving Japan-U.S. bilateral "
      "response capabilities; it is also useful for improving the tactical skills of each side."),
     {"c144-peacetime", "c062-joint-training", "c126-interoperability", "c134-bilateral-response-capabilities"}),
    ("共同訓練・演習については",
     ("Joint training and exercises have expanded not only in Japan but also through the dispatch of units to "
      "the United States, and efforts continue to improve interoperability and bilateral response capabilities "
      "at the service and unit levels as well, in exercises such as the Japan-U.S. Bilateral Regional Army "
      "Command Post Exercise, the special anti-submarine exercise and the Japan-U.S. Bilateral Fighter Combat "
      "Training."),
     {"c061-joint-training-exercises", "c057-regional-army-cpx", "c058-special-asw-exercise",
      "c059-fighter-combat-training", "c126-interoperability", "c134-bilateral-response-capabilities"}),
    ("昭和60(1985)年度以降",
     ("Since FY1985, Japan and the United States have conducted command post exercises and field training "
      "exercises almost every year as the Japan-U.S. Bilateral Joint Exercise; in 2018, a command post exercise "
      "was held at the MOD Ichigaya district and elsewhere from January to February."),
     {"c056-bilateral-joint-exercise", "c065-cpx", "c066-ftx", "c109-ichigaya"}),
    ("また、17(平成29)年5月及び6月",
     ('In May and June 2017, Japanese and U.S. vessels, including the destroyer JS "Izumo", conducted Japan-U.S. '
      "joint cruise training in the South China Sea."),
     {"c100-south-china-sea", "c088-destroyer", "c095-js-izumo", "c060-cruise-training"}),
    ("さらに、わが国周辺海空域",
     ("Furthermore, as joint training in the waters and airspace around Japan, the JMSDF conducted Japan-U.S. "
      "joint cruise training with the U.S. Navy aircraft carrier USS Ronald Reagan and other vessels from "
      "September to October 2017 in the waters and airspace from the area around Okinawa to the area around "
      "the Bashi Channel."),
     {"c106-waters-airspace", "c062-joint-training", "c015-jmsdf", "c022-usn", "c089-aircraft-carrier",
      "c096-uss-ronald-reagan", "c117-bashi-channel", "c060-cruise-training"}),
    ("同年11月には、海自は",
     ("In November of the same year, the JMSDF conducted joint training for the first time with three carrier "
      "strike groups in the Sea of Japan, including the U.S. Navy aircraft carriers USS Ronald Reagan, USS "
      "Nimitz and USS Theodore Roosevelt."),
     {"c015-jmsdf", "c102-sea-of-japan", "c022-usn", "c089-aircraft-carrier", "c096-uss-ronald-reagan",
      "c097-uss-nimitz", "c098-uss-theodore-roosevelt", "c090-carrier-strike-group", "c062-joint-training"}),
    ("米空軍との間においても",
     ("With the U.S. Air Force as well, the Japan Air Self-Defense Force (JASDF) conducted various training on "
      "several occasions in the airspace west of Kyushu and around Okinawa with U.S. Air Force B-1B bombers, "
      "B-52 bombers, U.S. Marine Corps F-35Bs and other aircraft."),
     {"c024-usaf", "c016-jasdf", "c085-b-1b", "c086-b-52", "c023-usmc", "c082-f-35b"}),
    ("近年では、地方自治体",
     ("In recent years, U.S. Forces, Japan (USFJ) has also taken part in disaster prevention drills hosted by "
      "local governments, deepening cooperation with the relevant organizations."),
     {"c032-local-governments", "c069-disaster-prevention-drill", "c021-usfj"}),
    ("また、平成28年(2016年)熊本地震",
     ("During the 2016 Kumamoto Earthquake, the two countries cooperated in such ways as the transport of daily "
      "necessities by U.S. Marine Corps Ospreys (MV-22) and the transport of SDF personnel by C-130 transport "
      "aircraft, and the ACM was used, including the Japan-U.S. Joint Coordination Center set up on site by the "
      "Joint Task Force organized for the earthquake response."),
     {"c121-kumamoto-earthquake", "c023-usmc", "c078-osprey", "c079-mv-22", "c087-c-130", "c013-sdf",
      "c029-jtf", "c007-jcc", "c001-acm"}),
    ("ガイドラインでは、日米両国は、三か国",
     ("Under the Guidelines, Japan and the United States will promote and strengthen trilateral and multilateral "
      "security and defense cooperation, and the SDF takes part not only in bilateral Japan-U.S. training and "
      "exercises but also in multilateral joint training such as Japan-U.S.-Australia, Japan-U.S.-India and "
      "Japan-U.S.-ROK training."),
     {"c033-guidelines", "c013-sdf", "c156-japan-us-australia", "c157-japan-us-india", "c158-japan-us-rok",
      "c062-joint-training"}),
    ("さらに、日米両国は、日米装備・技術定期協議",
     ("Furthermore, Japan and the United States hold consultations at the Systems and Technology Forum (S&TF) "
      "and elsewhere, and conduct joint research and development on specific projects that have been agreed "
      "upon."),
     {"c006-stf", "c136-joint-rd"}),
]
GOOD_ENTRIES = [entry(prefix, target) for prefix, target, _ in GOOD]


def good(prefix: str) -> str:
    return next(target for start, target, _ in GOOD if start == prefix)


@pytest.mark.parametrize("item, concepts", [(e, c) for e, (_, _, c) in zip(GOOD_ENTRIES, GOOD)],
                         ids=[prefix for prefix, _, _ in GOOD])
def test_correct_translations_of_the_source_pass(item, concepts):
    assert concepts <= {m.concept.id for m in CHECKER.source_terms.find(item.source)}
    assert findings(item) == []


def test_a_correct_translation_of_the_document_introduces_every_acronym_it_uses():
    assert first_uses(sorted(GOOD_ENTRIES, key=lambda e: e.index)) == []


# -- term-forbidden

def test_a_forbidden_rendering_is_reported_with_what_to_use_instead():
    prefix = "15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全"
    target = good(prefix).replace("Alliance Coordination Mechanism (ACM)", "Alliance Adjustment Mechanism")
    item = entry(prefix, target)
    message = ('"Alliance Adjustment Mechanism" is not allowed for 同盟調整メカニズム; '
               'use "Alliance Coordination Mechanism (ACM)"')
    assert findings(item) == [("term-forbidden", "c001-acm", message)]
    problem = next(CHECKER.check(item))
    assert target[slice(*problem.target_span)] == "Alliance Adjustment Mechanism"
    assert item.source[slice(*problem.source_span)] == problem.term == "同盟調整メカニズム"
    assert problem.renderings == ("Alliance Coordination Mechanism", "ACM")


def test_british_spellings_and_calques_are_forbidden_in_any_number():
    prefix = "同メカニズムでは、図表II-4-2-3"
    target = (good(prefix).replace("Self-Defense Forces (SDF)", "Self-Defence Forces")
              .replace("U.S. Forces", "US Forces").replace("contingencies", "emergency situations"))
    assert findings(entry(prefix, target)) == [
        ("term-forbidden", "c145-contingency", '"emergency situations" is not allowed for 緊急事態; use "contingency"'),
        ("term-forbidden", "c013-sdf", '"Self-Defence Forces" is not allowed for 自衛隊; use "Self-Defense Forces (SDF)"'),
        ("term-forbidden", "c020-us-forces", '"US Forces" is not allowed for 米軍; use "U.S. Forces"'),
    ]


def test_a_forbidden_term_inside_an_accepted_one_is_not_reported():
    prefix = "ガイドラインでは、「日本の平和及び安全"
    full_name = good(prefix).replace("The Guidelines", "The Guidelines for Japan\u2013U.S. Defense Cooperation")
    assert findings(entry(prefix, full_name)) == []
    # "Guideline" is forbidden for ガイドライン; its plural is the accepted short form, and it is part of NDPG
    ndpg = good(prefix).replace("The Guidelines", "The Guidelines, like the National Defense Program Guidelines,")
    assert findings(entry(prefix, ndpg)) == []
    singular = good(prefix).replace("The Guidelines", "The Guideline")
    assert findings(entry(prefix, singular)) == [
        ("term-forbidden", "c033-guidelines",
         '"Guideline" is not allowed for ガイドライン; use "Guidelines for Japan-U.S. Defense Cooperation"')]


def test_a_forbidden_term_inside_an_accepted_term_of_a_concept_absent_from_the_source():
    uk_mod = Concept("uk-mod", terms=[Term("英国防省", "ja"), Term("UK Ministry of Defence", "en")])
    checker = TermChecker(Glossary([GLOSSARY.by_id()["c017-mod"], uk_mod]))
    source = "防衛省は、英国の国防省と協議した。"    # 英国の国防省 is not the glossary's 英国防省
    good_target = "The Ministry of Defense consulted the UK Ministry of Defence."
    assert list(checker.check(Entry(PO_PATH, 1, source, good_target))) == []
    wrong = "The Ministry of Defence consulted the UK Ministry of Defence."
    problems = list(checker.check(Entry(PO_PATH, 1, source, wrong)))
    assert [(p.check, p.concept, p.target_span) for p in problems] == [("term-forbidden", "c017-mod", (4, 23))]


def test_forbidden_terms_of_concepts_absent_from_the_source_are_not_reported():
    prefix = "同メカニズムの設置以降"   # no 日本海 in the source: "East Sea" is a name of something else here
    assert findings(entry(prefix, good(prefix) + " The East Sea is not concerned.")) == []
    prefix = "同年11月には、海自は"
    assert findings(entry(prefix, good(prefix).replace("Sea of Japan", "East Sea"))) == [
        ("term-forbidden", "c102-sea-of-japan", '"East Sea" is not allowed for 日本海; use "Sea of Japan"')]


def test_british_spelling_in_a_coordinated_phrase():
    prefix = "ガイドラインでは、「日本の平和及び安全"
    both = good(prefix).replace("air and missile defense", "air defence and missile defence")
    assert findings(entry(prefix, both)) == [
        ("term-forbidden", "c130-air-defense", '"air defence" is not allowed for 防空; use "air defense"'),
        ("term-forbidden", "c129-missile-defense",
         '"missile defence" is not allowed for ミサイル防衛; use "missile defense"'),
    ]
    # a shared last word is read only to accept a rendering: "air ... defence" is reported as missing
    shared = findings(entry(prefix, good(prefix).replace("air and missile defense", "air and missile defence")))
    assert [f[:2] for f in shared] == [("term-missing", "c130-air-defense"), ("term-forbidden", "c129-missile-defense")]
    assert shared[0][2].startswith('"防空" should be translated as "air defense"')


def test_a_term_whose_last_words_are_shared_in_a_coordination_is_there():
    prefix = "昭和60(1985)年度以降"
    shared = good(prefix).replace("command post exercises and field training exercises",
                                  "command post and field training exercises")
    assert findings(entry(prefix, shared)) == []
    prefix = "ガイドラインでは、「日本の平和及び安全"
    listed = good(prefix).replace("air and missile defense", "air, cyber and missile defense")
    assert findings(entry(prefix, listed)) == []
    cut = findings(entry(prefix, good(prefix).replace("air and missile defense", "air. Missile defense")))
    assert [f[:2] for f in cut] == [("term-missing", "c130-air-defense")]


def test_a_short_form_of_the_source_is_checked_as_its_concept():
    prefix = "米海兵隊との実動訓練"
    target = ("Japan Ground Self-Defense Force (JGSDF) personnel coordinating during field training (Northern Viper) "
              "with the U.S. Marine Corps")
    assert findings(entry(prefix, target)) == []
    wrong = target.replace("Japan Ground Self-Defense Force (JGSDF)", "Land Self-Defense Force")
    assert findings(entry(prefix, wrong)) == [
        ("term-forbidden", "c014-jgsdf",
         '"Land Self-Defense Force" is not allowed for 陸自; use "Japan Ground Self-Defense Force (JGSDF)"')]


# -- term-missing

def test_a_missing_term_names_the_approved_rendering_and_the_alternatives():
    prefix = "弾道ミサイルへの対応"
    item = entry(prefix, good(prefix).replace("the ACM", "the Acm"))    # acronyms are case-sensitive
    message = '"同盟調整メカニズム" should be translated as "Alliance Coordination Mechanism (ACM)" (or "ACM")'
    assert findings(item) == [("term-missing", "c001-acm", message)]
    problem = next(CHECKER.check(item))
    assert item.source[slice(*problem.source_span)] == "同盟調整メカニズム" and problem.target_span is None


def test_a_paraphrase_is_reported_as_missing():
    prefix = "その特徴は、"
    target = good(prefix).replace("whole-of-government coordination", "government-wide coordination")
    assert findings(entry(prefix, target)) == [
        ("term-missing", "c009-whole-of-government",
         '"政府全体にわたる調整" should be translated as "whole-of-government coordination"')]


def test_a_term_is_not_found_inside_a_longer_word():
    prefix = "また、「地域の及びグローバルな"
    target = good(prefix).replace("cooperate on space and cyberspace", "cooperate on aerospace and cyberspace")
    assert findings(entry(prefix, target)) == [
        ("term-missing", "c142-space", '"宇宙" should be translated as "space" (or "outer space")')]


def test_a_designation_needs_its_full_name():
    prefix = "また、17(平成29)年5月及び6月"
    target = good(prefix).replace('the destroyer JS "Izumo"', "the escort ship Izumo")
    assert findings(entry(prefix, target)) == [
        ("term-forbidden", "c088-destroyer", '"escort ship" is not allowed for 護衛艦; use "destroyer"'),
        ("term-missing", "c095-js-izumo", '"いずも" should be translated as "JS Izumo"'),
    ]


def test_one_rendering_satisfies_a_concept_found_twice_in_the_source():
    prefix = "15(平成27)年11月、日米両政府は、ガイドラインに基づき、わが国"   # ガイドライン twice
    target = good(prefix).replace(" in accordance with the Guidelines", "")
    assert target.count("Guidelines") == 1 and findings(entry(prefix, target)) == []


def test_the_longest_source_term_is_the_one_demanded():
    prefix = "これらの日米共同訓練は"    # 日米共同訓練 is one concept; the 共同訓練 inside it demands nothing
    target = ("All of these joint training sessions were conducted to strengthen the deterrence and response "
              "capabilities of the Japan-U.S. Alliance by improving the tactical skills of the SDF and "
              "strengthening coordination with the U.S. Forces.")
    assert [f[:2] for f in findings(entry(prefix, target))] == [("term-missing", "c063-japan-us-joint-training")]
    assert findings(entry(prefix, target.replace("these joint training", "these Japan-U.S. joint training"))) == []


def test_untranslated_entries_have_no_term_findings():
    prefix = "その特徴は、"
    assert findings(entry(prefix, "")) == []
    assert first_uses([entry("(1)同盟調整メカニズムの設置", ""),
                       entry("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全", "")]) == []


# -- abbreviation-first-use

FIRST_ACM = "15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和と安全"
LATER_ACM = "弾道ミサイルへの対応"


def test_first_use_as_a_bare_acronym_is_reported():
    bare = entry(FIRST_ACM, good(FIRST_ACM).replace("Alliance Coordination Mechanism (ACM)", "ACM"))
    assert first_uses([entry("(1)同盟調整メカニズムの設置", "(1) Establishment of the ACM"), bare]) == [
        (bare.line, "abbreviation-first-use", "c001-acm",
         'first use of 同盟調整メカニズム: spell out "ACM" as "Alliance Coordination Mechanism (ACM)"')]
    problem = next(p for _, p in TermChecker(GLOSSARY).first_use([bare]))
    assert bare.target[slice(*problem.target_span)] == "ACM"
    assert bare.source[slice(*problem.source_span)] == problem.term == "同盟調整メカニズム"


def test_the_acronym_first_and_the_full_form_after_it_is_reported():
    reversed_ = entry(FIRST_ACM, good(FIRST_ACM).replace("Alliance Coordination Mechanism (ACM)",
                                                         "ACM (Alliance Coordination Mechanism)"))
    assert [f[2] for f in first_uses([reversed_])] == ["c001-acm"]


def test_a_spelled_out_first_use_must_introduce_an_acronym_used_later():
    first = entry("同メカニズムでは、図表II-4-2-3", good("同メカニズムでは、図表II-4-2-3").replace(
        "Self-Defense Forces (SDF)", "Self-Defense Forces"))
    later = entry("例えば、国内で大規模災害", good("例えば、国内で大規模災害"))
    assert first_uses([first, later]) == [
        (first.line, "abbreviation-first-use", "c013-sdf",
         f'first use of 自衛隊: introduce "SDF" (used at line {later.line}) as "Self-Defense Forces (SDF)"')]
    problem = next(p for _, p in TermChecker(GLOSSARY).first_use([first, later]))
    assert first.target[slice(*problem.target_span)] == "Self-Defense Forces"
    # without the later use there is nothing to introduce
    assert first_uses([first]) == []


def test_a_name_never_abbreviated_needs_no_acronym():
    navy = entry("海自と米海軍は", good("海自と米海軍は"))
    assert "U.S. Navy" in navy.target and "USN" not in navy.target
    assert first_uses([navy, entry("同年11月には、海自は", good("同年11月には、海自は"))]) == []


def test_headings_and_captions_do_not_count_as_first_use():
    heading = entry("(1)同盟調整メカニズムの設置", "(1) Establishment of the ACM")
    assert heading.roles == ("heading",)
    assert first_uses([heading, entry(FIRST_ACM, good(FIRST_ACM)), entry(LATER_ACM, good(LATER_ACM))]) == []


def test_first_use_starts_again_in_every_po_file():
    other = "translations/en/another_document.po"
    items = [entry(FIRST_ACM, good(FIRST_ACM)), entry(LATER_ACM, good(LATER_ACM)),
             entry(LATER_ACM, good(LATER_ACM), path=other)]
    assert [(e.path, p.concept) for e, p in TermChecker(GLOSSARY).first_use(items)] == [(other, "c001-acm")]


def test_an_untranslated_first_use_is_not_held_against_later_entries():
    assert first_uses([entry(FIRST_ACM, ""), entry(LATER_ACM, good(LATER_ACM))]) == []


def test_first_use_finds_the_same_after_check_has_seen_the_entries():
    items = [entry("同メカニズムでは、図表II-4-2-3", good("同メカニズムでは、図表II-4-2-3").replace(
                 "Self-Defense Forces (SDF)", "Self-Defense Forces")),
             entry(FIRST_ACM, good(FIRST_ACM).replace("Alliance Coordination Mechanism (ACM)", "ACM")),
             entry("例えば、国内で大規模災害", good("例えば、国内で大規模災害"))]
    alone = first_uses(items)
    checker = TermChecker(GLOSSARY)
    for item in items:
        list(checker.check(item))
    after_check = [(e.line, p.concept) for e, p in checker.first_use(items)]
    assert after_check == [(line, concept) for line, _, concept, _ in alone]
    assert sorted(concept for _, _, concept, _ in alone) == ["c001-acm", "c013-sdf"]


@pytest.mark.parametrize("written", ["\uff33\uff24\uff26", '"SDF"', "SDF4"])
def test_a_later_acronym_is_found_however_it_is_written(written):
    # full width, in quotation marks, glued to a footnote marker (the entry is given marker 4 here)
    first = entry("同メカニズムでは、図表II-4-2-3", good("同メカニズムでは、図表II-4-2-3").replace(
        "Self-Defense Forces (SDF)", "Self-Defense Forces"))
    later = dataclasses.replace(entry("例えば、国内で大規模災害", good("例えば、国内で大規模災害").replace("SDF", written)),
                                markers=(4,))
    assert [(e.line, p.concept) for e, p in TermChecker(GLOSSARY).first_use([first, later])] == [
        (first.line, "c013-sdf")]
    spaced = dataclasses.replace(later, target=later.target.replace(written, "S D F"))
    assert list(TermChecker(GLOSSARY).first_use([first, spaced])) == []


def test_first_use_is_a_warning_and_the_term_checks_are_errors():
    assert CHECKS["abbreviation-first-use"].severity == "warning"
    assert CHECKS["term-missing"].severity == CHECKS["term-forbidden"].severity == "error"


# -- properties over the whole glossary

TERMED = [c for c in GLOSSARY if c.terms_in("ja") and c.accepted("en")]
FILLER = ["the", "two", "countries", "further", "strengthened", "their", "cooperation", "through", "various",
          "activities", "since", "November", "with", "regional", "partners", "in", "peacetime", "and",
          "contingencies"]


def _source_with(concept) -> str:
    return f"これは{concept.terms_in('ja')[0].text}に関する記述である。"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TERMED), st.data(), st.lists(st.sampled_from(FILLER), max_size=8),
       st.lists(st.sampled_from(FILLER), max_size=8))
def test_any_accepted_rendering_satisfies_the_concept_and_nothing_is_forbidden(concept, data, before, after):
    source = _source_with(concept)
    assume([m.concept.id for m in CHECKER.source_terms.find(source)] == [concept.id])
    rendering = data.draw(st.sampled_from([concept.rendering("en")] + [t.text for t in concept.accepted("en")]))
    target = " ".join([*before, rendering, *after]) + "."
    assert list(CHECKER.check(Entry("x.po", 1, source, target))) == []


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TERMED), st.lists(st.sampled_from(FILLER), min_size=1, max_size=12))
def test_a_translation_without_any_rendering_is_reported_once(concept, words):
    source = _source_with(concept)
    assume([m.concept.id for m in CHECKER.source_terms.find(source)] == [concept.id])
    stems = {w.lower()[:5] for t in concept.terms_in("en") for w in t.text.replace("-", " ").split()}
    target = " ".join(w for w in words if w.lower()[:5] not in stems) + "."   # no word of any of its terms
    assert [(p.check, p.concept) for p in CHECKER.check(Entry("x.po", 1, source, target))] == [
        ("term-missing", concept.id)]


def test_every_forbidden_term_of_the_glossary_is_reported_where_its_concept_is_in_the_source():
    for concept in TERMED:
        source = _source_with(concept)
        if [m.concept.id for m in CHECKER.source_terms.find(source)] != [concept.id]:
            continue
        for term in concept.forbidden("en"):
            target = f"This is about the {term.text} in the region."
            problems = [(p.check, p.concept, target[slice(*p.target_span)])
                        for p in CHECKER.check(Entry("x.po", 1, source, target))]
            assert problems == [("term-forbidden", concept.id, term.text)], (concept.id, term.text)


# -- footnote markers glued to terms in the translation

ACSA = "日米が協力する機会の増加に伴い"


def test_a_footnote_marker_glued_to_a_term_does_not_hide_it():
    target = ("As opportunities for Japan-U.S. cooperation have increased, cooperation between the two countries has "
              "also steadily progressed in logistics support under the Japan-U.S. Acquisition and Cross-Servicing "
              "Agreement2, which was concluded in 1996 and amended in 1999 and 2004.")
    item = entry(ACSA, target)
    assert item.markers == (2,)
    assert target_text(item).text == target.replace("Agreement2", "Agreement ")   # 1996 and 2004 stay
    assert findings(item) == []
    unmarked = dataclasses.replace(item, markers=())
    assert [f[:2] for f in findings(unmarked)] == [("term-missing", "c039-acsa")]


def _blank_by_regex(text: str, markers: set[str]) -> str:
    """The rule as one regular expression: a whole number right after a letter, ")" or "." that is a marker."""
    return re.sub(r"(?<=[^\W\d_]|[).])\d+(?!\d)", lambda m: " " * len(m.group()) if m.group() in markers else m.group(),
                  text)


@given(st.lists(st.sampled_from(["a", "Z", "2", "12", "21", ")", ".", "_", " ", "-", "\uff12", "\u2460", "\u00e9"]),
                max_size=20).map("".join),
       st.sets(st.integers(1, 21), min_size=1, max_size=3))
def test_glued_markers_are_blanked_as_the_regular_expression_says(text, markers):
    item = Entry(PO_PATH, 1, "源", text, markers=tuple(markers))
    assert target_text(item).original == _blank_by_regex(text, {str(number) for number in markers})
