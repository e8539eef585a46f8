"""The text checks of one translation, on the real source's sentences with good and broken English."""

from __future__ import annotations

import dataclasses
import functools

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yakugo.catalog import block_roles, footnote_markers
from yakugo.checks.model import CHECKS, Entry, Problem
from yakugo.checks.text import bracket_mismatch, check_text, double_space, end_punctuation, source_text_in_target

from conftest import REPO

PO = REPO / "translations" / "en" / "dowj2018_II-4-2-3_alliance_initiatives.po"

# A translation of every sentence of the real source, written by hand, keyed by the exact msgid or by a
# piece of it that names one msgid (see real()). Curly quotes, apostrophes, U.S., footnote markers moved to the end
# of the English, "etc.)" in a cross reference: the things a careful translator writes and no check may flag.
GOOD = {
    'Contents': 'Contents',
    '第II部 わが国の安': 'Part II Japan’s Security and Defense Policy and the Japan-U.S. Alliance',
    '3 同盟強化の主な取': '3 Major Initiatives for Strengthening the Alliance',
    'ガイドラインでは、「':
        'The Guidelines for Japan-U.S. Defense Cooperation state that, for “seamlessly ensuring Japan’s peace'
        ' and security,” the two countries will take measures such as Intelligence, Surveillance and '
        'Reconnaissance (ISR) activities, air and missile defense, maritime security, and joint training and '
        'exercises, and will cooperate in responding to large-scale disasters in Japan.',
    'また、「地域の及びグ':
        'They also state that, as “cooperation for regional and global peace and security,” the two countries'
        ' will cooperate in international activities, promote and strengthen trilateral and multilateral '
        'cooperation, cooperate on space and cyberspace, new strategic domains, and develop and strengthen '
        '“Bilateral Enterprise” such as defense equipment and technology cooperation as a foundation for '
        'further improving the effectiveness of Japan-U.S. cooperation.',
    'その項目の多くは、防':
        'Many of these items are also included in the National Defense Program Guidelines (NDPG) as '
        '“strengthening the deterrence and response capabilities of the Japan-U.S. Alliance” and '
        '“strengthening and expanding cooperation in a wide range of areas.”',
    '1 同盟内の調整の強': '1 Strengthening Coordination within the Alliance',
    '(1)同盟調整メカニ': '(1) Establishment of the Alliance Coordination Mechanism',
    '同盟調整メカニズム(ACM:':
        'In November 2015, based on the Guidelines, the Governments of Japan and the United States '
        'established the Alliance Coordination Mechanism (ACM) with the aim of responding seamlessly and '
        'effectively to situations that affect Japan’s peace and security and to any other situation that may'
        ' require an Alliance response.',
    '同メカニズムでは、図':
        'Under the structure shown in Fig. II-4-2-3, the mechanism coordinates the policy and operational '
        'aspects of activities conducted by the SDF and U.S. Forces in all phases from peacetime to '
        'contingencies, and enables timely information sharing and the development and maintenance of a '
        'common situational awareness.',
    'その特徴は、①平時か':
        'Its features are that (1) it can be used from peacetime, (2) it can be used for large-scale '
        'disasters in Japan and for cooperation in the Asia-Pacific region and globally, and (3) it enables '
        'whole-of-government coordination that ensures the involvement of the relevant Japanese and U.S. '
        'agencies; with these features, the Governments of Japan and the United States have become able to '
        'respond appropriately and promptly whenever coordination is needed.',
    '例えば、国内で大規模':
        'For example, a large-scale disaster in Japan requires various kinds of policy and operational '
        'coordination of the activities of the SDF and U.S. Forces, and the mechanism now makes it possible '
        'to carry out such coordination closely and appropriately, at various levels and with the involvement'
        ' of the relevant Japanese and U.S. agencies.',
    '同メカニズムの設置以':
        'Since the establishment of the mechanism, Japan and the United States have worked in close '
        'cooperation, also using the mechanism, on events such as the 2016 Kumamoto Earthquake, North Korea’s'
        ' ballistic missile launches and China’s activities in the waters and airspace around the Senkaku '
        'Islands.',
    '参照図表II-4-2-3': 'See Fig. II-4-2-3 (Framework of the Alliance Coordination Mechanism (ACM))',
    '図表II-4-2-3': 'Fig. II-4-2-3 Framework of the Alliance Coordination Mechanism (ACM)',
    '(2)運用面の調整の': '(2) Strengthening Operational Coordination',
    '日米両政府は、ガイド':
        'Based on the Guidelines, the Governments of Japan and the United States recognized the importance of'
        ' the co-location of operational coordination functions, and the SDF and U.S. Forces are to exchange '
        'personnel to ensure robust information sharing, facilitate coordination and support international '
        'activities.',
    '(3)共同計画策定メ': '(3) Establishment of the Bilateral Planning Mechanism',
    '共同計画策定メカニズム(BPM:':
        'In November 2015, based on the Guidelines, the Governments of Japan and the United States '
        'established the Bilateral Planning Mechanism (BPM) to implement bilateral planning in peacetime in '
        'accordance with the Guidelines, so as to enable effective bilateral responses to contingencies '
        'relevant to Japan’s peace and security.',
    '同メカニズムは、共同':
        'In bilateral planning, the mechanism ensures direction and supervision from the ministerial level '
        'and the involvement of the relevant ministries and agencies, and coordinates the various forms of '
        'Japan-U.S. cooperation that contribute to it; the two governments are to develop bilateral plans '
        'through it.',
    '参照図表II-4-2-4': 'See Fig. II-4-2-4 (Framework of the Bilateral Planning Mechanism (BPM))',
    '図表II-4-2-4': 'Fig. II-4-2-4 Framework of the Bilateral Planning Mechanism (BPM)',
    '2 日本の平和及び安': '2 Measures for Seamlessly Ensuring Japan’s Peace and Security',
    '(1)情報収集・警戒': '(1) Intelligence, Surveillance and Reconnaissance (ISR) Activities',
    '共同の情報収集・警戒':
        'With regard to joint Intelligence, Surveillance and Reconnaissance (ISR) activities, from the '
        'viewpoint that it is important for Japan and the United States to cooperate in ISR activities across'
        ' the wider Asia-Pacific region to make the activities of both countries more efficient and '
        'effective, the two countries set up in February 2013 an ISR working group whose representatives are '
        'director-level officials of their defense authorities, and have been deepening their cooperation.',
    'このような共同のIS':
        'Expanding such joint ISR activities will serve as a deterrent, secure information superiority over '
        'other countries, and help build a seamless posture of cooperation from peacetime through various '
        'situations.',
    '(2)ミサイル防衛': '(2) Missile Defense',
    '弾道ミサイルへの対応':
        'In responding to ballistic missiles, Japan and the United States have improved their bilateral '
        'response capabilities by sharing operational information and developing response procedures, and '
        'whenever North Korea has launched ballistic missiles, they have responded in coordination, also '
        'using the Alliance Coordination Mechanism.',
    'なお、装備面でも弾道':
        'In terms of equipment, the two countries are also jointly developing the SM-3 Block IIA, an advanced'
        ' interceptor for ballistic missile defense.',
    '参照III部1章2節': 'See Part III, Chapter 1, Section 2-3 (Response to Ballistic Missile Attacks)',
    '(3)海洋安全保障': '(3) Maritime Security',
    'ガイドラインにおいて':
        'The Guidelines state that the Governments of Japan and the United States will cooperate on maritime '
        'security, for example by further building and strengthening a framework for sharing maritime '
        'surveillance information from peacetime and, where appropriate, by maintaining and enhancing their '
        'presence in the maritime domain through ISR activities and training and exercises.',
    '海自と米海軍は、各種':
        'The JMSDF and the U.S. Navy cooperate appropriately to maintain and improve the Japan-U.S. presence '
        'in the Western Pacific, through various joint training and exercises and by other means.',
    '(4)共同訓練・演習': '(4) Joint Training and Exercises',
    '平素から共同訓練を行':
        'Conducting joint training in peacetime not only deepens interoperability, including mutual '
        'understanding of tactics and communication, and contributes greatly to maintaining and improving '
        'Japan-U.S. bilateral response capabilities, but is also useful for improving the tactical skills of '
        'each side.',
    'とりわけ、実戦経験豊':
        'In particular, the knowledge and techniques that can be learned from the U.S. Forces, which have '
        'abundant combat experience, are extremely valuable and contribute greatly to improving the SDF’s '
        'capabilities.',
    'また、効果的な時期、':
        'In addition, conducting joint training at effective times, places and scales demonstrates the shared'
        ' will and capabilities of Japan and the United States, and thus serves as a deterrent.',
    'これらの観点を踏まえ':
        'In light of these points, the Ministry of Defense and Self-Defense Forces (MOD/SDF) continue to work'
        ' to enhance joint training.',
    '米海兵隊との実動訓練':
        'JGSDF personnel coordinating during a field training exercise with the U.S. Marine Corps (Northern '
        'Viper)',
    '平成29年度海上自衛隊演習(':
        'A meeting during the FY2017 JMSDF Exercise (field training exercise (Japan-U.S. bilateral exercise '
        'and Japan-U.S.-Canada joint training))',
    '平成29年度海上自衛隊演習': 'FY2017 JMSDF Exercise',
    '(実動演習(日米共同':
        '(field training exercise (Japan-U.S. bilateral exercise and Japan-U.S.-Canada joint training)): a '
        'meeting',
    '共同訓練・演習につい':
        'Joint training and exercises have expanded not only in Japan but also through the dispatch of units '
        'to the United States, and efforts to improve interoperability and Japan-U.S. bilateral response '
        'capabilities continue at the level of services and units too, in exercises such as the Japan-U.S. '
        'Bilateral Regional Army Command Post Exercise, special anti-submarine exercises and Japan-U.S. '
        'fighter combat training.',
    '昭和60(1985)':
        'Since FY1985, Japan-U.S. Joint Exercises have been held almost every year as command post exercises '
        'or field training exercises; in 2018, a command post exercise was held from January to February at '
        'the Ministry of Defense in Ichigaya and elsewhere.',
    'また、17(平成29':
        'In May and June 2017, Japanese and U.S. vessels, including the destroyer “Izumo,” conducted '
        'Japan-U.S. joint cruise training in the South China Sea.',
    'さらに、わが国周辺海':
        'In addition, as joint training in the waters and airspace around Japan, from September to October '
        '2017 the JMSDF conducted Japan-U.S. joint cruise training with the aircraft carrier USS Ronald '
        'Reagan and other ships in the waters and airspace from the area around Okinawa to the Bashi Channel.',
    '同年11月には、海自':
        'In November of the same year, the JMSDF conducted joint training for the first time with three '
        'carrier strike groups, consisting of the aircraft carriers USS Ronald Reagan, USS Nimitz and USS '
        'Theodore Roosevelt and other ships, in the Sea of Japan.',
    'これに合わせて、同年':
        'In parallel, from October to November of the same year, the JMSDF conducted Japan-U.S. joint cruise '
        'training with these carrier strike groups in the Sea of Japan, the East China Sea and the waters and'
        ' airspace around Okinawa, and the JASDF conducted various tactical training with F/A-18 fighters, '
        'the carrier-based aircraft of the USS Ronald Reagan and the USS Nimitz.',
    '18(平成30)年3':
        'In March 2018, too, the JMSDF conducted Japan-U.S. joint cruise training with the aircraft carrier '
        'USS Carl Vinson and other ships in the waters and airspace from the northern South China Sea to the '
        'area around Okinawa.',
    '米空軍との間において':
        'With the U.S. Air Force as well, the JASDF conducted various training with U.S. Air Force B-1B and '
        'B-52 bombers, U.S. Marine Corps F-35Bs and other aircraft on multiple occasions in the airspace west'
        ' of Kyushu, around Okinawa and elsewhere.',
    'これらの日米共同訓練は':
        'All of this Japan-U.S. joint training was conducted to improve the SDF’s tactical skills and '
        'strengthen coordination with the U.S. Forces, and thereby to strengthen the deterrence and response '
        'capabilities of the Japan-U.S. Alliance.',
    'これらの日米共同訓練を':
        'We believe that strengthening Japan-U.S. coordination and showing the bond between the two countries'
        ' through this joint training has the effect of further strengthening the deterrence and response '
        'capabilities of the Japan-U.S. Alliance as a whole, at a time when Japan’s security environment is '
        'becoming increasingly severe, and of showing Japan’s will and high capabilities for regional '
        'stability.',
    '近年では、地方自治体':
        'In recent years, U.S. Forces, Japan (USFJ) have also taken part in disaster prevention drills held '
        'by local governments, deepening their coordination with the relevant organizations.',
    '参照資料22(主な日': 'See Reference 22 (Record of Major Japan-U.S. Joint Training (FY2017))',
    '日米共同訓練(レッド': 'JASDF personnel attending a meeting of Japan-U.S. joint training (Red Flag Alaska)',
    '(5)後方支援': '(5) Logistics Support',
    '日米が協力する機会の':
        'As opportunities for Japan-U.S. cooperation have increased, cooperation between the two countries '
        'has also steadily progressed in logistics support under the Japan-U.S. Acquisition and Cross-'
        'Servicing Agreement (ACSA)2, concluded in 1996 (and revised in 1999 and 2004).',
    'この協定は、日米安保':
        'The agreement aims to contribute to the smooth and effective operation of the Japan-U.S. Security '
        'Treaty and to efforts for international peace centered on the United Nations, and its basic '
        'principle is that, when either the SDF or the U.S. Forces requests the provision of supplies or '
        'services in situations such as joint training in peacetime, disaster relief activities, '
        'international peace cooperation assignments, international disaster relief activities, situations in'
        ' areas surrounding Japan and armed attack situations, the other may provide them.3',
    'また、15(平成27':
        'At the “2+2” meeting in April 2015, the two countries confirmed that they would expeditiously '
        'negotiate an Acquisition and Cross-Servicing Agreement to implement the mutual logistics support '
        'envisioned in the Guidelines.',
    'その後、15(平成2':
        'Subsequently, following the enactment of the Legislation for Peace and Security in September 2015, '
        'the new Japan-U.S. ACSA was signed in September 2016, approved by the Diet on April 14, 2017, and '
        'entered into force on April 25.',
    'これにより、平和安全':
        'As a result, the framework of the previous Japan-U.S. ACSA, including its settlement procedures, now'
        ' also applies to the provision of supplies and services made possible by the Legislation for Peace '
        'and Security, and by December 2017 Japan had provided food and fuel to U.S. Forces engaged in '
        'information-gathering activities and other operations.',
    '参照3章2節3項8(':
        'See Chapter 3, Section 2-3-8 (Expansion of the Provision of Supplies and Services to the U.S. '
        'Forces)',
    '3章3節4項(新たな':
        'Chapter 3, Section 3-4 (Conclusion of the New Japan-U.S. Acquisition and Cross-Servicing Agreement '
        '(ACSA) and Other Agreements)',
    '図表II-4-2-5(': 'Fig. II-4-2-5 (Japan-U.S. Acquisition and Cross-Servicing Agreement (ACSA))',
    '図表II-4-2-5 ': 'Fig. II-4-2-5 Japan-U.S. Acquisition and Cross-Servicing Agreement (ACSA)',
    '(6)共同使用': '(6) Joint/Shared Use',
    '施設・区域の共同使用':
        'Expanding the joint/shared use of facilities and areas also increases the number of SDF bases, such '
        'as training areas, ports and airfields, which makes Japan-U.S. joint training and exercises more '
        'diverse and efficient and increases the scope and volume of ISR activities.',
    '特に沖縄における自衛':
        'In Okinawa in particular, SDF facilities are limited, for example to Naha Air Base, and most of them'
        ' are in urban areas, which imposes operational restrictions.',
    '沖縄の在日米軍施設・':
        'Joint/shared use of USFJ facilities and areas in Okinawa greatly improves the training environment '
        'of the SDF units stationed in Okinawa and promotes joint training and exercises and better '
        'interoperability between the SDF and the U.S. Forces.',
    'また、即応性をより向':
        'It also further improves readiness and makes it possible to contribute to the safety of local '
        'residents in times of disaster.',
    'このため、南西諸島を':
        'For these reasons, Japan and the United States have been holding intensive consultations, taking '
        'into account the SDF’s defense posture in the region, including the Nansei Islands, and its '
        'relations with local communities, and concrete initiatives are also making progress.',
    '例えば、08(平成2': 'For example, the JGSDF has been using Camp Hansen for training since March 2008.',
    'また、12(平成24)年4月の空':
        'In addition, the JASDF Air Defense Command (ADC) headquarters was relocated to Yokota in April 2012,'
        ' and the JGSDF Central Readiness Force headquarters (at the time) was relocated to Zama in March '
        '2013.',
    'さらに、13(平成2':
        'Furthermore, in December 2013 and from June to July 2014, the JMSDF conducted offshore training and '
        'facility-use training in Guam with the cooperation of the U.S. Navy, and training ranges for joint '
        'use by the SDF and U.S. Forces are to be developed in Guam and the Commonwealth of the Northern '
        'Mariana Islands (Tinian and Pagan).',
    '3 わが国における大': '3 Cooperation in Responding to Large-Scale Disasters in Japan',
    '東日本大震災において':
        'In the Great East Japan Earthquake, the SDF and U.S. Forces demonstrated their high bilateral '
        'response capabilities, based on the strong bond they had built up over the years.',
    '米軍の「トモダチ作戦':
        'The success of the joint response with the SDF in the U.S. Forces’ “Operation Tomodachi” was the '
        'fruit of many years of Japan-U.S. joint training and other efforts, and it has led to the further '
        'deepening of the Alliance.',
    '米軍は、最大時で人員':
        'At its peak, the U.S. military deployed approximately 16,000 personnel, approximately 15 ships and '
        'approximately 140 aircraft, an unprecedented scale of support that contributed greatly to Japan’s '
        'recovery and reconstruction, and many people, including the disaster victims, came to trust and '
        'appreciate U.S. Forces, Japan more deeply.',
    '一方で、国内災害にお':
        'On the other hand, issues also became clear, such as clarifying the roles, missions and capabilities'
        ' of Japan and the United States in domestic disasters, making joint procedures concrete through '
        'greater U.S. participation in disaster prevention drills, and the right mechanism for information '
        'sharing and effective coordination.',
    'これらの課題を踏まえ':
        'In response to these issues, Japan-U.S. joint response procedures were included in the response plan'
        ' for a massive Nankai Trough earthquake drawn up in December 2013 and in other plans, and in '
        'February 2014 a Japan-U.S. joint disaster prevention drill assuming a Nankai Trough earthquake was '
        'held in Kochi Prefecture.',
    'また、同年10月の和':
        'In addition, USFJ took part in the tsunami disaster response drill hosted by Wakayama Prefecture in '
        'October of the same year and in the earthquake response exercise “Michinoku ALERT 2014” hosted by '
        'the JGSDF Northeastern Army in November, and Japan and the United States are working to further '
        'strengthen coordination between the SDF and U.S. Forces in disaster response.',
    'また、平成28年(2':
        'During the 2016 Kumamoto Earthquake, the two countries cooperated in transporting relief supplies '
        'with U.S. Marine Corps Ospreys (MV-22) and SDF personnel with C-130 transport aircraft, and the '
        'Alliance Coordination Mechanism was used, including a Japan-U.S. joint coordination center set up '
        'locally by the Joint Task Force organized for the earthquake response.',
    '4 地域の及びグロー': '4 Cooperation for Regional and Global Peace and Security',
    '(1)国際的な活動に': '(1) Cooperation in International Activities',
    '自衛隊は、旧テロ対策':
        'The SDF has worked in close cooperation with the United States and other participating countries in '
        'activities under the former Anti-Terrorism Special Measures Act, international disaster relief '
        'activities and international peace cooperation activities in the Philippines and Haiti, and counter-'
        'piracy operations off the coast of Somalia and in the Gulf of Aden.',
    'また、13(平成25':
        'In responding to the typhoon damage in the Philippines in November 2013, Japan and the United States'
        ' also worked closely together, coordinating with each other at the multinational coordination center'
        ' on the ground.',
    'さらに、エボラ出血熱':
        'Furthermore, in responding to the Ebola virus disease, Japan sent a liaison officer to the U.S. '
        'Africa Command (AFRICOM) headquarters from October 2014 to coordinate and gather information with '
        'the United States and other countries concerned, and worked to maintain close coordination.',
    '海洋安全保障に関して':
        'On maritime security, Japan and the United States, both maritime nations, work to maintain and '
        'develop “Open and Stable Seas” based on fundamental rules such as freedom of navigation, safety, and'
        ' the rule of law including the peaceful settlement of disputes in accordance with international law,'
        ' and cooperate closely in various multilateral maritime security efforts, including with coastal '
        'states along sea lanes, such as participation in Combined Task Force 151 (CTF 151) for counter-'
        'piracy operations since December 2013 and the interdiction exercise (Pacific Protector 17) of the '
        '“Proliferation Security Initiative (PSI)”4 hosted by Australia in September 2017.',
    '参照III部2章2節': 'See Part III, Chapter 2, Section 2 (Ensuring Maritime Security)',
    'III部2章4節2項(':
        'Part III, Chapter 2, Section 4-2 (International Efforts for the Non-Proliferation of Weapons of Mass'
        ' Destruction and Related Matters)',
    '(2)三か国及び多国': '(2) Trilateral and Multilateral Training and Exercises',
    'ガイドラインでは、日':
        'The Guidelines state that Japan and the United States will promote and strengthen trilateral and '
        'multilateral security and defense cooperation, and the SDF takes part not only in Japan-U.S. '
        'bilateral training and exercises but also in multilateral joint training such as '
        'Japan-U.S.-Australia, Japan-U.S.-India and Japan-U.S.-Republic of Korea training.',
    '5 宇宙及びサイバー': '5 Cooperation on Space and Cyberspace',
    '(1)宇宙に関する協': '(1) Cooperation on Space',
    '宇宙分野における協力':
        'Following the agreement at the Japan-U.S. Summit Meeting in November 2009 to promote security '
        'cooperation in space as part of deepening the Japan-U.S. Alliance, the two countries held the first '
        'Japan-U.S. Space Security Dialogue in September 2010 with the relevant ministries and agencies, and '
        'have since held regular consultations on future Japan-U.S. cooperation.',
    'また、12(平成24)年4月の日':
        'In addition, following the agreement at the Japan-U.S. Summit Meeting in April 2012 to deepen the '
        'partnership on civil and security space and to launch a comprehensive dialogue on space, the first '
        'Japan-U.S. Comprehensive Dialogue on Space was held in March 2013 with the relevant ministries and '
        'agencies, and the two countries have regularly exchanged information on their space policies and '
        'discussed future cooperation.',
    'さらに、15(平成2':
        'Furthermore, based on the direction given at the Japan-U.S. Defense Ministerial Meeting in April '
        '2015, the “Japan-U.S. Space Cooperation Working Group (SCWG)” was established to further promote '
        'cooperation between the Japanese and U.S. defense authorities in the field of space, and it has met '
        'four times since October of that year (the most recent meeting was held in February 2018).',
    '引き続き、本ワーキン':
        'The two countries will continue to use the working group to further promote study in a wide range of'
        ' areas, including (1) promoting policy consultations on space, (2) closer information sharing, (3) '
        'cooperation in developing and securing experts, and (4) conducting tabletop exercises.',
    '(2)サイバー空間に': '(2) Cooperation on Cyberspace',
    'サイバー分野における':
        'In the field of cyberspace, the “Japan-U.S. Cyber Defense Policy Working Group (CDPWG)” was '
        'established in October 2013 as a framework between the defense authorities, and it studies a wide '
        'range of areas in a specialized and concrete way, including information sharing at the policy level,'
        ' human resource development and technical cooperation.',
    '15(平成27)年4':
        'With the Guidelines released in April 2015 and the CDPWG joint statement in May, the cooperation '
        'between the two governments includes building a prompt and appropriate information-sharing system '
        'and protecting critical infrastructure on which the SDF and U.S. Forces depend to accomplish their '
        'missions, and the cooperation between the SDF and U.S. Forces includes ensuring the resiliency of '
        'their networks and systems, educational exchanges and joint exercises.',
    '今後、ガイドラインや':
        'Japan and the United States will further accelerate their cyber defense cooperation in line with the'
        ' direction set out in the Guidelines and the CDPWG joint statement.',
    '6 協力の実効性をさ': '6 Initiatives to Further Improve the Effectiveness of Cooperation',
    '(1)防衛装備・技術': '(1) Defense Equipment and Technology Cooperation',
    'わが国は、日米安保条':
        'Based on the principle of mutual cooperation under the Japan-U.S. Security Treaty and the “Mutual '
        'Defense Assistance Agreement between Japan and the United States of America,” Japan actively '
        'promotes cooperation with the United States in equipment and technology, while paying attention to '
        'maintaining its technological and production bases.',
    'また、わが国は、日米':
        'In light of the progress of Japan-U.S. technological cooperation and the improvement of technology '
        'levels, Japan decided to transfer military technology to the United States regardless of the Three '
        'Principles on Arms Exports, concluded the “Exchange of Notes concerning the Transfer of Military '
        'Technologies to the United States of America”5 in 1983 and, in 2006, the “Exchange of Notes '
        'concerning the Transfer of Arms and Military Technologies to the United States of America”6, which '
        'replaced it.',
    'こうした枠組みのもと':
        'Under this framework, Japan has decided on 20 transfers of arms and military technologies to the '
        'United States, including military technology related to joint technological research on ballistic '
        'missile defense.',
    'さらに、日米両国は、':
        'Furthermore, Japan and the United States hold consultations in forums such as the Systems and '
        'Technology Forum (S&TF) and conduct cooperative research and development on the specific projects '
        'agreed upon.',
    'さらに、16(平成2':
        'In addition, at the Japan-U.S. Defense Ministerial Meeting in June 2016, the two ministers signed '
        'the “Reciprocal Defense Procurement Memorandum of Understanding (RDP MOU).”7',
    'これは、日米の防衛当':
        'It promotes reciprocal measures in the procurement of equipment by the Japanese and U.S. defense '
        'authorities (provision of the information needed to bid for contracts with the other country’s '
        'companies, protection of submitted company information, exemption of the other country’s companies '
        'from entry restrictions, etc.).',
    '普天間飛行場に配備さ':
        'The initiatives on a common maintenance base for the MV-22s (24 aircraft) deployed at Futenma Air '
        'Station and the Ospreys8 to be introduced into the JGSDF, and on the regional depot for F-35 '
        'fighters in the Asia-Pacific region, are described in Part III, Chapter 4, Section 4-2 (Deepening '
        'Defense Equipment and Technology Cooperation with the United States).',
    '参照資料23(日米共': 'See Reference 23 (Japan-U.S. Joint Research and Development Projects)',
    '(2)教育・研究交流': '(2) Educational and Research Exchanges',
    'ガイドラインでは、安':
        'The Guidelines recognize the importance of intellectual cooperation on security and defense and '
        'state that the two countries will deepen exchanges among members of relevant organizations and '
        'strengthen communication between their research and educational institutions; the MOD/SDF accepts '
        'students from abroad and holds various bilateral and multilateral seminars, including with the '
        'United States, so that security and defense officials can share knowledge and strengthen '
        'cooperation.',
    '参照資料42(留学生':
        'See Reference 42 (Record of Acceptance of Foreign Students (Number of New Students Accepted in '
        'FY2017))',
    '資料43(防衛省主催': 'Reference 43 (Multilateral Security Dialogues Hosted by the Ministry of Defense)',
    '資料44(その他の国': 'Reference 44 (Other Inter-State Security Dialogues, etc.)',
    '正式名称:日本国の自':
        'Official title: Agreement between the Government of Japan and the Government of the United States of'
        ' America concerning Reciprocal Provision of Logistic Support, Supplies and Services between the '
        'Self-Defense Forces of Japan and the Armed Forces of the United States of America',
    '提供の対象となる物品':
        'The categories of supplies and services to be provided are food, water, billeting, transportation '
        '(including airlift), fuel, oil and lubricants, clothing, communications, medical services, base '
        'support, storage, use of facilities, training services, spare parts and components, repair and '
        'maintenance services, airport and seaport services, and ammunition (only in armed attack situations '
        'and anticipated armed attack situations) (the provision of weapons is not included).',
    'III部2章4節2項脚': 'See Part III, Chapter 2, Section 4-2, footnote 4',
    '対する武器技術の供与':
        'Official title: Exchange of Notes concerning the Transfer of Military Technologies to the United '
        'States of America under the Mutual Defense Assistance Agreement between Japan and the United States '
        'of America',
    '武器及び武器技術の供与':
        'Official title: Exchange of Notes concerning the Transfer of Arms and Military Technologies to the '
        'United States of America under the Mutual Defense Assistance Agreement between Japan and the United '
        'States of America',
    '正式名称:相互の防衛':
        'Official title: Memorandum of Understanding between the Department of Defense of the United States '
        'of America and the Ministry of Defense of Japan concerning Reciprocal Defense Procurement',
    '陸自では、島嶼部に対':
        'With a view to responding to attacks on island areas, the JGSDF plans to introduce 17 tilt-rotor '
        'aircraft (Ospreys (V-22)), which can complement and strengthen the capabilities of its transport '
        'helicopters (CH-47JA), during the current Mid-Term Defense Program (the five years from FY2014 to '
        'FY2018).',
}


