"""number-mismatch, era-year-mismatch, latin-token-missing and crossref-mismatch on the real source's sentences.

Every translation here was written for this test from the Japanese; the
broken ones change one thing a reviewer would catch (a year, a designator,
a section number) and each test says which finding that must give.
"""

from __future__ import annotations

import dataclasses

import polib
import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from yakugo.catalog import footnote_markers
from yakugo.checks.model import Entry, Problem
from yakugo.checks.numbers import check_numbers
from yakugo.numbers import describe, read_japanese

PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"
CHECKS = ("number-mismatch", "era-year-mismatch", "latin-token-missing", "crossref-mismatch")


def _po_entries() -> list[polib.POEntry]:
    return [item for item in polib.pofile(str(PO)) if item.msgid and not item.obsolete]


ENTRIES = _po_entries()


def real(fragment: str) -> Entry:
    """The one PO entry whose msgid contains ``fragment``, with its recorded footnote markers, untranslated."""
    found = [item for item in ENTRIES if item.msgid == fragment] or [item for item in ENTRIES if fragment in item.msgid]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} entries"
    item = found[0]
    return Entry(path=str(PO), line=item.linenum, source=item.msgid, target="",
                 markers=tuple(note.number for note in footnote_markers(item)))


def found(fragment: str, translation: str) -> list[Problem]:
    """What the checks find in ``translation`` of the real entry containing ``fragment``."""
    return list(check_numbers(dataclasses.replace(real(fragment), target=translation)))


def problems(fragment: str, translation: str) -> list[tuple[str, str]]:
    return [(problem.check, problem.message) for problem in found(fragment, translation)]


