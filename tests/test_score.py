"""yakugo score: sacrebleu's numbers on the project's PO files and on plain text.

The hypothesis and reference are two different English translations, written
for these tests, of real sentences of the project's source (looked up in
translations/en by the start of their Japanese text). A third, deliberately
broken translation (forbidden terms, omissions, wrong numbers) is the second
system for the paired tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import polib
import pytest
from click.testing import CliRunner
from conftest import REAL_SOURCE, REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest
from yakugo.cli.score import score_command
from yakugo.scoring import score_files
from yakugo.scoring.align import align
from yakugo.scoring.inputs import TranslationFile, Unit, read_translation_file
from yakugo.scoring.report import as_dict

REAL_PO = REPO / "translations" / "en" / f"{REAL_SOURCE.stem}.po"
SACREBLEU = Path(sys.executable).parent / "sacrebleu"

# (start of the Japanese msgid, reference translation, hypothesis translation); None leaves it untranslated.
TRANSLATIONS = [
    ("Contents", "Contents", "Contents"),
    ("第II部 わが国の安全保障",
     "Part II Japan's Security and Defense Policy and the Japan-U.S. Alliance",
     "Part II Japan's Security and Defense Policies and the Japan-U.S. Alliance"),
    ("3 同盟強化の主な取組",
     "3 Major Initiatives for Strengthening the Alliance",
     "3 Main Efforts to Strengthen the Alliance"),
    ("ガイドラインでは、「日本の平和",
     "The Guidelines for Japan-U.S. Defense Cooperation state that, for the seamless protection of the peace "
     "and security of Japan, the two countries will take measures such as Intelligence, Surveillance and "
     "Reconnaissance (ISR) activities, air defense and missile defense, maritime security, and joint training "
     "and exercises, and will cooperate in responding to large-scale disasters in Japan.",
     "The Guidelines for Japan-U.S. Defense Cooperation make clear that, to ensure the peace and security of "
     "Japan seamlessly, measures are to be taken including Intelligence, Surveillance and Reconnaissance (ISR) "
     "activities, air defense and missile defense, maritime security, and joint training and exercises, and "
     "that the two countries will cooperate in dealing with large-scale disasters in Japan."),
    ("その項目の多くは",
     'Many of these items are also included in the National Defense Program Guidelines (NDPG) as '
     '"strengthening the deterrence and response capabilities of the Japan-U.S. Alliance" and '
     '"strengthening and expanding cooperation in a wide range of areas."',
     'Many of these items are also incorporated in the NDPG under "strengthening the deterrence and response '
     'capabilities of the Japan-U.S. Alliance" and "strengthening and expanding cooperation in a broad range '
     'of fields."'),
    ("1 同盟内の調整の強化",
     "1 Strengthening Coordination within the Alliance",
     "1 Enhancing Coordination within the Alliance"),
    ("(1)同盟調整メカニズムの設置",
     "(1) Establishment of the Alliance Coordination Mechanism",
     "(1) Establishing the Alliance Coordination Mechanism"),
    ("15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和",
     "In November 2015, based on the Guidelines, the Japanese and U.S. Governments established the Alliance "
     "Coordination Mechanism (ACM) in order to respond seamlessly and effectively to situations that affect "
     "the peace and security of Japan and to any other situation that may require an Alliance response.",
     "In November 2015, the Governments of Japan and the United States set up the Alliance Coordination "
     "Mechanism (ACM) under the Guidelines, with the aim of addressing in a seamless and effective manner "
     "situations affecting Japan's peace and security and all other situations that may require a response "
     "as an alliance."),
    ("同メカニズムの設置以降",
     "Since the establishment of the ACM, Japan and the United States have worked closely together, also "
     "using the mechanism, on matters such as the 2016 Kumamoto Earthquake, North Korea's ballistic missile "
     "launches, and Chinese activities in the waters and airspace around the Senkaku Islands.",
     "Since the mechanism was set up, Japan and the United States have been cooperating closely, including "
     "through the mechanism, on the Kumamoto Earthquake of 2016, the ballistic missile launches by North "
     "Korea, and China's activities in the sea and air areas around the Senkaku Islands."),
    ("(2)運用面の調整の強化",
     "(2) Strengthening Operational Coordination",
     "(2) Enhancing Operational Coordination"),
    ("日米両政府は、ガイドラインに基づき、運用面",
     "Based on the Guidelines, the Japanese and U.S. Governments recognize the importance of collocating "
     "operational coordination functions, and the SDF and the U.S. Forces will exchange personnel to support "
     "close information sharing, smooth coordination and international activities.",
     "Recognizing, under the Guidelines, the importance of co-locating operational coordination functions, "
     "the two Governments have decided that the SDF and the U.S. Forces will exchange liaison personnel to "
     "support close information sharing, smooth coordination, and international activities."),
    ("2 日本の平和及び安全の切れ目のない確保のための措置",
     "2 Measures to Ensure the Seamless Protection of the Peace and Security of Japan",
     "2 Measures for Seamlessly Ensuring Japan's Peace and Security"),
    ("(2)ミサイル防衛", "(2) Missile Defense", "(2) Missile Defense"),
    ("弾道ミサイルへの対応については",
     "In responding to ballistic missiles, Japan and the United States have improved their bilateral response "
     "capabilities by sharing operational information and developing response procedures, and they have "
     "responded in coordination, also using the Alliance Coordination Mechanism, whenever North Korea "
     "launched ballistic missiles.",
     "As for ballistic missiles, Japan and the U.S. have enhanced their joint response capability through the "
     "sharing of operational information and the preparation of response procedures, and on each of North "
     "Korea's repeated ballistic missile launches they have responded together, making use of the Alliance "
     "Coordination Mechanism."),
    ("なお、装備面でも",
     "In terms of equipment, Japan and the United States are also jointly developing an advanced interceptor "
     "missile for ballistic missile defense (SM-3 Block IIA).",
     "On the equipment side as well, Japan and the U.S. are jointly developing the SM-3 Block IIA, an "
     "improved interceptor missile for ballistic missile defense."),
    ("(3)海洋安全保障", "(3) Maritime Security", "(3) Maritime Security"),
    ("海自と米海軍は",
     "The MSDF and the U.S. Navy cooperate appropriately in maintaining and enhancing the presence of Japan "
     "and the United States in the Western Pacific through various joint training and exercises.",
     "Through various joint training and exercises, the MSDF and the U.S. Navy work together to maintain and "
     "improve the Japan-U.S. presence in the Western Pacific."),
    ("とりわけ、実戦経験豊富な",
     "In particular, the knowledge and skills that can be learned from the U.S. Forces, which have abundant "
     "combat experience, are extremely valuable and contribute greatly to improving the capabilities of the "
     "SDF.",
     "Above all, the expertise and techniques that the SDF can acquire from the combat-experienced U.S. Forces "
     "are highly valuable and greatly help to enhance SDF capabilities."),
    ("これらの観点を踏まえ", None,
     "From these viewpoints, MOD and the SDF keep making efforts to expand joint training."),
    ("近年では、地方自治体が",
     "In recent years, U.S. Forces Japan have also taken part in disaster prevention drills held by local "
     "governments, deepening their cooperation with the relevant organizations.",
     None),
]

# A careless draft: forbidden glossary terms, a wrong year, dropped clauses.
BROKEN = {
    "第II部 わが国の安全保障": "Part II Security of our country and U.S.-Japan Alliance",
    "3 同盟強化の主な取組": "3 Alliance strengthening main works",
    "その項目の多くは": "Many items are put in the National Defence Programme Guidelines too.",
    "(1)同盟調整メカニズムの設置": "(1) Alliance Adjustment Mechanism setting",
    "15(平成27)年11月、日米両政府は、ガイドラインに基づき、日本の平和":
        "In November 2017 Japan and US made the Alliance Adjustment Mechanism.",
    "(2)ミサイル防衛": "(2) Missile Defence",
    "弾道ミサイルへの対応については": "Japan and US respond to missiles together.",
    "海自と米海軍は": "Navy of Japan and America cooperate in Pacific.",
    "とりわけ、実戦経験豊富な": "Especially American army is very experienced in war.",
}


def entry_for(catalog: polib.POFile, prefix: str) -> polib.POEntry:
    matches = [e for e in catalog if e.msgid.startswith(prefix)]
    assert len(matches) == 1, prefix
    return matches[0]


def make_po(path: Path, translations: dict[str, str]) -> Path:
    """The project's PO file with exactly the given translations (whatever the repository's file holds)."""
    catalog = polib.pofile(str(REAL_PO), wrapwidth=0)
    for entry in catalog:
        entry.msgstr = ""
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    for prefix, text in translations.items():
        entry_for(catalog, prefix).msgstr = text
    catalog.save(str(path))
    return path


def references() -> dict[str, str]:
    return {prefix: ref for prefix, ref, _ in TRANSLATIONS if ref is not None}


def hypotheses() -> dict[str, str]:
    return {prefix: hyp for prefix, _, hyp in TRANSLATIONS if hyp is not None}


def broken() -> dict[str, str]:
    return {**hypotheses(), **BROKEN}


def expected_pairs(hypothesis: dict[str, str]) -> list[tuple[str, str]]:
    """(hypothesis, reference) of every entry translated in the reference, in PO order, worked out here."""
    catalog = polib.pofile(str(REAL_PO))
    order = {entry.msgid: index for index, entry in enumerate(catalog)}
    rows = sorted((order[entry_for(catalog, prefix).msgid], hypothesis.get(prefix, ""), ref)
                  for prefix, ref in references().items())
    return [(hyp, ref) for _, hyp, ref in rows]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {"ref": make_po(tmp_path / "ref.po", references()),
            "hyp": make_po(tmp_path / "hyp.po", hypotheses()),
            "broken": make_po(tmp_path / "broken.po", broken())}


@pytest.fixture(autouse=True)
def fixed_seed(monkeypatch):
    monkeypatch.delenv("SACREBLEU_SEED", raising=False)  # sacrebleu then uses its default seed, 12345


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(score_command, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def sacrebleu_cli(*args: str) -> str:
    result = subprocess.run([str(SACREBLEU), *args], capture_output=True, text=True, check=True,
                            env={**os.environ, "NO_COLOR": "1"})
    return result.stdout


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def json_report(*args: str) -> dict:
    code, output = run(*args, "--format", "json")
    assert code == 0, output
    return json.loads(output)


# --- Equality with sacrebleu's own command line --------------------------------------------------


def test_po_scores_and_signatures_are_those_of_sacrebleus_command_line(files, tmp_path):
    pairs = expected_pairs(hypotheses())
    assert len(pairs) == 19 and ("", references()["近年では、地方自治体が"]) in pairs
    hyp_txt = write_lines(tmp_path / "hyp.txt", [hyp for hyp, _ in pairs])
    ref_txt = write_lines(tmp_path / "ref.txt", [ref for _, ref in pairs])

    theirs = json.loads(sacrebleu_cli(str(ref_txt), "-i", str(hyp_txt), "-m", "bleu", "chrf", "ter", "-w", "4"))
    ours = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--width", "4")
    assert [s["name"] for s in ours["scores"]] == ["BLEU", "chrF2", "TER"] == [s["name"] for s in theirs]
    for mine, reference in zip(ours["scores"], theirs):
        assert round(mine["score"], 4) == reference["score"]
        assert mine["signature"] == reference["signature"]

    their_lines = [line.strip() for line in sacrebleu_cli(
        str(ref_txt), "-i", str(hyp_txt), "-m", "bleu", "chrf", "ter", "-f", "text").splitlines()]
    code, output = run(str(files["hyp"]), "--ref", str(files["ref"]))
    assert code == 0
    assert their_lines == [line for line in output.splitlines() if "|nrefs:" in line]


def test_plain_text_with_two_references_and_chrf_plus_plus_matches_sacrebleu(tmp_path):
    rows = [(BROKEN[p], ref, hyp) for p, ref, hyp in TRANSLATIONS if p in BROKEN and ref and hyp]
    hyp_txt = write_lines(tmp_path / "draft.txt", [row[0] for row in rows])
    ref1 = write_lines(tmp_path / "ref1.txt", [row[1] for row in rows])
    ref2 = write_lines(tmp_path / "ref2.txt", [row[2] for row in rows])

    theirs = json.loads(sacrebleu_cli(str(ref1), str(ref2), "-i", str(hyp_txt), "-m", "bleu", "chrf", "ter",
                                      "--chrf-word-order", "2", "-w", "4"))
    ours = json_report(str(hyp_txt), "--ref", str(ref1), "--ref", str(ref2), "--metrics", "bleu,chrf++,ter",
                       "--width", "4")
    assert ours["summary"]["segments_scored"] == len(rows) == len(BROKEN) == 9
    assert [(round(s["score"], 4), s["signature"]) for s in ours["scores"]] == \
        [(s["score"], s["signature"]) for s in theirs]
    assert "nrefs:2" in ours["scores"][0]["signature"] and ours["scores"][1]["name"] == "chrF2++"


def test_segment_scores_are_sacrebleus_sentence_scores(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]))
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(), TER()
    for segment, (hyp, ref) in zip(report["segments"], expected_pairs(hypotheses()), strict=True):
        assert (segment["hypothesis"], segment["references"]) == (hyp, [ref])
        assert segment["scores"] == {"BLEU": bleu.sentence_score(hyp, [ref]).score,
                                     "chrF2": chrf.sentence_score(hyp, [ref]).score,
                                     "TER": ter.sentence_score(hyp, [ref]).score}


# --- Pairing -------------------------------------------------------------------------------------


def test_untranslated_references_are_unpaired_and_untranslated_hypotheses_score_as_empty(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]))
    assert report["summary"] == {"segments_scored": 19, "empty_hypotheses": 1, "unpaired": 105,
                                 "unpaired_by_reason": {"untranslated in " + str(files["ref"]): 105}}
    assert len(polib.pofile(str(REAL_PO))) == 19 + 105
    empty = [s for s in report["segments"] if s["hypothesis"] == ""]
    assert [s["source"][:11] for s in empty] == ["近年では、地方自治体が"]
    assert empty[0]["scores"] == {"BLEU": 0.0, "chrF2": 0.0, "TER": 100.0}
    # The sentence translated only in the hypothesis is listed as unpaired, with where it is.
    unpaired = {u["source"][:10]: u for u in report["unpaired"]}
    assert unpaired["これらの観点を踏まえ"]["reason"] == "untranslated"
    line = entry_for(polib.pofile(str(files["hyp"])), "これらの観点を踏まえ").linenum
    assert unpaired["これらの観点を踏まえ"]["location"] == f"{files['hyp']}:{line}"


def test_segments_missing_from_a_file_are_counted_and_the_rest_still_pair(files, tmp_path):
    catalog = polib.pofile(str(files["ref"]), wrapwidth=0)
    catalog.remove(entry_for(catalog, "(2)ミサイル防衛"))
    catalog.save(str(tmp_path / "short.po"))
    report = json_report(str(files["hyp"]), "--ref", str(tmp_path / "short.po"))
    assert report["summary"]["segments_scored"] == 18
    assert report["summary"]["unpaired_by_reason"] == {f"missing from {tmp_path / 'short.po'}": 1,
                                                       f"untranslated in {tmp_path / 'short.po'}": 105}


def test_reference_order_does_not_matter_for_source_aligned_files(files, tmp_path):
    catalog = polib.pofile(str(files["ref"]), wrapwidth=0)
    entries = list(catalog)
    catalog[:] = entries[::-1]
    catalog.save(str(tmp_path / "reversed.po"))
    straight = json_report(str(files["hyp"]), "--ref", str(files["ref"]))
    reversed_ = json_report(str(files["hyp"]), "--ref", str(tmp_path / "reversed.po"))
    assert [s["score"] for s in straight["scores"]] == [s["score"] for s in reversed_["scores"]]


def test_plain_text_pairs_by_line_and_counts_the_lines_left_over(tmp_path):
    hyp = write_lines(tmp_path / "hyp.txt", ["Contents", "(2) Missile Defense", "(3) Maritime Security", "extra"])
    ref = write_lines(tmp_path / "ref.txt", ["Contents", "(2) Missile Defense", "(3) Maritime Security"])
    report = json_report(str(hyp), "--ref", str(ref))
    assert report["summary"]["segments_scored"] == 3
    assert report["summary"]["unpaired_by_reason"] == {f"missing from {ref}": 1}
    assert report["unpaired"] == [{"location": f"{hyp}:4", "source": None, "reason": "missing", "file": str(ref)}]
    assert [s["score"] for s in report["scores"]] == [pytest.approx(100.0), 100.0, 0.0]


def test_a_plain_text_hypothesis_pairs_with_po_entries_by_position(files, tmp_path):
    catalog = polib.pofile(str(REAL_PO))
    lines = [hypotheses().get(next((p for p, _, _ in TRANSLATIONS if e.msgid.startswith(p)), ""), "")
             for e in catalog]
    text = write_lines(tmp_path / "mt.txt", lines)
    by_line = json_report(str(text), "--ref", str(files["ref"]))
    by_source = json_report(str(files["hyp"]), "--ref", str(files["ref"]))
    assert [s["score"] for s in by_line["scores"]] == [s["score"] for s in by_source["scores"]]
    assert by_line["segments"][3]["source"].startswith("ガイドラインでは、「日本の平和")


@pytest.mark.parametrize("suffix", ["tmx", "xlf"])
def test_tmx_and_xliff_hypotheses_pair_with_po_references_by_source(files, tmp_path, suffix):
    from yakugo.export.tmx import tmx_bytes
    from yakugo.export.xliff import xliff_bytes
    export = tmx_bytes if suffix == "tmx" else xliff_bytes
    hyp = tmp_path / f"hyp.{suffix}"
    hyp.write_bytes(export([("hyp.po", polib.pofile(str(files["hyp"])))]))
    report = json_report(str(hyp), "--ref", str(files["ref"]))
    # The exports hold the 19 translated entries only: the untranslated one is missing, not empty.
    assert report["summary"]["unpaired_by_reason"] == {f"missing from {hyp}": 105,
                                                       f"untranslated in {files['ref']}": 1}
    pairs = [(h, r) for h, r in expected_pairs(hypotheses()) if h]
    assert report["summary"]["segments_scored"] == len(pairs) == 18
    hyps, refs = zip(*pairs)
    assert [s["score"] for s in report["scores"]] == \
        [metric.corpus_score(list(hyps), [list(refs)]).score for metric in (BLEU(), CHRF(), TER())]


# --- Worst segments, JSON, XLSX, HTML ------------------------------------------------------------


def test_worst_segments_are_listed_lowest_chrf_first(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--segments", "4")
    chrf = CHRF()
    by_hand = sorted(expected_pairs(hypotheses()), key=lambda pair: chrf.sentence_score(pair[0], [pair[1]]).score)
    worst = [report["segments"][n - 1] for n in report["worst_segments"]]
    assert [s["hypothesis"] for s in worst] == [hyp for hyp, _ in by_hand[:4]]
    assert worst[0]["hypothesis"] == ""  # the untranslated sentence is the worst of all

    code, output = run(str(files["hyp"]), "--ref", str(files["ref"]), "--segments", "4")
    listed = [line.split()[0] for line in output.splitlines() if line.startswith("#")]
    assert listed == [f"#{n}" for n in report["worst_segments"]]
    assert "worst segments by sentence-level chrF2:" in output and "hypothesis: (empty)" in output


def test_worst_segments_by_ter_are_the_highest_ter(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--segments", "19",
                         "--segment-metric", "ter", "--metrics", "bleu")
    ters = [report["segments"][n - 1]["scores"]["TER"] for n in report["worst_segments"]]
    assert ters == sorted(ters, reverse=True) and len(ters) == 19
    assert [s["name"] for s in report["scores"]] == ["BLEU"]


def test_json_report_shape(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--segments", "2")
    assert set(report) == {"hypothesis", "compared_with", "references", "revision", "target_language", "summary",
                           "scores", "comparison", "segment_metric", "segment_signatures", "worst_segments",
                           "segments", "unpaired"}
    assert report["target_language"] == "en" and report["compared_with"] is None and report["revision"] is None
    assert report["segment_metric"] == "chrF2" and len(report["worst_segments"]) == 2
    assert set(report["segment_signatures"]) == {"BLEU", "chrF2", "TER"}
    assert "eff:yes" in report["segment_signatures"]["BLEU"]
    assert [s["number"] for s in report["segments"]] == list(range(1, 20))
    for score in report["scores"]:
        assert set(score) == {"metric", "name", "score", "signature", "text"}
        assert score["text"].startswith(f"{score['name']}|{score['signature']} = ")
    first = report["segments"][0]
    assert first["location"] == f"{files['hyp']}:{entry_for(polib.pofile(str(files['hyp'])), 'Contents').linenum}"
    assert (first["source"], first["hypothesis"], first["references"]) == ("Contents", "Contents", ["Contents"])


def test_xlsx_report_reads_back_with_every_segment_and_formula_like_text_kept_as_text(files, tmp_path):
    catalog = polib.pofile(str(files["hyp"]), wrapwidth=0)
    entry_for(catalog, "(3)海洋安全保障").msgstr = "=HYPERLINK(\"http://example.com\")"
    catalog.save(str(files["hyp"]))
    out = tmp_path / "report.xlsx"
    code, output = run(str(files["hyp"]), "--ref", str(files["ref"]), "--format", "xlsx", "-o", str(out))
    assert code == 0 and f"{out} written" in output

    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Segments", "Scores", "Unpaired"]
    sheet = workbook["Segments"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("#", "Location", "Source", "Hypothesis", "Reference", "BLEU", "chrF2", "TER")
    assert len(rows) == 20 and [row[0] for row in rows[1:]] == list(range(1, 20))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:H20"
    formula_like = next(c for c in sheet["D"] if c.value == "=HYPERLINK(\"http://example.com\")")
    assert formula_like.data_type == "s"
    empty_row = next(row for row in rows[1:] if row[2].startswith("近年では"))
    assert empty_row[3] is None and empty_row[5:] == (0.0, 0.0, 100.0)
    scores = list(workbook["Scores"].iter_rows(values_only=True))
    assert [row[0] for row in scores[1:4]] == ["BLEU", "chrF2", "TER"]
    assert len(list(workbook["Unpaired"].iter_rows())) == 1 + 105

    # No dates of the moment anywhere, so the same report gives the same bytes.
    with zipfile.ZipFile(out) as archive:
        assert {member.date_time for member in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")
    first = out.read_bytes()
    run(str(files["hyp"]), "--ref", str(files["ref"]), "--format", "xlsx", "-o", str(out))
    assert out.read_bytes() == first


def test_xlsx_report_shows_what_a_workbook_cannot_hold_as_the_html_report_does(files, tmp_path):
    # U+FFFE and U+FFFF are no control characters, but XML cannot hold them either; the report shows the
    # segment text rather than round-tripping it, so both reports show U+FFFD where the character was.
    catalog = polib.pofile(str(files["hyp"]), wrapwidth=0)
    entry_for(catalog, "Contents").msgstr = "Con\ufffetents\uffff\x01"
    catalog.save(str(files["hyp"]))
    shown = "Con\ufffdtents\ufffd\ufffd"
    out = tmp_path / "report.xlsx"
    code, output = run(str(files["hyp"]), "--ref", str(files["ref"]), "--format", "xlsx", "-o", str(out))
    assert code == 0, output
    assert [c.value for c in load_workbook(out)["Segments"]["D"] if (c.value or "").startswith("Con")] == [shown]
    page = tmp_path / "report.html"
    assert run(str(files["hyp"]), "--ref", str(files["ref"]), "--format", "html", "-o", str(page))[0] == 0
    assert shown in [td.text for td in lxml.html.parse(str(page)).iter("td")]


def test_html_report_is_one_sortable_self_contained_page(files, tmp_path):
    out = tmp_path / "report.html"
    code, _ = run(str(files["hyp"]), "--ref", str(files["ref"]), "--format", "html", "-o", str(out),
                  "--compare", str(files["broken"]))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    page = lxml.html.fromstring(out.read_bytes())
    assert page.get("lang") == "en"
    table = page.xpath("//table[contains(@class, 'sortable')]")[0]
    headers = [th.text for th in table.xpath("thead/tr/th")]
    assert headers == ["#", "Location", "Source", "Hypothesis", "Compared hypothesis", "Reference",
                       "BLEU", "chrF2", "TER"]
    assert [th.get("data-type") for th in table.xpath("thead/tr/th")] == \
        ["number", None, None, None, None, None, "number", "number", "number"]
    rows = table.xpath("tbody/tr")
    assert len(rows) == 19
    cells = rows[0].xpath("td")
    assert cells[2].get("lang") == "ja" and cells[3].get("lang") == "en" and cells[5].get("lang") == "en"
    assert float(cells[7].get("data-value")) == CHRF().sentence_score("Contents", ["Contents"]).score
    assert page.xpath("//script") and "addEventListener" in page.xpath("//script")[0].text
    assert not page.xpath("//*[@src or @href]")  # nothing loaded from elsewhere
    assert "Paired bootstrap resampling (1000 samples)" in page.text_content()


# --- Confidence intervals and paired tests -------------------------------------------------------


def test_confidence_intervals_are_sacrebleus_bootstrap(files):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--confidence")
    hyps, refs = zip(*expected_pairs(hypotheses()))
    for score, metric in zip(report["scores"], (BLEU(), CHRF(), TER())):
        expected = metric.corpus_score(list(hyps), [list(refs)], n_bootstrap=1000)
        assert score["confidence"] == {"mean": pytest.approx(float(expected._mean), abs=0),
                                       "ci": pytest.approx(float(expected._ci), abs=0)}
        assert score["signature"] == metric.get_signature().format()
        assert "|bs:1000|seed:12345|" in score["signature"]
        assert "(μ = " in score["text"]


def test_compare_runs_sacrebleus_paired_bootstrap_test(files, tmp_path):
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--compare", str(files["broken"]))
    pairs = expected_pairs(hypotheses())
    broken_pairs = expected_pairs(broken())
    refs = [[ref for _, ref in pairs]]
    metrics = {"BLEU": BLEU(references=refs), "chrF2": CHRF(references=refs), "TER": TER(references=refs)}
    signatures, results = PairedTest([("hyp", [h for h, _ in pairs]), ("broken", [h for h, _ in broken_pairs])],
                                     metrics, references=None, test_type="bs")()
    comparison = report["comparison"]
    assert comparison["test"] == "paired bootstrap resampling" and comparison["samples"] == 1000
    for result in comparison["results"]:
        baseline, system = results[result["name"]]
        assert result["baseline"] == {"score": baseline.score, "mean": baseline.mean, "ci": baseline.ci}
        assert result["system"] == {"score": system.score, "p_value": system.p_value, "mean": system.mean,
                                    "ci": system.ci}
        assert result["signature"] == signatures[result["name"]].format()
    # The careless draft is worse on every metric, and the test says it is not chance.
    bleu, chrf, ter = comparison["results"]
    assert bleu["system"]["score"] < bleu["baseline"]["score"] and ter["system"]["score"] > ter["baseline"]["score"]
    assert all(r["system"]["p_value"] < 0.05 for r in comparison["results"])


def test_compare_with_approximate_randomization_matches_sacrebleus_command_line(files, tmp_path):
    pairs, broken_pairs = expected_pairs(hypotheses()), expected_pairs(broken())
    ref_txt = write_lines(tmp_path / "ref.txt", [ref for _, ref in pairs])
    hyp_txt = write_lines(tmp_path / "hyp.txt", [hyp for hyp, _ in pairs])
    broken_txt = write_lines(tmp_path / "broken.txt", [hyp for hyp, _ in broken_pairs])
    theirs = json.loads(sacrebleu_cli(str(ref_txt), "-i", str(hyp_txt), str(broken_txt), "-m", "bleu", "ter",
                                      "--paired-ar", "-f", "json"))
    report = json_report(str(files["hyp"]), "--ref", str(files["ref"]), "--compare", str(files["broken"]),
                         "--paired-test", "ar", "--metrics", "bleu,ter")
    for result in report["comparison"]["results"]:
        baseline, system = theirs[0][result["name"]], theirs[1][result["name"]]
        assert result["baseline"]["score"] == baseline["score"]
        assert (result["system"]["score"], result["system"]["p_value"]) == (system["score"], system["p_value"])


# --- Across git revisions ------------------------------------------------------------------------


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repository(project: Path) -> Path:
    """The test project in a git repository: the draft PO committed, then reviewed into the reference text."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    po = project / "translations" / "en" / REAL_PO.name
    po.parent.mkdir(parents=True)
    make_po(po, hypotheses())
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "draft")
    make_po(po, {**references(), **{p: hypotheses()[p] for p in ("Contents", "(2)ミサイル防衛")}})
    return project