@functools.cache
def real_entries() -> tuple[Entry, ...]:
    """The entries of the real PO file, untranslated, with their roles and footnote markers."""
    live = [item for item in polib.pofile(str(PO)) if not item.obsolete and item.msgid]
    return tuple(Entry(path=str(PO.relative_to(REPO)), line=item.linenum, source=item.msgid, target="",
                       roles=tuple(block_roles(item)), markers=tuple(note.number for note in footnote_markers(item)),
                       occurrences=tuple(item.occurrences), index=index)
                 for index, item in enumerate(live))


@functools.cache
def real(key: str) -> Entry:
    """The real entry whose msgid is ``key``, else the only one starting with it, else the only one containing it."""
    entries = real_entries()
    matches = ([entry for entry in entries if entry.source == key]
               or [entry for entry in entries if entry.source.startswith(key)]
               or [entry for entry in entries if key in entry.source])
    assert len(matches) == 1, f"{key!r} names {len(matches)} entries of {PO.name}"
    return matches[0]


@functools.cache
def good_by_source() -> dict[str, str]:
    return {real(name).source: text for name, text in GOOD.items()}


def good(key: str) -> str:
    """The good translation of the real entry ``key`` names."""
    return good_by_source()[real(key).source]


def edit(key: str, changes: dict[str, str]) -> str:
    """The good translation of ``key`` with each piece of text replaced (every piece must be there)."""
    text = good(key)
    for old, new in changes.items():
        assert old in text, f"{old!r} is not in the translation of {key!r}"
        text = text.replace(old, new)
    return text