# Correct translations of every sentence of the source that has a number, a Latin token or a reference,
# and of sentences whose kanji numerals (一層, 一方, 三か国, 二国間, 一環) are not numbers.
GOOD = {
    "第II部 わが国": "Part II Japan's Security and Defense Policy and the Japan-U.S. Alliance",
    "3 同盟強化の主な取組": "3 Major Initiatives for Strengthening the Alliance",
    "情報収集・警戒監視・偵察(ISR)活動、防空":
        "The Guidelines specify that, for the \"seamless assurance of Japan's peace and security,\" the two "
        "countries will take measures including intelligence, surveillance and reconnaissance (ISR) activities, "
        "air and missile defense, maritime security, and joint training and exercises, and will cooperate in "
        "responding to large-scale disasters in Japan.",
    "三か国及び多国間協力を推進":
        "They also specify, as \"cooperation for regional and global peace and security,\" that the two countries "
        "will cooperate in international activities, promote and strengthen trilateral and multilateral "
        "cooperation, cooperate on space and cyberspace as new strategic domains, and develop and strengthen "
        "\"bilateral enterprise\" such as defense equipment and technology cooperation as a foundation for further "
        "improving the effectiveness of Japan-U.S. cooperation.",
    "1 同盟内の調整の強化": "1 Strengthening Coordination within the Alliance",
    "(1)同盟調整メカニズムの設置": "(1) Establishment of the Alliance Coordination Mechanism",
    "同盟調整メカニズム(ACM:Alliance":
        "In November 2015, based on the Guidelines, the two governments established the Alliance Coordination "
        "Mechanism (ACM) to respond seamlessly and effectively to situations affecting Japan's peace and security "
        "and to any other situation that may require an Alliance response.",
    "図表II-4-2-3に示す構成":
        "Under the structure shown in Fig. II-4-2-3, the Mechanism coordinates the policy and operational aspects "
        "of activities conducted by the SDF and the U.S. Forces in all phases from peacetime to contingencies, and "
        "provides for timely information sharing and for developing and maintaining a common situational awareness.",
    "その特徴は、①平時から":
        "Its features are that (1) it is available from peacetime, (2) it can be used for large-scale disasters in "
        "Japan and for regional and global cooperation in the Asia-Pacific, and (3) it enables whole-of-government "
        "coordination involving the relevant Japanese and U.S. agencies; with these features, the two governments "
        "have become able to respond promptly and appropriately whenever coordination is needed.",
    "平成28年(2016年)熊本地震、北朝鮮":
        "Since its establishment, Japan and the United States have worked in close cooperation, also using the "
        "Mechanism, on matters such as the 2016 Kumamoto Earthquake, North Korea's ballistic missile launches and "
        "China's activities in the sea and airspace around the Senkaku Islands.",
    "参照図表II-4-2-3": "See Fig. II-4-2-3 (Framework of the Alliance Coordination Mechanism (ACM))",
    "図表II-4-2-3 同盟": "Fig. II-4-2-3 Framework of the Alliance Coordination Mechanism (ACM)",
    "(2)運用面の調整の強化": "(2) Enhancing Operational Coordination",
    "(3)共同計画策定メカニズムの設置": "(3) Establishment of the Bilateral Planning Mechanism",
    "共同計画策定メカニズム(BPM:Bilateral":
        "In November 2015, based on the Guidelines, the two governments established the Bilateral Planning "
        "Mechanism (BPM) to conduct bilateral planning in peacetime in accordance with the Guidelines, so as to "
        "enable effective bilateral responses to contingencies relevant to Japan's peace and security.",
    "参照図表II-4-2-4": "See Fig. II-4-2-4 (Framework of the Bilateral Planning Mechanism (BPM))",
    "図表II-4-2-4 共同": "Fig. II-4-2-4 Framework of the Bilateral Planning Mechanism (BPM)",
    "2 日本の平和及び安全": "2 Measures for the Seamless Assurance of Japan's Peace and Security",
    "(1)情報収集・警戒監視・偵察(ISR)活動": "(1) Intelligence, Surveillance and Reconnaissance (ISR) Activities",
    "ISR作業部会を13(平成25)年2月":
        "With regard to bilateral intelligence, surveillance and reconnaissance (ISR) activities, from the viewpoint "
        "that Japan and the United States should cooperate in conducting ISR activities widely in the Asia-Pacific "
        "region to raise the efficiency and effectiveness of their activities, an ISR working group headed by "
        "director-level officials of the two defense authorities was established in February 2013, further "
        "deepening bilateral cooperation.",
    "このような共同のISR活動の拡大":
        "Such expansion of bilateral ISR activities serves as a deterrent, secures information superiority over "
        "other countries, and builds a posture of seamless cooperation from peacetime through various situations.",
    "(2)ミサイル防衛": "(2) Missile Defense",
    "SM-3ブロックIIA":
        "In terms of equipment, Japan and the United States are also jointly developing the SM-3 Block IIA "
        "advanced interceptor for ballistic missile defense.",
    "参照III部1章2節3項": "See Part III, Chapter 1, Section 2-3 (Response to Ballistic Missile Attacks)",
    "(3)海洋安全保障": "(3) Maritime Security",
    "海洋監視情報の共有体制":
        "Under the Guidelines, the two governments are to cooperate on maritime security, for example by further "
        "building and strengthening the sharing of maritime surveillance information from peacetime and, where "
        "appropriate, maintaining and strengthening their maritime presence through ISR activities and training "
        "and exercises.",
    "(4)共同訓練・演習": "(4) Bilateral Training and Exercises",
    "平成29年度海上自衛隊演習(実動演習":
        "A meeting during the JMSDF Exercise in FY2017 (field training exercise (Japan-U.S. bilateral exercise and "
        "Japan-U.S.-Canada joint training))",
    "平成29年度海上自衛隊演習": "A meeting during the JMSDF Exercise in FY2017",
    "昭和60(1985)年度以降":
        "Since FY1985, Japan and the United States have conducted command post exercises and field training "
        "exercises as Japan-U.S. bilateral joint exercises almost every year; in 2018, a command post exercise was "
        "conducted from January to February at the MOD Ichigaya district and elsewhere.",
    "17(平成29)年5月及び6月":
        "In May and June 2017, Japanese and U.S. vessels, including the destroyer \"Izumo,\" conducted Japan-U.S. "
        "bilateral cruise training in the South China Sea.",
    "17(平成29)年9月から10月に":
        "Moreover, as joint training in the sea and airspace around Japan, the JMSDF conducted Japan-U.S. "
        "bilateral cruise training with the U.S. Navy aircraft carrier \"Ronald Reagan\" and other vessels from "
        "September to October 2017, in the sea and airspace from around Okinawa to around the Bashi Channel.",
    "3つの空母打撃群":
        "In November of the same year, the JMSDF conducted joint training in the Sea of Japan for the first time "
        "with three carrier strike groups built around the U.S. Navy aircraft carriers \"Ronald Reagan,\" "
        "\"Nimitz\" and \"Theodore Roosevelt.\"",
    "F/A-18戦闘機":
        "Along with this, from October to November of the same year, the JMSDF conducted Japan-U.S. bilateral "
        "cruise training with these carrier strike groups in the Sea of Japan, the East China Sea and the sea and "
        "airspace around Okinawa, and the JASDF conducted tactical training with F/A-18 fighters, the carrier-based "
        "aircraft of the \"Ronald Reagan\" and the \"Nimitz.\"",
    "18(平成30)年3月にも":
        "In March 2018 as well, the JMSDF conducted Japan-U.S. bilateral cruise training with the U.S. Navy "
        "aircraft carrier \"Carl Vinson\" and other vessels in the sea and airspace from the northern South China "
        "Sea to around Okinawa.",
    "B-1B爆撃機":
        "With the U.S. Air Force as well, the JASDF conducted training on multiple occasions in the airspace west "
        "of Kyushu and around Okinawa with U.S. Air Force B-1B bombers, B-52 bombers, U.S. Marine Corps F-35Bs "
        "and others.",
    "一層強化し":
        "As a result of conducting these bilateral exercises, Japan-U.S. coordination has been strengthened, and "
        "demonstrating this bond, at a time when Japan's security environment is growing more severe, further "
        "strengthens the deterrence and response capabilities of the Japan-U.S. Alliance as a whole and shows "
        "Japan's will and high capability to contribute to regional stability.",
    "参照資料22": "See Reference 22 (Record of Major Japan-U.S. Bilateral Exercises (FY2017))",
    "(5)後方支援": "(5) Logistics Support",
    "1996(平成8)年に締結":
        "As opportunities for Japan-U.S. cooperation have increased, cooperation has also progressed steadily in "
        "logistics support under the Japan-U.S. Acquisition and Cross-Servicing Agreement (ACSA)2, concluded in "
        "1996 and revised in 1999 and 2004.",
    "基本原則としている3":
        "This Agreement aims to contribute to the smooth and effective operation of the Japan-U.S. Security Treaty "
        "and to active efforts for international peace centered on the United Nations, and its basic principle is "
        "that when either the SDF or the U.S. Forces requests supplies or services in situations such as joint "
        "training in peacetime, disaster relief, international peace cooperation, international disaster relief, "
        "situations in areas surrounding Japan and armed attack situations, the other may provide them.3",
    "「2+2」":
        "Moreover, at the \"2+2\" meeting in April 2015, the two countries confirmed that they would "
        "expeditiously negotiate an Acquisition and Cross-Servicing Agreement to implement the reciprocal "
        "logistics support envisioned by the Guidelines.",
    "同月25日に発効":
        "Subsequently, following the enactment of the Legislation for Peace and Security in September 2015, the "
        "new Japan-U.S. ACSA was signed in September 2016, approved by the Diet on April 14, 2017, and entered "
        "into force on April 25.",
    "17(平成29)年12月までの間":
        "As a result, the framework of the settlement procedures under the existing Japan-U.S. ACSA can now be "
        "applied to the supplies and services made possible by the Legislation for Peace and Security, and by "
        "December 2017 Japan had provided food and fuel to U.S. forces engaged in activities such as intelligence "
        "gathering.",
    "参照3章2節3項8": "See Chapter 3, Section 2-3-8 (Expanded Provision of Supplies and Services to the U.S. Forces)",
    "3章3節4項": "Chapter 3, Section 3-4 (Conclusion of the New Japan-U.S. Acquisition and Cross-Servicing Agreement "
               "(ACSA) and Others)",
    "図表II-4-2-5(": "Fig. II-4-2-5 (Japan-U.S. Acquisition and Cross-Servicing Agreement (ACSA))",
    "図表II-4-2-5 ": "Fig. II-4-2-5 Japan-U.S. Acquisition and Cross-Servicing Agreement (ACSA)",
    "(6)共同使用": "(6) Joint Use",
    "ISR活動の範囲や活動量":
        "Expanding the joint use of facilities and areas also means more bases for SDF activities, such as "
        "training areas, ports and airfields, which makes Japan-U.S. training and exercises more diverse and "
        "efficient and expands the scope and volume of ISR activities.",
    "08(平成20)年3月": "For example, the JGSDF has been using Camp Hansen for training since March 2008.",
    "12(平成24)年4月の空自":
        "In addition, the JASDF Air Defense Command Headquarters relocated to Yokota in April 2012, and the JGSDF "
        "Central Readiness Force Headquarters (at that time) relocated to Zama in March 2013.",
    "13(平成25)年12月及び14(平成26)年6月から7月":
        "Furthermore, in December 2013 and from June to July 2014, the JMSDF conducted training at sea and "
        "training in the use of facilities in Guam with the cooperation of the U.S. Navy, and training areas for "
        "joint use by the SDF and the U.S. Forces are to be developed in Guam and the Commonwealth of the Northern "
        "Mariana Islands (Tinian and Pagan).",
    "3 わが国における大規模災害": "3 Cooperation in Responding to Large-Scale Disasters in Japan",
    "1万6,000人":
        "At its peak, the U.S. Forces deployed approximately 16,000 personnel, approximately 15 ships and "
        "approximately 140 aircraft, carrying out support on an unprecedented scale that contributed greatly to "
        "Japan's recovery and reconstruction and deepened the trust and gratitude of the disaster victims and many "
        "other people toward the U.S. Forces in Japan.",
    "一方で、国内災害":
        "On the other hand, challenges also became clear, such as clarifying the roles, missions and capabilities "
        "of Japan and the United States in domestic disasters, making joint procedures concrete through greater "
        "U.S. participation in disaster prevention drills, and the form of a mechanism for information sharing and "
        "effective coordination.",
    "南海トラフ巨大地震":
        "In light of these challenges, Japan-U.S. joint response procedures were included in the response plan "
        "for a massive Nankai Trough earthquake drawn up in December 2013, and in February 2014 a Japan-U.S. joint "
        "integrated disaster prevention drill assuming a Nankai Trough earthquake was conducted in Kochi Prefecture.",
    "みちのくALERT2014":
        "In addition, U.S. Forces Japan took part in the tsunami response drill hosted by Wakayama Prefecture in "
        "October of the same year and in the \"Michinoku ALERT 2014\" earthquake response exercise hosted by the "
        "JGSDF Northeastern Army in November, as part of efforts to further strengthen coordination between the "
        "SDF and the U.S. Forces in disaster response.",
    "オスプレイ(MV-22)":
        "In the 2016 Kumamoto Earthquake, cooperation such as the transport of relief supplies by U.S. Marine "
        "Corps Ospreys (MV-22) and of SDF personnel by C-130 transport aircraft took place, and the Alliance "
        "Coordination Mechanism was used, including the Japan-U.S. Joint Coordination Center set up on site by the "
        "joint task force organized for the earthquake response.",
    "4 地域の及びグローバル": "4 Cooperation for Regional and Global Peace and Security",
    "(1)国際的な活動における協力": "(1) Cooperation in International Activities",
    "台風被害":
        "When a typhoon struck the Philippines in November 2013, Japan and the United States coordinated with "
        "each other at the local multinational coordination center and responded in close cooperation.",
    "エボラ出血熱":
        "Furthermore, in response to the Ebola virus disease, Japan dispatched a liaison officer to U.S. Africa "
        "Command headquarters from October 2014 to coordinate and gather information with the United States and "
        "other countries concerned.",
    "第151連合任務部隊":
        "With regard to maritime security, Japan and the United States, as maritime nations, are working to "
        "maintain and develop \"Open and Stable Seas\" based on fundamental rules such as freedom and safety of "
        "navigation and the rule of law, including the peaceful settlement of disputes in accordance with "
        "international law, and cooperate closely in various multilateral maritime security efforts with coastal "
        "states along sea lanes and others, such as participation in Combined Task Force 151 (CTF-151) for "
        "counter-piracy since December 2013 and the Proliferation Security Initiative (PSI)4 interdiction exercise "
        "Pacific Protector 17 hosted by Australia in September 2017.",
    "参照III部2章2節": "See Part III, Chapter 2, Section 2 (Ensuring Maritime Security)",
    "III部2章4節2項(大量破壊兵器":
        "Part III, Chapter 2, Section 4-2 (International Efforts for the Non-Proliferation of Weapons of Mass "
        "Destruction)",
    "(2)三か国及び多国間": "(2) Trilateral and Multilateral Training and Exercises",
    "日米二国間による訓練":
        "Under the Guidelines, Japan and the United States are to promote and strengthen trilateral and "
        "multilateral security and defense cooperation, and the SDF takes part not only in Japan-U.S. bilateral "
        "training and exercises but also in multilateral joint training such as Japan-U.S.-Australia, "
        "Japan-U.S.-India and Japan-U.S.-ROK training.",
    "5 宇宙及びサイバー空間": "5 Cooperation in Space and Cyberspace",
    "(1)宇宙に関する協力": "(1) Cooperation in Space",
    "第1回日米宇宙協議":
        "As for cooperation in space, following the agreement at the Japan-U.S. summit meeting in November 2009 to "
        "promote security cooperation in space as part of deepening the Japan-U.S. Alliance, the first Japan-U.S. "
        "Space Security Dialogue was held in September 2010 with the participation of the relevant ministries, "
        "and consultations on the future of Japan-U.S. cooperation are held regularly.",
    "第1回包括的日米対話":
        "In addition, following the agreement at the Japan-U.S. summit meeting in April 2012 to deepen the "
        "partnership on civil and security space and to launch a comprehensive dialogue on space, the 1st "
        "Comprehensive Dialogue on Space was held in March 2013 with the participation of the relevant ministries, "
        "and the two countries regularly exchange information on their space policies and discuss future "
        "cooperation.",
    "計4回の会合":
        "Furthermore, based on the instructions given at the Japan-U.S. Defense Ministerial Meeting in April 2015, "
        "the \"Space Cooperation Working Group (SCWG)\" was established to further promote cooperation between the "
        "two defense authorities in space, and it has met four times since October of that year (most recently in "
        "February 2018).",
    "①宇宙に関する政策的な協議":
        "Using this working group, the two sides will continue to advance studies in a wide range of areas, such "
        "as (1) promoting policy consultations on space, (2) closer information sharing, (3) cooperation for "
        "developing and securing experts, and (4) conducting tabletop exercises.",
    "(2)サイバー空間に関する協力": "(2) Cooperation in Cyberspace",
    "(CDPWG:Cyber":
        "As for cooperation in cyberspace, the \"Japan-U.S. Cyber Defense Policy Working Group (CDPWG)\" was "
        "established in October 2013 as a framework between the defense authorities, and it conducts expert and "
        "concrete studies in a wide range of areas, including information sharing at the policy level, human "
        "resource development and technical cooperation.",
    "同年5月にはCDPWG共同声明":
        "The Guidelines were released in April 2015 and the CDPWG Joint Statement in May of the same year; as "
        "cooperation between the two governments they list a prompt and appropriate information-sharing posture "
        "and the protection of critical infrastructure on which the SDF and the U.S. Forces depend for their "
        "missions, and as cooperation between the SDF and the U.S. Forces the resiliency of their networks and "
        "systems, educational exchanges and joint exercises.",
    "ガイドラインやCDPWGの共同声明":
        "Japan and the United States will further accelerate their cyber defense cooperation in the directions "
        "set out in the Guidelines and the CDPWG Joint Statement.",
    "6 協力の実効性": "6 Initiatives to Further Improve the Effectiveness of Cooperation",
    "(1)防衛装備・技術協力": "(1) Defense Equipment and Technology Cooperation",
    "1983(昭和58)年":
        "Furthermore, in light of the progress of Japan-U.S. technological cooperation and of technology levels, "
        "Japan decided to provide military technologies to the United States notwithstanding the Three Principles "
        "on Arms Exports and other rules, concluded the \"Exchange of Notes concerning the Transfer of Military "
        "Technologies to the United States of America\"5 in 1983, and in 2006 concluded the \"Exchange of Notes "
        "concerning the Transfer of Arms and Military Technologies to the United States of America\"6, which "
        "replaced it.",
    "20件の武器":
        "Under these frameworks, Japan has decided to transfer 20 items of arms and military technologies to the "
        "United States, including military technologies related to joint technological research on ballistic "
        "missile defense.",
    "S&TF":
        "Moreover, Japan and the United States hold consultations at fora such as the Systems and Technology Forum "
        "(S&TF) and carry out joint research and development on the specific projects agreed upon.",
    "RDP MOU":
        "Furthermore, at the Japan-U.S. Defense Ministerial Meeting in June 2016, the two ministers signed the "
        "\"Reciprocal Defense Procurement Memorandum of Understanding (RDP MOU)\"7.",
    "MV-22(24機)":
        "Initiatives concerning a common maintenance base for the MV-22s (24 aircraft) deployed at Marine Corps "
        "Air Station Futenma and the Ospreys8 to be introduced by the JGSDF, and the regional depot for F-35 "
        "fighters in the Asia-Pacific region, are as described in Part III, Chapter 4, Section 4-2 (Deepening "
        "Defense Equipment and Technology Cooperation with the United States).",
    "参照資料23": "See Reference 23 (Japan-U.S. Joint Research and Development Projects)",
    "(2)教育・研究交流": "(2) Educational and Research Exchanges",
    "参照資料42": "See Reference 42 (Acceptance of International Students (Number of New Students in FY2017))",
    "資料43": "Reference 43 (Multilateral Security Dialogues Hosted by the Ministry of Defense)",
    "資料44": "Reference 44 (Other Security Dialogues between Countries)",
    "脚注4参照": "See Part III, Chapter 2, Section 4-2, Footnote 4",
    "Memorandum of Understanding between":
        "Official title: Memorandum of Understanding between the Department of Defense of the United States of "
        "America and the Ministry of Defense of Japan concerning Reciprocal Defense Procurement",
    "CH-47JA":
        "To respond to attacks on islands, the JGSDF plans to introduce 17 tilt-rotor aircraft (Ospreys (V-22)), "
        "which can complement and strengthen the capabilities of its transport helicopters (CH-47JA), during the "
        "current Mid-Term Defense Program (the five years from FY2014 to FY2018).",
}