def test_from_git_scores_the_current_po_against_its_committed_version(repository, monkeypatch):
    monkeypatch.chdir(repository)
    report = json_report("--from-git", "HEAD")
    name = f"translations/en/{REAL_PO.name}"
    assert report["hypothesis"] == name and report["references"] == [f"{name} at HEAD"]
    # Scored: the 19 sentences translated in the draft; the draft left 近年では untranslated (unpaired).
    assert report["summary"]["segments_scored"] == 19
    assert report["summary"]["unpaired_by_reason"] == {f"untranslated in {name} at HEAD": 105}
    # これらの観点を踏まえ was translated in the draft and is empty now; all but 3 sentences changed.
    unchanged = {p for p, ref, hyp in TRANSLATIONS if ref == hyp} | {"Contents", "(2)ミサイル防衛"}
    assert report["summary"]["changed_segments"] == 19 - len(unchanged) == 16
    ter = TER()
    for segment in report["segments"]:
        assert segment["scores"]["TER"] == ter.sentence_score(segment["hypothesis"], segment["references"]).score
    most_edited = [report["segments"][n - 1] for n in report["worst_segments"]]
    assert len(most_edited) == 5
    emptied = next(s for s in report["segments"] if s["hypothesis"] == "")
    assert emptied["source"].startswith("これらの観点を踏まえ") and emptied["scores"]["TER"] == 100.0
    assert [s["scores"]["TER"] for s in most_edited] == sorted((s["scores"]["TER"] for s in report["segments"]),
                                                              reverse=True)[:5]

    code, output = run("--from-git", "HEAD", "--segments", "2")
    assert code == 0
    assert "changed since HEAD: 16 of 19 segments" in output
    assert "most edited segments since HEAD (sentence-level TER):" in output
    assert "  at HEAD: From these viewpoints, MOD and the SDF" in output