def translated(key: str, target: str | None = None) -> Entry:
    """The real entry ``key`` with its good translation, or with ``target``."""
    return dataclasses.replace(real(key), target=good(key) if target is None else target)


def found(entry: Entry, check: str | None = None) -> list[Problem]:
    return [problem for problem in check_text(entry) if check in (None, problem.check)]


def spans(problems: list[Problem]) -> list[tuple[int, int] | None]:
    return [problem.target_span for problem in problems]


# ---- the good translations --------------------------------------------------

def test_every_sentence_of_the_real_source_has_a_good_translation_here():
    assert sorted(real(key).index for key in GOOD) == list(range(len(real_entries())))
    assert {role for entry in real_entries() for role in entry.roles} == {
        "heading", "body", "caption", "figure", "cross-reference", "footnote"}


@pytest.mark.parametrize("key", list(GOOD))
def test_a_good_translation_of_a_real_sentence_raises_nothing(key):
    assert check_text(translated(key)) == []


# ---- source-text-in-target --------------------------------------------------

def test_an_untranslated_japanese_term_is_reported_with_its_place_on_both_sides():
    key = "同盟調整メカニズム(ACM:"
    target = edit(key, {"Alliance Coordination Mechanism": "同盟調整メカニズム"})
    entry = translated(key, target)
    [problem] = found(entry)
    assert problem.check == "source-text-in-target"
    start = target.index("同盟調整メカニズム")
    assert problem.target_span == (start, start + 9)
    source_start = entry.source.index("同盟調整メカニズム")
    assert problem.source_span == (source_start, source_start + 9)
    assert '"同盟調整メカニズム"' in problem.message and "translate" in problem.message