@pytest.mark.parametrize("fragment", list(GOOD))
def test_a_correct_translation_of_the_real_source_is_left_alone(fragment):
    assert problems(fragment, GOOD[fragment]) == []


def test_every_real_sentence_with_a_number_token_or_reference_has_a_correct_translation_above():
    covered = {real(fragment).source for fragment in GOOD}
    for item in ENTRIES:
        reading = read_japanese(item.msgid, tuple(note.number for note in footnote_markers(item)))
        if reading.numbers or reading.tokens or reading.references:
            assert item.msgid in covered, item.msgid


# The numbers of every sentence of the real source that has any, worked out by hand from the Japanese
# (平成 n = 1988 + n, 昭和 n = 1925 + n); every other sentence must have none.
SOURCE_NUMBERS = {
    "3 同盟強化の主な取組": ["3"], "1 同盟内の調整の強化": ["1"], "(1)同盟調整メカニズムの設置": ["1"],
    "同盟調整メカニズム(ACM:Alliance": ["2015", "November"],
    "その特徴は、①平時から": ["1", "2", "3"],
    "平成28年(2016年)熊本地震、北朝鮮": ["2016"],
    "(2)運用面の調整の強化": ["2"], "(3)共同計画策定メカニズムの設置": ["3"],
    "共同計画策定メカニズム(BPM:Bilateral": ["2015", "November"],
    "2 日本の平和及び安全": ["2"], "(1)情報収集・警戒監視・偵察(ISR)活動": ["1"],
    "ISR作業部会を13(平成25)年2月": ["2013", "February"],
    "(2)ミサイル防衛": ["2"], "(3)海洋安全保障": ["3"], "(4)共同訓練・演習": ["4"],
    "平成29年度海上自衛隊演習(実動演習": ["FY2017"], "平成29年度海上自衛隊演習": ["FY2017"],
    "昭和60(1985)年度以降": ["FY1985", "2018", "January", "February"],
    "17(平成29)年5月及び6月": ["2017", "May", "June"],
    "17(平成29)年9月から10月に": ["2017", "September", "October"],
    "3つの空母打撃群": ["November", "3"],
    "F/A-18戦闘機": ["October", "November"],
    "18(平成30)年3月にも": ["2018", "March"],
    "参照資料22": ["FY2017"],
    "(5)後方支援": ["5"],
    "1996(平成8)年に締結": ["1996", "1999", "2004"],
    "「2+2」": ["2015", "April"],
    "同月25日に発効": ["2015", "September", "2016", "September", "2017", "April", "14", "25"],
    "17(平成29)年12月までの間": ["2017", "December"],
    "(6)共同使用": ["6"],
    "08(平成20)年3月": ["2008", "March"],
    "12(平成24)年4月の空自": ["2012", "April", "2013", "March"],
    "13(平成25)年12月及び14(平成26)年6月から7月": ["2013", "December", "2014", "June", "July"],
    "3 わが国における大規模災害": ["3"],
    "1万6,000人": ["16,000", "15", "140"],
    "南海トラフ巨大地震": ["2013", "December", "2014", "February"],
    "みちのくALERT2014": ["October", "November"],
    "オスプレイ(MV-22)": ["2016"],
    "4 地域の及びグローバル": ["4"], "(1)国際的な活動における協力": ["1"],
    "台風被害": ["2013", "November"],
    "エボラ出血熱": ["2014", "October"],
    "第151連合任務部隊": ["2013", "December", "151", "151", "2017", "September", "17"],
    "(2)三か国及び多国間": ["2"], "5 宇宙及びサイバー空間": ["5"], "(1)宇宙に関する協力": ["1"],
    "第1回日米宇宙協議": ["2009", "November", "2010", "September", "1"],
    "第1回包括的日米対話": ["2012", "April", "2013", "March", "1"],
    "計4回の会合": ["2015", "April", "October", "4", "2018", "February"],
    "①宇宙に関する政策的な協議": ["1", "2", "3", "4"],
    "(2)サイバー空間に関する協力": ["2"],
    "(CDPWG:Cyber": ["2013", "October"],
    "同年5月にはCDPWG共同声明": ["2015", "April", "May"],
    "6 協力の実効性": ["6"], "(1)防衛装備・技術協力": ["1"],
    "1983(昭和58)年": ["1983", "2006"],
    "20件の武器": ["20"],
    "RDP MOU": ["2016", "June"],
    "MV-22(24機)": ["24"],
    "(2)教育・研究交流": ["2"],
    "参照資料42": ["FY2017"],
    "CH-47JA": ["FY2014", "FY2018", "5", "17"],
}