def test_from_git_with_several_po_files_scores_them_as_one_corpus(repository, monkeypatch):
    monkeypatch.chdir(repository)
    second = repository / "translations" / "en" / "second.po"
    make_po(second, hypotheses())
    git(repository, "add", "translations/en/second.po")  # the first file keeps its review uncommitted
    git(repository, "commit", "-q", "-m", "second")
    first = f"translations/en/{REAL_PO.name}"
    report = json_report("--from-git", "HEAD", first, "translations/en/second.po")
    assert report["summary"]["segments_scored"] == 38 and report["summary"]["changed_segments"] == 16
    assert [s["number"] for s in report["segments"]] == list(range(1, 39))
    assert {s["location"].split(":")[0] for s in report["segments"][:19]} == {first}
    assert {s["location"].split(":")[0] for s in report["segments"][19:]} == {"translations/en/second.po"}
    assert report["references"] == [f"{first} at HEAD, translations/en/second.po at HEAD"]


@pytest.mark.parametrize(("revision", "message"), [
    ("NOPE", "unknown git revision 'NOPE'"),
    ("HEAD", "the file is not in git revision HEAD"),
])
def test_from_git_errors_name_the_problem(repository, monkeypatch, revision, message):
    monkeypatch.chdir(repository)
    new = repository / "translations" / "en" / "new.po"
    shutil.copy(REAL_PO, new)
    code, output = run("--from-git", revision, str(new) if revision == "HEAD" else f"translations/en/{REAL_PO.name}")
    assert code == 2 and message in output and "Traceback" not in output