def test_japanese_punctuation_left_in_is_reported_run_by_run_with_the_english_mark_to_use():
    key = "ガイドラインでは、「"
    target = edit(key, {"state that, for “": "state that、for 「", "security,” the": "security、」 the"})
    problems = found(translated(key, target), "source-text-in-target")
    assert [target[start:end] for start, end in spans(problems)] == ["、", "「", "、」"]
    assert 'write ","' in problems[0].message and 'write "“"' in problems[1].message
    assert 'write ",”"' in problems[2].message


def test_full_width_letters_and_brackets_are_reported_with_their_ascii_form():
    key = "同盟調整メカニズム(ACM:"
    problems = found(translated(key, edit(key, {"(ACM)": "（ＡＣＭ）"})), "source-text-in-target")
    assert len(problems) == 1
    assert problems[0].message == 'full-width characters "（ＡＣＭ）" in the translation; write "(ACM)"'


def test_an_ideographic_space_and_a_full_width_yen_sign_are_reported():
    key = "同盟調整メカニズム(ACM:"
    target = edit(key, {"In November": "In\u3000November", "2015,": "2015 (￥1,000),"})
    problems = found(translated(key, target), "source-text-in-target")
    assert [target[start:end] for start, end in spans(problems)] == ["\u3000", "￥"]