def test_every_real_sentence_reads_as_worked_out_by_hand():
    expected = {real(fragment).source: numbers for fragment, numbers in SOURCE_NUMBERS.items()}
    for item in ENTRIES:
        reading = read_japanese(item.msgid, tuple(note.number for note in footnote_markers(item)))
        assert [describe(number.keys[0]) for number in reading.numbers] == expected.get(item.msgid, []), item.msgid


# ---- number-mismatch --------------------------------------------------------------

def test_a_wrong_year_is_reported_with_both_values_and_both_spans():
    wrong = GOOD["同盟調整メカニズム(ACM:Alliance"].replace("2015", "2016")
    [problem] = found("同盟調整メカニズム(ACM:Alliance", wrong)
    assert problem.check == "number-mismatch"
    assert problem.message == "the source has 2015 (15(平成27)年), the translation has 2016"
    source = real("同盟調整メカニズム(ACM:Alliance").source
    assert source[slice(*problem.source_span)] == "15(平成27)年"
    assert wrong[slice(*problem.target_span)] == "2016"


def test_a_wrong_month_is_reported_as_a_month():
    wrong = GOOD["同盟調整メカニズム(ACM:Alliance"].replace("November", "December")
    assert problems("同盟調整メカニズム(ACM:Alliance", wrong) == [
        ("number-mismatch", "the source has November (11月), the translation has December")]