def test_from_git_outside_a_repository_is_a_clear_error(project, monkeypatch):
    po = project / "translations" / "en" / REAL_PO.name
    po.parent.mkdir(parents=True)
    make_po(po, hypotheses())
    monkeypatch.chdir(project)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.parent))
    code, output = run("--from-git", "HEAD")
    assert code == 2 and "not inside a git repository" in output


# --- Target language -----------------------------------------------------------------------------


JAPANESE_REFERENCE = ["日米同盟の抑止力及び対処力を強化する。", "海洋安全保障について協力する。"]
JAPANESE_HYPOTHESIS = ["日米同盟の抑止力を強化する。", "海洋安全保障で協力する。"]


def test_japanese_target_uses_mecab_for_bleu_and_characters_for_ter(tmp_path):
    pytest.importorskip("MeCab")
    pytest.importorskip("ipadic")
    ref = write_lines(tmp_path / "ref.txt", JAPANESE_REFERENCE)
    hyp = write_lines(tmp_path / "hyp.txt", JAPANESE_HYPOTHESIS)
    report = json_report(str(hyp), "--ref", str(ref), "--lang", "ja")
    bleu, _, ter = report["scores"]
    assert "tok:ja-mecab-" in bleu["signature"] and "asian:yes" in ter["signature"]
    theirs = json.loads(sacrebleu_cli(str(ref), "-i", str(hyp), "-m", "bleu", "ter", "--tokenize", "ja-mecab",
                                      "--ter-asian-support", "--ter-normalized", "-w", "4"))
    assert [(round(s["score"], 4), s["signature"]) for s in (bleu, ter)] == \
        [(s["score"], s["signature"]) for s in theirs]