def test_characters_english_uses_are_not_source_text():
    key = "米軍は、最大時で人員約1万6,000人"
    target = ("At its peak, the U.S. military deployed approximately 16,000 personnel—about 15 ships and 140 "
              "aircraft (1996–2004 figures: ¥1.2 billion, ① the café’s “non‑breaking” hyphen, Part Ⅱ).")
    assert found(translated(key, target), "source-text-in-target") == []


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_an_ascii_translation_never_has_source_text(target):
    assert source_text_in_target(translated("Contents", target)) == []


JAPANESE = st.text(alphabet=st.sampled_from("同盟調整メカニズムのをはがにで、。「」・（）ＡＣＭ　ー"),
                   min_size=1, max_size=8)


@given(key=st.sampled_from(list(GOOD)), japanese=JAPANESE, data=st.data())
def test_japanese_inserted_at_a_word_boundary_is_one_finding_exactly_there(key, japanese, data):
    words = good(key).split(" ")
    at = data.draw(st.integers(0, len(words)))
    target = " ".join(words[:at] + [japanese] + words[at:])
    start = len(" ".join(words[:at] + [""]))
    problems = found(translated(key, target), "source-text-in-target")
    assert spans(problems) == [(start, start + len(japanese))]


# ---- bracket-mismatch ---------------------------------------------------------