def test_a_wrong_quantity_and_a_dropped_quantity_are_both_reported():
    wrong = GOOD["1万6,000人"].replace("16,000", "1,600").replace("approximately 140 aircraft", "aircraft")
    assert problems("1万6,000人", wrong) == [
        ("number-mismatch", "the source has 16,000 (1万6,000人), the translation has 1,600"),
        ("number-mismatch", "the source has 140 (140機), the translation does not")]


def test_a_quantity_the_translation_repeats_does_not_stand_for_another_quantity():
    wrong = GOOD["1万6,000人"].replace("approximately 140 aircraft", "approximately 15 aircraft")
    assert problems("1万6,000人", wrong) == [("number-mismatch", "the source has 140 (140機), the translation does not")]


def test_a_number_word_satisfies_a_count_but_a_wrong_word_does_not():
    assert problems("計4回の会合", GOOD["計4回の会合"]) == []
    wrong = GOOD["計4回の会合"].replace("four times", "three times")
    assert problems("計4回の会合", wrong) == [("number-mismatch", "the source has 4 (4回), the translation does not")]


def test_a_day_given_wrongly_is_reported():
    wrong = GOOD["同月25日に発効"].replace("April 14", "April 15")
    assert problems("同月25日に発効", wrong) == [("number-mismatch", "the source has 14 (14日), the translation has 15")]