def test_japanese_target_splits_ter_into_characters_without_needing_mecab(tmp_path):
    ref = write_lines(tmp_path / "ref.txt", JAPANESE_REFERENCE)
    hyp = write_lines(tmp_path / "hyp.txt", JAPANESE_HYPOTHESIS)
    report = json_report(str(hyp), "--ref", str(ref), "--lang", "ja", "--metrics", "chrf,ter")
    theirs = json.loads(sacrebleu_cli(str(ref), "-i", str(hyp), "-m", "chrf", "ter", "--ter-asian-support",
                                      "--ter-normalized", "-w", "4"))
    assert [(round(s["score"], 4), s["signature"]) for s in report["scores"]] == \
        [(s["score"], s["signature"]) for s in theirs]
    # The reference splits into 18 tokens (kanji one by one, する kept whole); the hypothesis lacks the
    # 5 of 及び対処力. Split on spaces only, each sentence would be one token, and any change 100% TER.
    assert report["segments"][0]["scores"]["TER"] == pytest.approx(100 * 5 / 18)


def test_japanese_target_without_mecab_is_a_clear_error(tmp_path, monkeypatch):
    import sacrebleu.tokenizers.tokenizer_ja_mecab as mecab_tokenizer
    monkeypatch.setattr(mecab_tokenizer, "MeCab", None)
    text = write_lines(tmp_path / "ja.txt", ["日米同盟の抑止力を強化する。"])
    code, output = run(str(text), "--ref", str(text), "--lang", "ja_JP")
    assert code == 2
    assert output.strip() == ("yakugo: error: BLEU for target language 'ja' needs sacrebleu's ja tokenizer, "
                              "whose dependencies are not installed: pip install 'yakugo[ja]'")


