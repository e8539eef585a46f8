"""Benchmark: reading and validating a large TBX glossary, against a bare lxml parse.

Generates a synthetic but realistic glossary (Japanese and English terms,
acronyms, admitted variants, forbidden terms, notes), saves it as TBX in a
temporary folder, then times in one run:

  (a) lxml ``etree.parse`` of the file (the floor for any reader built on lxml)
  (b) yakugo's ``read_tbx`` + ``validate_glossary``

The goal is (b) within 3x of (a). Times are CPU seconds of this process
(time.process_time), best of --repeat rounds, each round timing (a), then
read_tbx and validate_glossary one after the other (their sum is (b)), so
other programs running on the machine disturb the figures as little as
possible. Both (a) and (b) keep what they produce (the tree; the glossary and
its problems) until after timing.

    python bench/bench_glossary.py [--concepts 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import platform
import sys
import tempfile
import time
from pathlib import Path

import lxml
from lxml import etree

from yakugo.glossary.model import Concept, Glossary, Term
from yakugo.glossary.tbx import read_tbx, save_tbx
from yakugo.glossary.validate import validate_glossary

# Building blocks for compound terms; three-part combinations give over 100k distinct terms.
JA_HEAD = ("防衛", "安全保障", "自衛隊", "統合", "海上", "航空", "陸上", "情報", "宇宙", "サイバー",
           "電磁波", "弾道", "ミサイル", "国際", "同盟", "装備", "後方", "指揮", "警戒", "災害",
           "周辺", "共同", "戦略", "技術", "通信", "無人", "衛星", "部隊", "訓練", "輸送",
           "艦艇", "潜水", "防空", "監視", "教育", "研究", "予算", "人事", "医療", "施設",
           "基地", "地域", "沿岸", "島嶼", "国家", "平和", "多国間", "地上", "緊急", "特殊")
JA_MID = ("作戦", "能力", "体制", "政策", "計画", "協力", "態勢", "基盤", "機能", "組織",
          "運用", "整備", "開発", "管理", "支援", "対処", "演習", "調達", "協議", "分析",
          "評価", "強化", "防護", "配備", "連携", "構想", "審議", "交流", "即応", "抑止",
          "展開", "補給", "偵察", "迎撃", "改革", "検証", "維持", "統制", "調整", "派遣",
          "警備", "救難", "探知", "追尾", "制御", "処理", "保全", "確保", "向上", "推進")
JA_TAIL = ("", "本部", "部門", "会議", "指針", "要領", "制度", "装置", "システム", "事業",
           "センター", "法", "大綱", "報告", "概要", "方針", "区域", "基準", "措置", "課題")
EN_HEAD = ("defense", "security", "self-defense", "joint", "maritime", "air", "ground", "intelligence",
           "space", "cyber", "electromagnetic", "ballistic", "missile", "international", "alliance",
           "equipment", "logistics", "command", "warning", "disaster", "regional", "combined",
           "strategic", "technology", "communications", "unmanned", "satellite", "unit", "training",
           "transport", "naval", "submarine", "air defense", "surveillance", "education", "research",
           "budget", "personnel", "medical", "facility", "base", "area", "coastal", "island",
           "national", "peace", "multilateral", "surface", "emergency", "special")
EN_MID = ("operations", "capability", "posture", "policy", "plan", "cooperation", "readiness",
          "infrastructure", "function", "organization", "employment", "development program",
          "buildup", "management", "support", "response", "exercise", "procurement", "consultation",
          "analysis", "assessment", "enhancement", "protection", "deployment", "coordination",
          "concept", "deliberation", "exchange", "rapid response", "deterrence", "expansion",
          "resupply", "reconnaissance", "interception", "reform", "verification", "maintenance",
          "control", "adjustment", "dispatch", "security patrol", "rescue", "detection", "tracking",
          "guidance", "processing", "preservation", "assurance", "improvement", "promotion")
EN_TAIL = ("", "headquarters", "division", "council", "guidelines", "manual", "system", "device",
           "network", "project", "center", "act", "outline", "report", "summary", "directive",
           "zone", "standard", "measure", "issue")
SUBJECTS = ("defense policy", "operations", "equipment", "international cooperation", "organization")


def synthetic_glossary(count: int) -> Glossary:
    concepts = []
    for i in range(count):
        h, m, t = i % 50, (i // 50) % 50, (i // 2500) % 20
        ja = JA_HEAD[h] + JA_MID[m] + JA_TAIL[t]
        en = " ".join(part for part in (EN_HEAD[h], EN_MID[m], EN_TAIL[t]) if part)
        if i >= 50_000:  # beyond the 50k distinct combinations, vary the words so terms stay unique
            ja, en = f"第{i // 50_000}次{ja}", f"{en} phase {i // 50_000}"
        terms = [Term(ja, "ja"), Term(en, "en")]
        if i % 4 == 0:
            terms.insert(1, Term(JA_MID[m] + JA_HEAD[h] + "等" + str(i), "ja", status="admitted"))
        if i % 7 == 0:
            acronym = "".join(word[0] for word in en.replace("-", " ").split()).upper() + str(i)
            terms.append(Term(acronym, "en", status="admitted", type="acronym"))
        if i % 5 == 0:
            terms.append(Term(f"{EN_MID[m]} of {EN_HEAD[h]} no. {i}", "en", status="deprecated",
                              note="Older wording; do not use."))
        concepts.append(Concept(
            id=f"c{i:06d}",
            subject_field=SUBJECTS[i % len(SUBJECTS)],
            definition=f"The {en} as defined in the white paper, section {i % 97}." if i % 3 == 0 else "",
            note="Checked against the 2024 edition & the MOD glossary <internal>." if i % 10 == 0 else "",
            source="Defense of Japan 2024" if i % 2 == 0 else "",
            terms=terms,
        ))
    return Glossary(concepts=concepts, title="Synthetic benchmark glossary")


def timed(work) -> tuple[float, object]:
    gc.collect()
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000, help="number of concepts (default: 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of measurement, best kept (default: 3)")
    options = parser.parse_args(argv)

    glossary = synthetic_glossary(options.concepts)
    times: dict[str, list[float]] = {"baseline": [], "read": [], "validate": [], "ours": []}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "glossary.tbx"
        write_seconds, _ = timed(lambda: save_tbx(glossary, path))
        size = path.stat().st_size
        del glossary
        # Rounds alternate (a) and (b), so that both meet the same machine conditions.
        for round_number in range(options.repeat):
            seconds, tree = timed(lambda: etree.parse(str(path)))
            times["baseline"].append(seconds)
            elements = sum(1 for _ in tree.iter())
            del tree
            read_seconds, (loaded, warnings) = timed(lambda: read_tbx(path))
            validate_seconds, problems = timed(lambda: validate_glossary(loaded, path))
            times["read"].append(read_seconds)
            times["validate"].append(validate_seconds)
            times["ours"].append(read_seconds + validate_seconds)
            if round_number < options.repeat - 1:
                del loaded, problems

    best = {name: min(values) for name, values in times.items()}
    ratios = sorted(ours / base for ours, base in zip(times["ours"], times["baseline"]))
    terms = sum(len(c.terms) for c in loaded)
    errors = sum(p.severity == "error" for p in problems)
    print(f"glossary: {len(loaded):,} concepts, {terms:,} terms, {elements:,} elements, "
          f"{size / 1e6:.1f} MB; {len(warnings)} read warnings, {errors} validation errors, "
          f"{len(problems) - errors} validation warnings")
    print(f"python {platform.python_version()}, lxml {lxml.__version__}; "
          f"CPU seconds, best of {options.repeat} rounds")
    print()
    rows = [
        ("(a) lxml etree.parse (baseline)", best["baseline"]),
        ("(b) read_tbx + validate_glossary", best["ours"]),
        ("    of which read_tbx", best["read"]),
        ("    of which validate_glossary", best["validate"]),
        ("save_tbx (not in the goal)", write_seconds),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'step':<{width}}  {'seconds':>8}  {'x baseline':>10}")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:>8.2f}  {seconds / best['baseline']:>10.2f}")
    ratio = best["ours"] / best["baseline"]
    print()
    print(f"ratio (b)/(a) = {ratio:.2f} best vs best; per round {', '.join(f'{r:.2f}' for r in ratios)} "
          f"(goal: at most 3.00) -> {'OK' if ratio <= 3 else 'MISSED'}")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