def test_a_day_given_as_an_ordinal_is_accepted():
    ordinal = GOOD["同月25日に発効"].replace("on April 25", "on the 25th of that month")
    assert problems("同月25日に発効", ordinal) == []


def test_a_fiscal_year_given_as_a_calendar_year_is_reported():
    wrong = GOOD["CH-47JA"].replace("from FY2014 to FY2018", "from 2014 to FY2018")
    assert problems("CH-47JA", wrong) == [
        ("number-mismatch", "the source has FY2014 (平成26(2014)年度), the translation has 2014")]


@pytest.mark.parametrize("fiscal", ["FY2014-2018", "FY2014-18", "fiscal 2014 to 2018", "FY2014 through FY2018",
                                    "fiscal years 2014-2018"])
def test_fiscal_year_ranges_are_read_both_ends(fiscal):
    translation = GOOD["CH-47JA"].replace("from FY2014 to FY2018", fiscal)
    assert problems("CH-47JA", translation) == []


def test_a_missing_list_item_is_reported():
    wrong = GOOD["①宇宙に関する政策的な協議"].replace("(4) conducting", "(3) conducting")
    assert problems("①宇宙に関する政策的な協議", wrong) == [
        ("number-mismatch", "the source has 4 (④), the translation does not")]


def test_an_ordinal_needs_its_number():
    wrong = GOOD["第1回日米宇宙協議"].replace("the first Japan-U.S.", "the second Japan-U.S.")
    assert problems("第1回日米宇宙協議", wrong) == [
        ("number-mismatch", "the source has 1 (第1回), the translation does not")]


def test_a_number_added_to_a_sentence_without_numbers_is_reported():
    added = GOOD["ISR活動の範囲や活動量"].replace("Expanding", "Since 2016, expanding")
    assert problems("ISR活動の範囲や活動量", added) == [
        ("number-mismatch", "the translation has 2016, the source does not")]


def test_a_year_given_once_for_two_mentions_is_accepted_but_a_dropped_year_is_not():
    once = GOOD["同月25日に発効"].replace("in September 2016", "a year later, in September 2016")
    assert problems("同月25日に発効", once) == []
    dropped = GOOD["同月25日に発効"].replace("in September 2016", "in September of the next year")
    assert problems("同月25日に発効", dropped) == [
        ("number-mismatch", "the source has 2016 (16(平成28)年), the translation does not")]


def test_the_wrong_year_of_an_event_is_reported():
    wrong = GOOD["平成28年(2016年)熊本地震、北朝鮮"].replace("2016", "2015")
    assert problems("平成28年(2016年)熊本地震、北朝鮮", wrong) == [
        ("number-mismatch", "the source has 2016 (平成28年(2016年)), the translation has 2015")]


def test_a_name_repeated_in_the_source_may_be_given_once():
    once = GOOD["第151連合任務部隊"].replace("Combined Task Force 151 (CTF-151)", "CTF 151")
    assert problems("第151連合任務部隊", once) == []
    wrong = GOOD["第151連合任務部隊"].replace("Combined Task Force 151 (CTF-151)", "Combined Task Force 150 (CTF)")
    assert problems("第151連合任務部隊", wrong) == [
        ("number-mismatch", "the source has 151 (第151), the translation has 150")]


def test_a_footnote_marker_is_not_a_number_on_either_side():
    without_marker = GOOD["1996(平成8)年に締結"].replace("(ACSA)2", "(ACSA)")
    assert problems("1996(平成8)年に締結", without_marker) == []
    bracketed = GOOD["1996(平成8)年に締結"].replace("(ACSA)2", "(ACSA)[2]")
    assert problems("1996(平成8)年に締結", bracketed) == []
    glued = GOOD["1996(平成8)年に締結"].replace("(ACSA)2", "(ACSA2)")
    assert problems("1996(平成8)年に締結", glued) == []
    superscript = GOOD["MV-22(24機)"].replace("Ospreys8", "Ospreys⁸")
    assert problems("MV-22(24機)", superscript) == []


def test_a_number_that_only_looks_like_the_marker_is_still_a_number():
    # "2 times" is not glued to a word: it is a number, and the source has no 2.
    spaced = GOOD["1996(平成8)年に締結"].replace("(ACSA)2,", "(ACSA), revised 2 times,")
    assert problems("1996(平成8)年に締結", spaced) == [("number-mismatch", "the translation has 2, the source does not")]


def test_the_end_marker_of_a_sentence_without_a_stop_is_ignored():
    assert problems("基本原則としている3", GOOD["基本原則としている3"].replace("them.3", "them.")) == []