def test_an_unclosed_bracket_is_reported_where_it_opens():
    key = "同盟調整メカニズム(ACM:"
    target = edit(key, {"(ACM)": "(ACM"})
    [problem] = found(translated(key, target))
    assert problem.check == "bracket-mismatch"
    assert problem.target_span == (target.index("(ACM"), target.index("(ACM") + 1)
    assert problem.message == '"(" is never closed; add ")" or remove it'


def test_a_bracket_closing_nothing_is_reported_where_it_closes():
    key = "参照図表II-4-2-3("
    target = edit(key, {"(Framework": "Framework"})
    [problem] = found(translated(key, target))
    assert problem.check == "bracket-mismatch" and problem.target_span == (len(target) - 1, len(target))
    assert "closes nothing" in problem.message


def test_an_unclosed_curly_quote_is_reported_and_so_is_an_odd_straight_quote():
    key = "また、17(平成29)年5月及び6月には"
    curly = edit(key, {"“Izumo,”": "“Izumo,"})
    assert spans(found(translated(key, curly))) == [(curly.index("“"), curly.index("“") + 1)]
    straight = edit(key, {"“Izumo,”": '"Izumo,'})
    [problem] = found(translated(key, straight))
    assert problem.check == "bracket-mismatch" and "straight double quotes" in problem.message
    balanced = edit(key, {"“Izumo,”": '"Izumo,"'})
    assert found(translated(key, balanced)) == []


