"""Synthetic Japanese source texts of any size, built from the real white-paper source.

``generate_source(n, seed)`` writes a document of about ``n`` sentences in the
shape of ``source_ja/dowj2018_II-4-2-3_alliance_initiatives.txt``: a part
heading, numbered section headings ("3 …") and "(3)…" sub-headings, body
paragraphs of 1–5 sentences, 参照 lines (some continued on the next lines),
図表 figure lines, photo captions (often repeated, sometimes split over two
lines), footnote markers in the text and a footnote block at the end.

Every sentence is a real sentence of the source with variations, so that the
sentences are mostly distinct: dates shifted (15(平成27)年11月 → 09(平成21)年3月,
consistently within a sentence), months, days and counts changed, units,
places and partners swapped from small lists, clauses inserted or dropped, a
framing phrase put in front.

``edit_source(text, fraction, seed)`` edits about ``fraction`` of the sentences
in place the way a source revision does (a few characters, a word, a short
clause; a few sentences deleted or added) and leaves every other byte alone.
``edit_source_log`` does the same and also says what it changed.

Both are deterministic for a seed and have no side effects at import; the real
source is read (once) on first use.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REAL_SOURCE = (Path(__file__).resolve().parent.parent / "source_ja"
               / "dowj2018_II-4-2-3_alliance_initiatives.txt")

# ---------------------------------------------------------------------------
# Material taken from the real source


@dataclass(frozen=True)
class _Material:
    body: tuple[str, ...]            # body sentences in source order, footnote markers removed
    sections: tuple[str, ...]        # titles of "3 同盟強化の主な取組" headings
    subsections: tuple[str, ...]     # titles of "(1)同盟調整メカニズムの設置" headings
    captions: tuple[str, ...]        # photo captions (distinct, whole)
    figures: tuple[str, ...]         # titles of 図表 lines and of 参照 targets
    footnotes: tuple[str, ...]       # footnote texts without their number
    kanji: str                       # kanji of the source, for character edits


_SECTION_HEADING = re.compile(r"^[0-9]{1,2} (.+)$")
_SUBSECTION_HEADING = re.compile(r"^\([0-9]{1,2}\)(.+)$")
_PAREN_TITLE = re.compile(r"\((.+)\)$")
_FIGURE_LINE = re.compile(r"^図表\S+ (.+)$")
_KANJI = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=4)
def _material(path: Path = REAL_SOURCE) -> _Material:
    from yakugo.document import (BODY, CAPTION, CROSS_REFERENCE, FIGURE, FOOTNOTE, HEADING,
                                 read_document)

    document = read_document(path)
    body, sections, subsections, captions, figures, footnotes = [], [], [], [], [], []
    for segment in document.segments:
        text = segment.text
        for marker in sorted(segment.markers, key=lambda m: -m.offset):
            text = text[:marker.offset] + text[marker.offset + marker.width:]
        if segment.role == BODY:
            # a sentence that ended on its footnote marker (…としている3) gets its 。 back
            body.append(text if re.search("[。！？]$", text) else text + "。")
        elif segment.role == HEADING:
            if match := _SECTION_HEADING.match(text):
                sections.append(match.group(1))
            elif match := _SUBSECTION_HEADING.match(text):
                subsections.append(match.group(1))
        elif segment.role == CAPTION:
            if len(text) > 20 and text not in captions:  # the halves of a split caption are skipped
                captions.append(text)
        elif segment.role == FIGURE:
            if match := _FIGURE_LINE.match(text):
                figures.append(match.group(1))
        elif segment.role == CROSS_REFERENCE:
            if match := _PAREN_TITLE.search(text):
                figures.append(match.group(1))
        elif segment.role == FOOTNOTE:
            footnotes.append(text)
    kanji = "".join(sorted(set(_KANJI.findall(document.text()))))
    return _Material(tuple(body), tuple(sections), tuple(subsections), tuple(captions),
                     tuple(dict.fromkeys(figures)), tuple(footnotes), kanji)


# ---------------------------------------------------------------------------
# Variations of a sentence

_SWAP_GROUPS: tuple[tuple[str, ...], ...] = (
    ("陸自", "海自", "空自"),
    ("米海軍", "米空軍", "米海兵隊", "米陸軍"),
    ("南シナ海", "東シナ海", "日本海", "フィリピン海", "オホーツク海"),
    ("沖縄周辺", "九州西方", "北海道周辺", "関東南方", "四国沖"),
    ("高知県", "和歌山県", "静岡県", "宮崎県", "三重県", "徳島県"),
    ("日米豪", "日米印", "日米韓", "日米加", "日米英", "日米仏"),
    ("フィリピン", "ハイチ", "ネパール", "インドネシア", "南スーダン"),
    ("日米首脳会談", "日米防衛相会談", "日米外相会談"),
    ("「ロナルド・レーガン」", "「ニミッツ」", "「カール・ヴィンソン」",
     "「セオドア・ルーズヴェルト」", "「ジョージ・ワシントン」"),
    ("ノーザンヴァイパー", "レッド・フラッグ・アラスカ", "コープ・ノース", "オリエント・シールド",
     "フォレスト・ライト", "ヤマサクラ"),
    ("熊本地震", "北海道胆振東部地震", "大阪府北部地震"),
    ("宇宙", "サイバー", "電磁波"),
)

_CLAUSES = (
    "関係機関と緊密に連携しつつ、", "同盟調整メカニズムを活用しながら、", "これまでの成果を踏まえ、",
    "地域の情勢を考慮し、", "引き続き、", "必要に応じて、", "平素から、", "各種事態を想定し、",
    "防衛大綱の方針に沿って、", "日米間の協議を経て、", "現地の関係機関の協力を得て、",
    "相互運用性の向上を図るため、", "限られた資源を効率的に活用しつつ、", "近年の安全保障環境を踏まえ、",
)

_LEADS = ("また、", "さらに、", "なお、", "例えば、", "一方で、", "その後、", "このため、")


def _fmt_year(year: int) -> str:
    return f"{year - 2000:02d}" if year >= 2000 else str(year)


def _shift_dates(text: str, rng: random.Random) -> str:
    """Shift every era date by one delta, keeping the western year and the Heisei year consistent."""
    delta = rng.randint(-14, 3)
    if not delta:
        delta = 1

    def western(old: int) -> int:
        full = old + 2000 if old < 100 else old
        return min(max(full + delta, 1989 + 1), 2019)

    def era_paren(m: re.Match) -> str:        # 15(平成27)年 / 1996(平成8)年
        year = western(int(m.group(1)))
        return f"{_fmt_year(year)}(平成{year - 1988}){m.group(3)}"

    def paren_era(m: re.Match) -> str:        # 平成28年(2016年) / 平成26(2014)年度
        year = western(int(m.group(2)))
        return f"平成{year - 1988}{m.group(1)}({year}{m.group(3)}"

    def era_only(m: re.Match) -> str:         # 平成29年度
        year = western(int(m.group(1)) + 1988)
        return f"平成{year - 1988}{m.group(2)}"

    text = re.sub(r"(?<![0-9])([0-9]{2,4})\(平成([0-9]{1,2})\)(年度?)", era_paren, text)
    text = re.sub(r"平成[0-9]{1,2}(年?)\(([0-9]{4})(年?\)?)", paren_era, text)
    return re.sub(r"平成([0-9]{1,2})(年度?)(?!\()", era_only, text)


def _vary_numbers(text: str, rng: random.Random) -> str:
    def month(m: re.Match) -> str:
        return f"{rng.randint(1, 12)}月" if rng.random() < 0.7 else m.group()

    def day(m: re.Match) -> str:
        return f"{rng.randint(1, 28)}日" if rng.random() < 0.7 else m.group()

    def count(m: re.Match) -> str:
        if rng.random() < 0.6:
            return m.group()
        value = max(1, int(m.group(1)) + rng.randint(-3, 9))
        return f"{value}{m.group(2)}"

    text = re.sub(r"(?<![0-9])([0-9]{1,2})月", month, text)
    text = re.sub(r"(?<![0-9])([0-9]{1,2})日", day, text)
    return re.sub(r"(?<![0-9,万])([0-9]{1,3})(件|回|隻|機|名)", count, text)


def _swap_names(text: str, rng: random.Random) -> str:
    for group in _SWAP_GROUPS:
        present = [name for name in group if name in text]
        if not present or rng.random() < 0.45:
            continue
        old = rng.choice(present)
        choices = [name for name in group if name not in text]
        if choices:
            text = text.replace(old, rng.choice(choices))
    return text


_COMMA_OR_BRACKET = re.compile("[、(「『【〔（)」』】〕）]")
_OPENERS = frozenset("(「『【〔（")


def _top_level_commas(text: str) -> list[int]:
    """Offsets of 、 outside brackets and quotes."""
    depth, commas = 0, []
    for match in _COMMA_OR_BRACKET.finditer(text):
        char = match.group()
        if char == "、":
            if depth == 0:
                commas.append(match.start())
        elif char in _OPENERS:
            depth += 1
        elif depth:
            depth -= 1
    return commas


def _insert_clause(text: str, rng: random.Random, clauses=_CLAUSES) -> str:
    commas = _top_level_commas(text)
    if not commas:
        return text
    at = rng.choice(commas) + 1
    clause = rng.choice(clauses)
    if text[at:at + len(clause)] == clause:
        return text
    return text[:at] + clause + text[at:]


def _drop_clause(text: str, rng: random.Random) -> str:
    commas = _top_level_commas(text)
    spans = [(a + 1, b + 1) for a, b in zip(commas, commas[1:])
             if 4 <= b - a <= 26 and not re.search(r"[0-9()「」]", text[a + 1:b])]
    if not spans:
        return text
    start, end = rng.choice(spans)
    return text[:start] + text[end:]


def _frame(text: str, rng: random.Random) -> str:
    """Put a framing phrase in front (after a leading また、 or さらに、)."""
    year = rng.randint(2, 30)
    phrase = rng.choice((
        f"平成{year}年度においても、", f"{rng.choice(_SWAP_GROUPS[3])}においては、", "この点について、",
        f"{rng.choice(_SWAP_GROUPS[0])}によれば、", "前年度に引き続き、", f"第{rng.randint(2, 9)}次の取組として、",
        f"{rng.choice(_SWAP_GROUPS[1])}との間では、", "同盟の抑止力強化の観点から、",
    ))
    lead = next((lead for lead in _LEADS if text.startswith(lead)), "")
    if re.match(r"[0-9]", text[len(lead):]):
        return text  # keep a leading date where it is
    return lead + phrase + text[len(lead):]


def _distinguish(text: str, rng: random.Random) -> str:
    """Insert a phrase with a date or a count, so that variants of one sentence rarely coincide."""
    year = rng.randint(1995, 2019)
    pick = rng.randrange(8)
    if pick == 0:
        phrase = f"{_fmt_year(year)}(平成{year - 1988})年{rng.randint(1, 12)}月には、"
    elif pick == 1:
        phrase = f"同年{rng.randint(1, 12)}月以降、"
    elif pick == 2:
        phrase = f"計{rng.randint(2, 40)}回の協議を経て、"
    elif pick == 3:
        phrase = f"約{rng.randint(2, 99) * 10}名の隊員が参加し、"
    elif pick == 4:
        phrase = f"{rng.randint(3, 30)}か国の参加を得て、"
    elif pick == 5:
        phrase = f"第{rng.randint(2, 60)}回目となる今回は、"
    elif pick == 6:
        phrase = f"平成{year - 1988}年度の計画に基づき、"
    else:
        phrase = f"延べ{rng.randint(2, 300)}日間にわたり、"
    commas = _top_level_commas(text)
    if commas and rng.random() < 0.7:
        at = rng.choice(commas) + 1
        return text[:at] + phrase + text[at:]
    lead = next((lead for lead in _LEADS if text.startswith(lead)), "")
    if re.match(r"[0-9]", text[len(lead):]):
        at = commas[0] + 1 if commas else 0
        return text[:at] + phrase + text[at:]
    return lead + phrase + text[len(lead):]


def vary_sentence(text: str, rng: random.Random) -> str:
    """A variant of a real sentence: the same shape, other dates, names and clauses."""
    text = _shift_dates(text, rng)
    text = _vary_numbers(text, rng)
    text = _swap_names(text, rng)
    text = _distinguish(text, rng)
    if rng.random() < 0.25:
        text = _drop_clause(text, rng)
    if rng.random() < 0.4:
        text = _insert_clause(text, rng)
    if rng.random() < 0.45:
        text = _frame(text, rng)
    return text


_TITLE_QUALIFIERS = ("日米豪における", "日米韓における", "沖縄周辺での", "平素からの", "有事における",
                     "地域における", "多国間での", "国内における", "インド太平洋地域における", "二国間の")
_TITLE_SUFFIXES = ("の推進", "の現状", "に関する取組", "の強化", "の課題", "の拡充", "の概要", "の実績",
                   "の今後の方向性", "に関する協議")


def _vary_title(text: str, rng: random.Random) -> str:
    """A variant of a heading, caption or figure title: no 。, about the same length."""
    text = _swap_names(_vary_numbers(_shift_dates(text, rng), rng), rng)
    if rng.random() < 0.5:
        text = rng.choice(_TITLE_QUALIFIERS) + text
    if rng.random() < 0.6:
        text += rng.choice(_TITLE_SUFFIXES)
    return text


# ---------------------------------------------------------------------------
# The document

_PARAGRAPH_SIZES = (1, 1, 1, 2, 2, 2, 3, 3, 4, 5)   # sentences per body paragraph
_ROMAN = ("I", "II", "III", "IV")


def generate_source(n_sentences: int, seed: int) -> str:
    """A synthetic source of about ``n_sentences`` sentences (segments), deterministic for ``seed``."""
    if n_sentences < 1:
        raise ValueError("n_sentences must be at least 1")
    rng = random.Random(seed)
    m = _material()
    n_footnotes = min(999, max(3, n_sentences // 100))   # a footnote block holds 1-3 digit numbers
    budget = max(1, n_sentences - n_footnotes - 2)

    # Blocks are lists of lines; a block is followed by a blank line. Body lines are
    # kept as sentence lists so that footnote markers can be placed afterwards.
    blocks: list[list] = []
    count = 0
    chapter = section = figure = 0
    cursor = rng.randrange(len(m.body))

    def take_sentences(k: int) -> list[str]:
        nonlocal cursor
        out = []
        for _ in range(k):
            out.append(vary_sentence(m.body[cursor % len(m.body)], rng))
            cursor += 1
        return out

    while count < budget:
        if section % 6 == 0:
            chapter += 1
            blocks.append([f"第{chapter}章 {_vary_title(rng.choice(m.sections), rng)}"])
            count += 1
            section = 0
        section += 1
        subsections = rng.randint(1, 6)
        for sub in range(1, subsections + 1):
            if count >= budget:
                break
            heading = [f"({sub}){_vary_title(rng.choice(m.subsections), rng)}"]
            if sub == 1:
                heading.insert(0, f"{section} {_vary_title(rng.choice(m.sections), rng)}")
            blocks.append(heading)
            count += len(heading)
            if rng.random() < 0.1:     # the jump to a new place in the source, as a new topic
                cursor = rng.randrange(len(m.body))
            for _ in range(rng.randint(1, 5)):
                if count >= budget:
                    break
                k = min(rng.choice(_PARAGRAPH_SIZES), budget - count)
                blocks.append([take_sentences(k)])
                count += k
                roll = rng.random()
                if roll < 0.06:
                    figure += 1
                    title = _vary_title(rng.choice(m.figures), rng)
                    number = f"II-{chapter % 9 + 1}-{section}-{figure}"
                    blocks.append([f"参照図表{number}({title})"])
                    blocks.append([f"図表{number} {title}"])
                    count += 2
                elif roll < 0.10:
                    caption = _vary_title(rng.choice(m.captions), rng)
                    blocks.append([caption])
                    if rng.random() < 0.6:
                        split = caption.find("(")
                        if 0 < split and rng.random() < 0.3:
                            blocks.append([caption[:split], caption[split:]])
                            count += 1
                        else:
                            blocks.append([caption])
                    count += 2
                elif roll < 0.14:
                    lines = [f"参照{rng.choice(_ROMAN)}部{rng.randint(1, 4)}章{rng.randint(1, 5)}節"
                             f"({_vary_title(rng.choice(m.figures), rng)})"]
                    for _ in range(rng.choice((0, 0, 1, 2))):
                        lines.append(f"資料{rng.randint(1, 60)}({_vary_title(rng.choice(m.figures), rng)})")
                    blocks.append(lines)
                    count += len(lines)
    # The text must end on body text, not on a numbered heading the footnote block could absorb.
    blocks.append([take_sentences(1)])

    _place_markers(blocks, n_footnotes, rng)
    lines_out = ["Contents", "", f"第{rng.choice(_ROMAN)}部 わが国の安全保障・防衛政策と日米同盟", ""]
    for block in blocks:
        for line in block:
            lines_out.append("".join(line) if isinstance(line, list) else line)
        lines_out.append("")
    for number in range(1, n_footnotes + 1):
        note = m.footnotes[(number + seed) % len(m.footnotes)]
        lines_out.append(f"{number} {vary_sentence(note, rng) if rng.random() < 0.9 else note}")
        lines_out.append("")
    return "\n".join(lines_out[:-1]) + "\n"


def _place_markers(blocks: list[list], count: int, rng: random.Random) -> None:
    """Glue footnote numbers 1..count before the 。 of body sentences, evenly, in order."""
    hosts = [(b, k) for b, block in enumerate(blocks) if isinstance(block[0], list)
             for k, sentence in enumerate(block[0])
             if sentence.endswith("。") and _is_kana_or_kanji(sentence[-2:-1])]
    if not hosts:
        return
    step = len(hosts) / count
    for number in range(1, count + 1):
        b, k = hosts[min(len(hosts) - 1, int((number - 1) * step + rng.random() * step))]
        sentence = blocks[b][0][k]
        if re.search(r"[0-9]。$", sentence):
            continue
        blocks[b][0][k] = f"{sentence[:-1]}{number}。"


def _is_kana_or_kanji(char: str) -> bool:
    return bool(char) and bool(re.match("[\u3041-\u30ff\u4e00-\u9fff]", char))


# ---------------------------------------------------------------------------
# Editing a source

_WORD_SWAPS = (
    ("実施した", "行った"), ("協力", "連携"), ("強化", "拡充"), ("推進", "促進"), ("確保", "維持"),
    ("向上", "改善"), ("緊密に", "密接に"), ("様々な", "多様な"), ("取組", "取り組み"),
    ("進めている", "推進している"), ("設置した", "設けた"), ("検討", "議論"), ("情報共有", "情報交換"),
    ("共同訓練", "共同演習"), ("重要", "不可欠"), ("参加", "参画"), ("発揮", "実証"), ("構築", "整備"),
)

_EDIT_CLAUSES = (
    "改めて、", "着実に、", "関係省庁とも調整しつつ、", "適時適切に、", "これまで以上に、",
    "国際法に従い、", "訓練の成果を踏まえ、", "地元の理解を得ながら、",
)

_HIRAGANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
_KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"


@dataclass(frozen=True)
class Edit:
    """One change made by ``edit_source_log``.

    kind: "chars", "word", "clause", "delete" or "add". ``old`` is the sentence
    before (None for "add"), ``new`` the sentence after (None for "delete").
    """

    kind: str
    line: int
    old: str | None
    new: str | None


def edit_source(text: str, fraction: float, seed: int) -> tuple[str, int]:
    """Edit about ``fraction`` of the sentences of ``text`` in place; return the text and the edit count."""
    edited, edits = edit_source_log(text, fraction, seed)
    return edited, len(edits)


def edit_source_log(text: str, fraction: float, seed: int) -> tuple[str, list[Edit]]:
    """Like ``edit_source``, returning the list of edits made.

    Only the edited sentences change; every other byte (line breaks, gaps,
    other sentences, footnote markers) stays as it was. Non-body lines are
    edited without changing their length much or their first characters, so
    every line keeps its block role.
    """
    from yakugo.document import BODY, FOOTNOTE, Segment, parse_document

    rng = random.Random(seed)
    document = parse_document(text)
    spans: list[tuple[int, int, Segment]] = []
    offset = 0
    for piece in document.pieces:
        if isinstance(piece, Segment):
            spans.append((offset, offset + len(piece.text), piece))
            offset += len(piece.text)
        else:
            offset += len(piece)
    assert offset == len(text)
    if not spans or fraction <= 0:
        return text, []
    per_paragraph: dict[int, int] = {}
    for _, _, segment in spans:
        per_paragraph[segment.paragraph] = per_paragraph.get(segment.paragraph, 0) + 1

    wanted = min(len(spans), max(1, round(fraction * len(spans))))
    chosen = sorted(rng.sample(range(len(spans)), wanted))
    m = _material()
    replacements: list[tuple[int, int, str]] = []
    edits: list[Edit] = []
    for index in chosen:
        start, end, segment = spans[index]
        old = segment.text
        prose = segment.role in (BODY, FOOTNOTE)
        roll = rng.random()
        if segment.role == BODY and roll < 0.03 and per_paragraph[segment.paragraph] > 1 \
                and not segment.markers:
            per_paragraph[segment.paragraph] -= 1
            replacements.append((start, end, ""))
            edits.append(Edit("delete", segment.line, old, None))
            continue
        if segment.role == BODY and roll < 0.06 and old.endswith("。"):
            added = vary_sentence(rng.choice(m.body), rng)
            replacements.append((start, end, old + added))
            edits.append(Edit("add", segment.line, None, added))
            continue
        kinds = ["chars", "word", "clause"] if prose else ["chars", "word"]
        kind = rng.choice(kinds)
        new = old
        if kind == "clause":
            new = _insert_clause(old, rng, _EDIT_CLAUSES)
        if kind == "word" or new == old:
            kind, new = "word", _replace_word(old, rng) if kind != "chars" else old
        if new == old:
            kind, new = "chars", _change_chars(old, rng, m.kanji, protect=0 if prose else 4)
        if new == old:
            continue
        replacements.append((start, end, new))
        edits.append(Edit(kind, segment.line, old, new))

    pieces, last = [], 0
    for start, end, replacement in replacements:
        pieces.append(text[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), edits


def _replace_word(text: str, rng: random.Random) -> str:
    options = [(a, b) for pair in _WORD_SWAPS for a, b in (pair, pair[::-1]) if a in text]
    if not options:
        return text
    a, b = rng.choice(options)
    places = [m.start() for m in re.finditer(re.escape(a), text)]
    at = rng.choice(places)
    return text[:at] + b + text[at + len(a):]


def _change_chars(text: str, rng: random.Random, kanji: str, protect: int = 0) -> str:
    """Replace 1-3 kana or kanji (not next to a digit, not in the first ``protect`` characters)."""
    positions = [i for i in range(protect, len(text))
                 if _is_kana_or_kanji(text[i])
                 and not text[i - 1:i].isdigit() and not text[i + 1:i + 2].isdigit()]
    if not positions:
        return text
    chars = list(text)
    for i in rng.sample(positions, min(len(positions), 1 if len(text) < 20 else rng.randint(1, 3))):
        char = chars[i]
        pool = _HIRAGANA if "\u3041" <= char <= "\u309f" else _KATAKANA if "\u30a1" <= char <= "\u30ff" else kanji
        replacement = rng.choice(pool)
        chars[i] = replacement if replacement != char else pool[(pool.index(char) + 1) % len(pool)]
    return "".join(chars)