def test_kanji_numerals_inside_words_ask_for_no_numbers():
    for fragment in ("三か国及び多国間協力を推進", "一層強化し", "一方で、国内災害", "日米二国間による訓練"):
        assert read_japanese(real(fragment).source).numbers == ()


# ---- era-year-mismatch ---------------------------------------------------------

def test_the_real_source_has_no_era_year_mismatch():
    assert [item.msgid for item in ENTRIES if read_japanese(item.msgid).era_conflicts] == []


def test_an_era_year_that_disagrees_with_its_western_year_is_reported_once():
    source = real("同盟調整メカニズム(ACM:Alliance").source.replace("15(平成27)年", "15(平成26)年")
    entry = Entry(path="x.po", line=1, source=source, target=GOOD["同盟調整メカニズム(ACM:Alliance"])
    [problem] = check_numbers(entry)
    assert problem.check == "era-year-mismatch"
    assert "15(平成26)年" in problem.message and "2015" in problem.message and "2014" in problem.message
    assert source[slice(*problem.source_span)] == "15(平成26)年"


def test_a_fiscal_era_year_that_disagrees_is_reported_and_either_year_satisfies_it():
    source = real("CH-47JA").source.replace("平成26(2014)年度", "平成26(2015)年度")
    for fiscal in ("FY2014", "FY2015"):
        translation = GOOD["CH-47JA"].replace("FY2014", fiscal)
        entry = Entry(path="x.po", line=1, source=source, target=translation)
        assert [problem.check for problem in check_numbers(entry)] == ["era-year-mismatch"]


# ---- latin-token-missing ----------------------------------------------------------

def test_a_changed_acronym_is_one_latin_token_finding():
    wrong = GOOD["同盟調整メカニズム(ACM:Alliance"].replace("(ACM)", "(AMC)")
    assert problems("同盟調整メカニズム(ACM:Alliance", wrong) == [
        ("latin-token-missing", 'the source has "ACM" but the translation does not; keep it as written')]


def test_a_changed_designator_is_not_also_a_number_mismatch():
    wrong = GOOD["SM-3ブロックIIA"].replace("Block IIA", "Block 2A")
    assert problems("SM-3ブロックIIA", wrong) == [
        ("latin-token-missing", 'the source has "IIA" but the translation does not; keep it as written')]
    wrong = GOOD["F/A-18戦闘機"].replace("F/A-18", "F-18")
    assert problems("F/A-18戦闘機", wrong) == [
        ("latin-token-missing", 'the source has "F/A-18" but the translation does not; keep it as written')]


def test_a_token_written_in_another_case_is_pointed_at():
    wrong = GOOD["みちのくALERT2014"].replace("ALERT 2014", "Alert 2014")
    [problem] = found("みちのくALERT2014", wrong)
    assert problem.check == "latin-token-missing"
    assert problem.message == 'the source has "ALERT2014" but the translation writes "Alert 2014"; keep it as written'
    assert wrong[slice(*problem.target_span)] == "Alert 2014"


def test_two_plus_two_must_stay_as_written():
    wrong = GOOD["「2+2」"].replace('"2+2" meeting', "Security Consultative Committee")
    assert problems("「2+2」", wrong) == [
        ("latin-token-missing", 'the source has "2+2" but the translation does not; keep it as written')]


def test_a_token_the_source_repeats_is_reported_once():
    wrong = GOOD["ISR作業部会を13(平成25)年2月"].replace("ISR", "IRS")
    assert problems("ISR作業部会を13(平成25)年2月", wrong) == [
        ("latin-token-missing", 'the source has "ISR" but the translation does not; keep it as written')]


@pytest.mark.parametrize("variant", ["F-35B\u2019s", "F\u201135Bs", "F\u201335B"])
def test_dash_variants_and_plurals_of_a_token_are_the_token(variant):
    translation = GOOD["B-1B爆撃機"].replace("F-35Bs", variant)
    assert problems("B-1B爆撃機", translation) == []


def test_full_width_tokens_in_the_source_are_folded():
    source = real("SM-3ブロックIIA").source.replace("SM-3ブロックIIA", "ＳＭ－３ブロックⅡＡ")
    entry = Entry(path="x.po", line=1, source=source, target=GOOD["SM-3ブロックIIA"])
    assert list(check_numbers(entry)) == []
    entry = Entry(path="x.po", line=1, source=source, target=GOOD["SM-3ブロックIIA"].replace("IIA", "2A"))
    [problem] = check_numbers(entry)
    assert problem.message.startswith('the source has "IIA"') and source[slice(*problem.source_span)] == "ⅡＡ"


# ---- crossref-mismatch --------------------------------------------------------------

def test_a_figure_written_another_way_is_reported_with_what_is_written():
    wrong = GOOD["図表II-4-2-3に示す構成"].replace("Fig. II-4-2-3", "Figure II-4-2-3")
    [problem] = found("図表II-4-2-3に示す構成", wrong)
    assert (problem.check, problem.message) == (
        "crossref-mismatch",
        'the source refers to 図表II-4-2-3, which is "Fig. II-4-2-3", but the translation has "Figure II-4-2-3"')
    assert wrong[slice(*problem.target_span)] == "Figure II-4-2-3"


def test_a_wrong_figure_number_is_a_crossref_finding_only():
    wrong = GOOD["参照図表II-4-2-4"].replace("II-4-2-4", "II-4-2-3")
    assert problems("参照図表II-4-2-4", wrong) == [
        ("crossref-mismatch",
         'the source refers to 図表II-4-2-4, which is "Fig. II-4-2-4", but the translation has "Fig. II-4-2-3"')]


def test_a_wrong_section_is_reported():
    wrong = GOOD["参照III部1章2節3項"].replace("Section 2-3", "Section 3-2")
    assert problems("参照III部1章2節3項", wrong) == [
        ("crossref-mismatch", ('the source refers to III部1章2節3項, which is "Part III, Chapter 1, Section 2-3", '
                               'but the translation has "Part III, Chapter 1, Section 3-2"'))]