def test_crossed_brackets_and_quotes_are_reported():
    key = "さらに、15(平成27)年4月の日米防衛相会談"
    target = edit(key, {"(SCWG)”": "(SCWG”)"})
    problems = found(translated(key, target))
    assert {problem.check for problem in problems} == {"bracket-mismatch"}
    assert spans(problems) == [(target.index("(SCWG"), target.index("(SCWG") + 1),
                               (target.index("”)") + 1, target.index("”)") + 2)]


def test_apostrophes_are_not_quotes():
    key = "共同訓練・演習については"
    target = ("Joint training with the U.S.’ forces and Japan’s units, the allies’ exercises, Japan's and the "
              "U.S.' services, and ‘Japan’s own’ drills, ‘(the allies’ view)’, have expanded.")
    assert found(translated(key, target)) == []
    assert spans(found(translated(key, target.replace("‘Japan’s own’", "‘Japan’s own")))) == [
        (target.index("‘Japan"), target.index("‘Japan") + 1)]


def test_list_items_closed_by_a_bracket_alone_are_not_unbalanced_but_a_lone_one_is():
    key = "その特徴は、①平時から"
    assert found(translated(key, edit(key, {"(1) ": "1) ", "(2) ": "2) ", "(3) ": "3) "}))) == []
    target = edit(key, {"(1) ": "1) "})
    assert spans(found(translated(key, target))) == [(target.index("1)") + 1, target.index("1)") + 2)]
    target = edit(key, {"(1) it can be used from": "it can be used) from"})
    assert spans(found(translated(key, target))) == [(target.index("used)") + 4, target.index("used)") + 5)]


def test_a_bracket_the_source_itself_leaves_open_may_stay_open_in_the_translation():
    # The caption of the real source broken across two lines at another point (lines 67-68 break it earlier).
    caption = real("平成29年度海上自衛隊演習")
    first = dataclasses.replace(caption, source="平成29年度海上自衛隊演習(実動演習(日米共同演習及び",
                                target="FY2017 JMSDF Exercise (field training exercise (Japan-U.S. bilateral "
                                       "exercise and")
    second = dataclasses.replace(caption, source="日米加共同訓練))における会議の様子",
                                 target="Japan-U.S.-Canada joint training)): a meeting")
    assert found(first) == [] and found(second) == []
    quoted = first.target + " “the"
    assert spans(found(dataclasses.replace(first, target=quoted))) == [(len(quoted) - 4, len(quoted) - 3)]
    [problem] = found(dataclasses.replace(second, target="Japan-U.S.-Canada joint training))): a meeting"))
    assert problem.message == '")" closes nothing; add "(" before it or remove it'


WORDS = ["Alliance", "Coordination", "Mechanism", "ACM", "Japan-U.S.", "F/A-18", "2+2", "II-4-2-3", "FY2017",
         "—", "café", "¥10", "1,000"]