def test_the_po_language_header_decides_and_disagreeing_files_are_refused(files, tmp_path):
    catalog = polib.pofile(str(files["ref"]), wrapwidth=0)
    catalog.metadata["Language"] = "ja"
    catalog.save(str(tmp_path / "ja.po"))
    code, output = run(str(files["hyp"]), "--ref", str(tmp_path / "ja.po"))
    assert code == 2 and "different languages" in output
    assert json_report(str(files["hyp"]), "--ref", str(tmp_path / "ja.po"), "--lang", "en",
                       "--metrics", "chrf")["target_language"] == "en"


# --- Bad input -----------------------------------------------------------------------------------


def test_bad_input_is_one_line_and_exit_2_with_nothing_written(files, tmp_path):
    out = tmp_path / "report.xlsx"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Contents\nDéfense\n".encode("latin-1"))
    header_only = tmp_path / "header.po"
    header_only.write_text('msgid ""\nmsgstr "Language: en\\n"\n', encoding="utf-8")
    cases = [
        ([str(tmp_path / "absent.po"), "--ref", str(files["ref"])], "absent.po: cannot read"),
        ([str(empty), "--ref", str(files["ref"])], "empty.txt: no segments to score"),
        ([str(header_only), "--ref", str(files["ref"])], "header.po: no segments to score"),
        ([str(latin1), "--ref", str(files["ref"])], "latin1.txt:2: not UTF-8"),
        ([str(files["hyp"]), "--ref", str(empty)], "no segment could be paired"),
    ]
    for args, message in cases:
        code, output = run(*args, "--format", "xlsx", "-o", str(out))
        assert code == 2, args
        assert message in output and len(output.strip().splitlines()) == 1, output
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == \
        sorted(["ref.po", "hyp.po", "broken.po", "empty.txt", "latin1.txt", "header.po"])


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xlsx"], "--format xlsx needs -o FILE"),
    (["--metrics", "bleu,meteor"], "choose from bleu, chrf, chrf++, ter"),
    (["--from-git", "HEAD"], "--from-git takes no --ref"),
])
def test_usage_errors_exit_2(files, args, message):
    code, output = run(str(files["hyp"]), "--ref", str(files["ref"]), *args)
    assert code == 2 and message in output