def test_a_section_with_an_item_keeps_the_item():
    wrong = GOOD["参照3章2節3項8"].replace("Section 2-3-8", "Section 2-3")
    assert problems("参照3章2節3項8", wrong) == [
        ("crossref-mismatch", ('the source refers to 3章2節3項8, which is "Chapter 3, Section 2-3-8", '
                               'but the translation has "Chapter 3, Section 2-3"'))]


def test_a_wrong_reference_number_is_reported():
    wrong = GOOD["参照資料22"].replace("Reference 22", "Reference 23")
    assert problems("参照資料22", wrong) == [
        ("crossref-mismatch", 'the source refers to 資料22, which is "Reference 22", but the translation has "Reference 23"')]


def test_a_part_given_in_arabic_numerals_is_reported_once():
    wrong = GOOD["第II部 わが国"].replace("Part II", "Part 2")
    assert problems("第II部 わが国", wrong) == [
        ("crossref-mismatch", 'the source refers to 第II部, which is "Part II", but the translation has "Part 2"')]
    wrong = GOOD["第II部 わが国"].replace("Part II", "Part III")
    assert [check for check, _ in problems("第II部 わが国", wrong)] == ["crossref-mismatch"]


def test_a_dropped_footnote_reference_is_reported_and_note_is_accepted():
    assert problems("脚注4参照", "See note 4 in Part III, Chapter 2, Section 4-2") == []
    assert problems("脚注4参照", "See Part III, Chapter 2, Section 4-2") == [
        ("crossref-mismatch", 'the source refers to 脚注4; the translation should have "Footnote 4"')]


def test_a_translation_without_the_reference_at_all_is_reported():
    assert problems("参照資料42", "See the list of international students (FY2017)") == [
        ("crossref-mismatch", 'the source refers to 資料42; the translation should have "Reference 42"')]


# ---- digit runs too long to be numbers ------------------------------------------------------------------

def test_a_quantity_too_long_for_an_int_is_compared_as_its_digits():
    entry = real("MV-22(24機)")
    wide = "９" * 4400   # full-width, as a Japanese source may write it
    source = dataclasses.replace(entry, source=entry.source.replace("24機", f"{wide}機"))
    same = GOOD["MV-22(24機)"].replace("24 aircraft", f"{'9' * 4400} aircraft")
    assert list(check_numbers(dataclasses.replace(source, target=same))) == []
    shorter = same.replace("9" * 4400, "9" * 4399)
    [problem] = check_numbers(dataclasses.replace(source, target=shorter))
    assert (problem.check, problem.message) == (
        "number-mismatch", "the source has 99999…99999 (4,400 digits), the translation has 99999…99999 (4,399 digits)")
    start, end = problem.source_span
    assert source.source[start:end] == f"{wide}機"
    start, end = problem.target_span
    assert shorter[start:end] == "9" * 4399


def test_a_long_run_of_full_width_digits_added_to_a_translation_is_reported():
    assert problems("Contents", "Contents " + "１" * 4301) == [
        ("number-mismatch", "the translation has 11111…11111 (4,301 digits), the source does not")]


# ---- properties --------------------------------------------------------------------

YEAR_ENTRIES = [fragment for fragment in GOOD if "2015" in GOOD[fragment] and "15(平成27)年" in real(fragment).source]


@settings(max_examples=60, deadline=None)
@given(fragment=st.sampled_from(YEAR_ENTRIES), year=st.integers(1950, 2040).filter(lambda y: y != 2015))
def test_changing_a_year_of_a_correct_translation_is_always_found(fragment, year):
    wrong = GOOD[fragment].replace("2015", str(year))
    checks = [check for check, _ in problems(fragment, wrong)]
    assert "number-mismatch" in checks


@settings(max_examples=60, deadline=None)
@given(fragment=st.sampled_from(sorted(GOOD)), spaces=st.sampled_from(["\u00a0", "  "]))
def test_spacing_of_a_correct_translation_does_not_matter(fragment, spaces):
    assert problems(fragment, GOOD[fragment].replace(" ", spaces, 3)) == []


def test_the_checks_report_only_their_own_ids():
    wrong = GOOD["MV-22(24機)"].replace("24", "42").replace("MV-22s", "Ospreys").replace("Section 4-2", "Section 2")
    checks = [check for check, _ in problems("MV-22(24機)", wrong)]
    assert sorted(checks) == ["crossref-mismatch", "latin-token-missing", "number-mismatch"]
    assert set(checks) <= set(CHECKS)


def test_an_untranslated_entry_gets_only_source_findings():
    assert list(check_numbers(real("同盟調整メカニズム(ACM:Alliance"))) == []


@settings(max_examples=60, deadline=None)
@given(fragment=st.sampled_from(sorted(GOOD)), value=st.integers(100_000, 9_999_999))
def test_a_number_added_to_a_correct_translation_is_always_found(fragment, value):
    added = GOOD[fragment] + f" A total of {value:,} took part."
    assert ("number-mismatch", f"the translation has {value:,}, the source does not") in problems(fragment, added)


def to_full_width(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


@pytest.mark.parametrize("fragment", [f for f in sorted(SOURCE_NUMBERS) if to_full_width(real(f).source) != real(f).source])
def test_a_sentence_written_in_full_width_characters_reads_the_same(fragment):
    entry = real(fragment)
    wide = to_full_width(entry.source)
    same = read_japanese(wide, entry.markers)
    original = read_japanese(entry.source, entry.markers)
    assert [n.keys for n in same.numbers] == [n.keys for n in original.numbers]
    assert [t.text for t in same.tokens] == [t.text for t in original.tokens]
    assert [(n.start, n.end) for n in same.numbers] == [(n.start, n.end) for n in original.numbers]