APOSTROPHE_WORDS = ["Japan’s", "allies’", "U.S.’", "Japan's", "a", "1", "iv", "SDF’s"]
PAIRS = [("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("‘", "’"), ('"', '"')]


def nested(words: list[str]) -> st.SearchStrategy[str]:
    """English text whose brackets and quotes are balanced and properly nested."""
    plain = st.lists(st.sampled_from(words), min_size=1, max_size=3).map(" ".join)
    groups = st.recursive(plain, lambda inner: st.tuples(st.sampled_from(PAIRS),
                                                         st.lists(inner, min_size=1, max_size=3))
                          .map(lambda group: group[0][0] + " ".join(group[1]) + group[0][1]), max_leaves=8)
    return st.lists(groups, min_size=1, max_size=4).map(" ".join)


@given(nested(WORDS + APOSTROPHE_WORDS))
def test_balanced_properly_nested_brackets_are_never_reported(target):
    assert bracket_mismatch(translated("Contents", target)) == []


@given(nested(WORDS), st.data())
def test_removing_one_bracket_or_quote_is_always_reported(target, data):
    marks = [at for at, char in enumerate(target) if char in "()[]{}“”’\""]  # a ’ left alone is an apostrophe
    if not marks:
        return
    at = data.draw(st.sampled_from(marks))
    assert bracket_mismatch(translated("Contents", target[:at] + target[at + 1:]))


# ---- double-space -------------------------------------------------------------

def test_two_spaces_in_a_row_are_reported_with_their_span():
    key = "同盟調整メカニズム(ACM:"
    target = edit(key, {"2015, based": "2015,  based"})
    [problem] = found(translated(key, target))
    assert problem.check == "double-space"
    assert problem.target_span == (target.index("  "), target.index("  ") + 2)
    assert problem.message == "2 spaces in a row; use one"
    target = edit(key, {"2015, based": "2015,\u00a0 based"})
    assert spans(found(translated(key, target))) == [(target.index("\u00a0"), target.index("\u00a0") + 2)]


def test_two_spaces_after_a_sentence_stop_break_the_house_style_too():
    key = "これらの観点を踏まえ"
    target = "In light of these points,\u00a0 the MOD/SDF continue.   They work to enhance joint training."
    problems = found(translated(key, target))
    assert [problem.message for problem in problems] == [
        "2 spaces in a row; use one", "3 spaces in a row; one space after a sentence stop too (house style)"]


def test_whitespace_at_either_end_has_its_own_message_and_single_special_spaces_are_fine():
    key = "(1)同盟調整メカニズム"
    target = "  " + good(key) + "\n"
    assert [problem.message for problem in found(translated(key, target))] == [
        "the translation starts with whitespace; remove it", "the translation ends with whitespace; remove it"]
    assert spans(found(translated(key, target))) == [(0, 2), (len(target) - 1, len(target))]
    assert found(translated("図表II-4-2-3 同", "Fig.\u00a0II-4-2-3 Framework of the Alliance Coordination "
                                                    "Mechanism\u202f(ACM)")) == []


def test_a_translation_of_spaces_only_is_one_finding():
    assert [problem.message for problem in found(translated("Contents", "   "))] == [
        "the translation is only whitespace; translate the entry or leave it empty"]


@given(key=st.sampled_from(list(GOOD)), data=st.data())
def test_one_extra_space_anywhere_between_words_is_one_finding_there(key, data):
    assert double_space(translated(key)) == []
    words = good(key).split(" ")
    if len(words) < 2:
        return
    at = data.draw(st.integers(1, len(words) - 1))
    target = " ".join(words[:at]) + "  " + " ".join(words[at:])
    start = len(" ".join(words[:at]))
    assert spans(double_space(translated(key, target))) == [(start, start + 2)]


# ---- end-punctuation ------------------------------------------------------------

def test_a_sentence_without_its_final_stop_is_reported():
    key = "同盟調整メカニズム(ACM:"
    [problem] = found(translated(key, good(key)[:-1]))
    assert problem.check == "end-punctuation" and problem.target_span == (len(good(key)) - 2, len(good(key)) - 1)
    assert "end it with a period" in problem.message
    assert found(translated(key, good(key)[:-1] + ","), "end-punctuation")


def test_a_japanese_full_stop_left_at_the_end_is_one_finding_not_two():
    key = "同盟調整メカニズム(ACM:"
    [problem] = found(translated(key, good(key)[:-1] + "。"))
    assert problem.check == "source-text-in-target"


def test_a_stop_inside_or_outside_closing_brackets_and_quotes_ends_a_sentence():
    key = "さらに、15(平成27)年4月の日米防衛相会談"   # ends 「…実施)。」 in the source
    assert found(translated(key, edit(key, {"February 2018).": "February 2018.)"}))) == []
    assert found(translated(key, edit(key, {"February 2018).": "February 2018)"})))
    key = "その項目の多くは、防"  # ends 」として盛り込まれている。
    assert found(translated(key, edit(key, {"areas.”": "areas”."}))) == []
    assert found(translated(key, edit(key, {"areas.”": "areas”"})))


def test_a_footnote_marker_may_end_either_side():
    key = "「相互の防衛調達に関する覚書"   # …(RDP MOU:…)」7が署名された。 — the 7 ends the English
    assert found(translated(key, edit(key, {".”7": "”.[7]"}))) == []
    assert found(translated(key, edit(key, {".”7": "”⁷."}))) == []
    [problem] = found(translated(key, edit(key, {".”7": "”7"})))
    assert problem.check == "end-punctuation"
    # …基本原則としている3: the source lost its 。 before the marker; a period in the English is right,
    # and none is tolerated.
    key = "この協定は、日米安保条約"
    assert real(key).markers == (3,)
    assert found(translated(key)) == [] and found(translated(key, good(key)[:-2] + "3")) == []


SENTENCES = [key for key in GOOD if real(key).source.rstrip("」』)）").endswith("。")]
UNPUNCTUATED = [key for key in GOOD if "body" not in real(key).roles and not real(key).source.endswith("。")]


def test_the_real_source_has_sentences_and_unpunctuated_lines_of_every_role():
    # 72 body entries, one without its 。 (…としている3), and footnotes 3 and 8; 24 headings, 5 captions,
    # 3 figures, 13 cross references and 5 footnotes without final punctuation.
    assert (len(SENTENCES), len(UNPUNCTUATED)) == (73, 50)
    assert {role for key in UNPUNCTUATED for role in real(key).roles} == {
        "heading", "caption", "figure", "cross-reference", "footnote"}


@pytest.mark.parametrize("key", [key for key in SENTENCES if not good(key).endswith("etc.).")])
def test_every_real_sentence_loses_its_stop_and_is_reported(key):
    # Left out: "…, etc.)." without its last period still ends in the period of "etc.", which is accepted.
    target = good(key)
    stop = target.rindex(".")
    assert [problem.check for problem in found(translated(key, target[:stop] + target[stop + 1:]))] == [
        "end-punctuation"]


@pytest.mark.parametrize("key", UNPUNCTUATED)
def test_every_real_heading_caption_figure_reference_and_note_gains_a_period_and_is_reported(key):
    [problem] = found(translated(key, good(key) + "."))
    assert problem.check == "end-punctuation" and real(key).roles[0] in problem.message
    assert problem.target_span == (len(good(key)), len(good(key)) + 1)


def test_a_heading_may_end_in_an_abbreviation_or_a_bracket_holding_one():
    assert found(translated("3 同盟強化の主な取組", "3 Major Initiatives for the Alliance with the U.S.")) == []
    assert found(translated("資料44(その他の国家間安全保障対話など)", "Reference 44 (Other Dialogues, etc.)")) == []
    assert found(translated("資料44(その他の国家間安全保障対話など)", "Reference 44 (Other Dialogues), etc.")) == []
    assert found(translated("資料44(その他の国家間安全保障対話など)", "Reference 44 (Other Dialogues)."))


def test_a_question_needs_a_question_mark_and_an_exclamation_a_stop():
    question = dataclasses.replace(real("これらの観点を踏まえ"), source="日米同盟の抑止力をいかに強化するか？")
    assert end_punctuation(dataclasses.replace(question, target="How can deterrence be strengthened?")) == []
    [problem] = end_punctuation(dataclasses.replace(question, target="How the deterrence can be strengthened."))
    assert '"?"' in problem.message
    exclamation = dataclasses.replace(question, source="日米同盟を強化しよう！")
    assert end_punctuation(dataclasses.replace(exclamation, target="Let us strengthen the Alliance.")) == []
    assert end_punctuation(dataclasses.replace(exclamation, target="Let us strengthen the Alliance"))


# ---- all of them ------------------------------------------------------------------

@given(source=st.text(max_size=30), target=st.text(min_size=1, max_size=60),
       markers=st.lists(st.integers(1, 9), max_size=2).map(tuple),
       roles=st.lists(st.sampled_from(["heading", "body", "caption", "footnote"]), max_size=2).map(tuple))
def test_any_text_gives_known_checks_with_spans_inside_the_texts(source, target, markers, roles):
    for problem in check_text(Entry("a.po", 1, source, target, roles=roles, markers=markers)):
        assert problem.check in CHECKS
        assert problem.message
        for span, text in ((problem.target_span, target), (problem.source_span, source)):
            assert span is None or 0 <= span[0] < span[1] <= len(text)