def test_a_hypothesis_needs_a_reference(files):
    code, output = run(str(files["hyp"]))
    assert code == 2 and "at least one --ref" in output


# --- Properties ----------------------------------------------------------------------------------

_words = st.lists(st.sampled_from(["Japan", "alliance", "the", "U.S.", "defense", "of", "joint", "training",
                                   "exercises", "Coordination", "(ACM)", "2015", "—", "security."]),
                  min_size=1, max_size=12).map(" ".join)
_unit_texts = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.one_of(st.just(""), _words)), max_size=10)


def _po_like(name: str, rows: list[tuple[str, str]]) -> TranslationFile:
    units, seen = [], {}
    for source, text in rows:
        seen[source] = seen.get(source, 0) + 1
        units.append(Unit((None, source, seen[source]), source, text, bool(text), None))
    return TranslationFile(name, units, True, "en")


@given(_unit_texts, _unit_texts, _unit_texts)
def test_every_segment_is_either_scored_or_reported_unpaired(hyp_rows, ref_rows, ref2_rows):
    files = [_po_like("hyp", hyp_rows), _po_like("ref", ref_rows), _po_like("ref2", ref2_rows)]
    alignment = align(files[:1], files[1:])
    keys = {unit.key for file in files for unit in file.units}
    assert len(alignment.segments) + len(alignment.unpaired) == len(keys)
    for segment in alignment.segments:
        assert all(segment.references)  # only translated references are scored
    assert alignment.empty_hypotheses() == sum(s.hypotheses[0] == "" for s in alignment.segments)
    # Pairing by source ignores the order of the references (repeats of a source keep their own order).
    reordered = align(files[:1], [_po_like("ref", sorted(ref_rows, key=lambda row: row[0])), files[2]])
    assert reordered.segments == alignment.segments
    assert sorted(map(repr, reordered.unpaired)) == sorted(map(repr, alignment.unpaired))


@settings(max_examples=25, deadline=None)
@given(st.lists(_words, min_size=1, max_size=8))
def test_a_translation_scored_against_itself_is_perfect(lines):
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = write_lines(Path(folder) / "same.txt", lines)
        report = as_dict(score_files(path, [path], ["chrf", "ter"]))
    assert [s["score"] for s in report["scores"]] == [100.0, 0.0]
    assert all(s["scores"] == {"chrF2": 100.0, "TER": 0.0} for s in report["segments"])


def test_reading_a_po_file_keeps_every_active_entry_in_order(files):
    file = read_translation_file(files["hyp"])
    catalog = polib.pofile(str(REAL_PO))
    assert [u.source for u in file.units] == [e.msgid for e in catalog]
    assert sum(u.translated for u in file.units) == len(hypotheses()) == 19
    assert file.language == "en" and file.by_source
