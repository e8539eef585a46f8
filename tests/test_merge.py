"""Updating translated catalogs from new templates: msgmerge semantics, and no translation ever lost."""

from __future__ import annotations

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_SOURCE, run_msgfmt
from yakugo.catalog import load_catalog, render, template_from_document
from yakugo.document import parse_document, read_document
from yakugo.merge import merge

REAL_SENTENCES = [s.text for s in read_document(REAL_SOURCE).segments]


def template_of(text: str) -> polib.POFile:
    return template_from_document(parse_document(text, "doc.txt"), "doc.txt")


def reread(catalog: polib.POFile) -> polib.POFile:
    """Serialise and parse again, as the next run of yakugo would see the file."""
    return polib.pofile(render(catalog), wrapwidth=0)


def translated(text: str, translations: dict[str, str], flags=None, comments=None) -> polib.POFile:
    catalog, _ = merge(template_of(text), None, "en")
    for item in catalog:
        item.msgstr = translations.get(item.msgid, "")
        item.flags += (flags or {}).get(item.msgid, [])
        item.tcomment = (comments or {}).get(item.msgid, "")
    return reread(catalog)


OLD = "日米は協力を強化した。両国は共同訓練を実施した。\n\n同盟調整メカニズムを設置した。\n"
TRANSLATIONS = {
    "日米は協力を強化した。": "Japan and the U.S. strengthened cooperation.",
    "両国は共同訓練を実施した。": "The two countries conducted bilateral training.",
    "同盟調整メカニズムを設置した。": "They established the Alliance Coordination Mechanism.",
}


def by_msgid(catalog):
    return {e.msgid: e for e in catalog if not e.obsolete}


def test_unchanged_sentence_keeps_translation_comments_and_flags():
    old = translated(OLD, TRANSLATIONS, flags={"日米は協力を強化した。": ["no-wrap"]},
                     comments={"日米は協力を強化した。": "checked by the reviewer"})
    catalog, report = merge(template_of(OLD), old, "en")
    item = by_msgid(catalog)["日米は協力を強化した。"]
    assert item.msgstr == TRANSLATIONS[item.msgid]
    assert item.tcomment == "checked by the reviewer" and item.flags == ["no-wrap"]
    assert (report.kept, report.fuzzy, report.new, report.obsolete) == (3, 0, 0, 0)


def test_changed_sentence_becomes_fuzzy_with_previous_msgid():
    old = translated(OLD, TRANSLATIONS)
    new = OLD.replace("共同訓練を実施した", "共同訓練を初めて実施した")
    catalog, report = merge(template_of(new), old, "en")
    item = by_msgid(catalog)["両国は共同訓練を初めて実施した。"]
    assert item.fuzzy and item.msgstr == TRANSLATIONS["両国は共同訓練を実施した。"]
    assert item.previous_msgid == "両国は共同訓練を実施した。"
    assert "#| msgid \"両国は共同訓練を実施した。\"" in render(catalog)
    assert report.fuzzy == 1 and report.obsolete == 0


def test_removed_sentence_becomes_obsolete_and_comes_back():
    old = translated(OLD, TRANSLATIONS, comments={"同盟調整メカニズムを設置した。": "term checked"})
    without = OLD.replace("同盟調整メカニズムを設置した。\n", "")
    catalog, report = merge(template_of(without), old, "en")
    assert report.obsolete == 1
    gone = [e for e in catalog if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in gone] == [("同盟調整メカニズムを設置した。", TRANSLATIONS[gone[0].msgid])]
    assert "#~ msgid" in render(catalog)

    back, report = merge(template_of(OLD), reread(catalog), "en")
    item = by_msgid(back)["同盟調整メカニズムを設置した。"]
    assert item.msgstr == TRANSLATIONS[item.msgid] and not item.fuzzy and item.tcomment == "term checked"
    assert report.revived == 1 and not [e for e in back if e.obsolete]


def test_a_translated_plural_entry_the_template_lacks_is_kept_as_obsolete(msgfmt, tmp_path):
    old = translated(OLD, TRANSLATIONS)
    old.append(polib.POEntry(msgid="%d 隻", msgid_plural="%d 隻", msgstr_plural={0: "%d ship", 1: "%d ships"}))
    catalog, report = merge(template_of(OLD), reread(old), "en")
    [gone] = [e for e in reread(catalog) if e.obsolete]
    assert (gone.msgid_plural, gone.msgstr_plural) == ("%d 隻", {0: "%d ship", 1: "%d ships"})
    assert report.obsolete == 1
    path = tmp_path / "merged.po"
    path.write_text(render(catalog), encoding="utf-8")
    assert run_msgfmt(msgfmt, path).returncode == 0


def test_new_sentence_is_empty_and_dissimilar_text_is_not_suggested():
    old = translated(OLD, TRANSLATIONS)
    new = OLD + "\nまったく別の話題である。\n"
    catalog, report = merge(template_of(new), old, "en")
    assert by_msgid(catalog)["まったく別の話題である。"].msgstr == ""
    assert report.new == 1 and report.fuzzy == 0


def test_fuzzy_entry_stays_fuzzy_and_keeps_its_previous_msgid():
    old = translated(OLD, TRANSLATIONS)
    edited = OLD.replace("共同訓練", "共同演習")
    once, _ = merge(template_of(edited), old, "en")
    twice, report = merge(template_of(edited), reread(once), "en")
    item = by_msgid(twice)["両国は共同演習を実施した。"]
    assert item.fuzzy and item.previous_msgid == "両国は共同訓練を実施した。"
    assert report.kept == 3 and render(twice) == render(once)


def test_header_keeps_translator_fields_and_follows_the_template():
    old = translated(OLD, TRANSLATIONS)
    old.metadata["Last-Translator"] = "Hanako Yamada <hanako@example.org>"
    old.metadata["PO-Revision-Date"] = "2026-01-02 03:04+0900"
    template = template_of(OLD)
    template.metadata["POT-Creation-Date"] = "2026-05-06 07:08+0000"
    catalog, _ = merge(template, old, "en")
    assert catalog.metadata["Last-Translator"] == "Hanako Yamada <hanako@example.org>"
    assert catalog.metadata["PO-Revision-Date"] == "2026-01-02 03:04+0900"
    assert catalog.metadata["POT-Creation-Date"] == "2026-05-06 07:08+0000"
    assert catalog.metadata["Language"] == "en"


def test_closest_sentence_is_found_among_many_on_the_real_source():
    source = REAL_SOURCE.read_text(encoding="utf-8")
    old_template = template_of(source)
    old = reread(merge(old_template, None, "en")[0])
    for number, item in enumerate(old):
        item.msgstr = f"translation {number}"
    target = "同メカニズムの設置以降、例えば、平成28年(2016年)熊本地震"
    edited = source.replace(target, "同メカニズムの設置以降、例えば、2016年の熊本地震")
    catalog, report = merge(template_of(edited), old, "en")
    item = next(e for e in catalog if e.msgid.startswith("同メカニズムの設置以降、例えば、2016年の"))
    original = next(e for e in old if e.msgid.startswith(target))
    assert item.fuzzy and item.msgstr == original.msgstr and item.previous_msgid == original.msgid
    assert (report.fuzzy, report.new, report.obsolete) == (1, 0, 0)


# --- Property: a translation is never lost -------------------------------------------

_edit = st.tuples(st.sampled_from(["delete", "insert", "modify", "duplicate", "move", "split"]),
                  st.integers(0, 10_000), st.integers(0, 10_000))


def _apply(sentences: list[str], edits) -> list[str]:
    result = list(sentences)
    for kind, a, b in edits:
        if not result:
            result.append(REAL_SENTENCES[a % len(REAL_SENTENCES)])
            continue
        i = a % len(result)
        if kind == "delete":
            del result[i]
        elif kind == "insert":
            result.insert(i, REAL_SENTENCES[b % len(REAL_SENTENCES)])
        elif kind == "modify":
            text = result[i]
            k = b % len(text)
            result[i] = text[:k] + "新たに" + text[k + 1:]
        elif kind == "duplicate":
            result.insert(b % (len(result) + 1), result[i])
        elif kind == "move":
            result.insert(b % len(result), result.pop(i))
        elif kind == "split":
            result[i:i + 1] = [result[i][: len(result[i]) // 2] + "。", result[i][len(result[i]) // 2:]]
    return result


def _as_source(sentences: list[str]) -> str:
    return "\n\n".join(sentences) + "\n"


@settings(max_examples=60, deadline=None)
@given(start=st.lists(st.integers(0, len(REAL_SENTENCES) - 1), min_size=1, max_size=25),
       fill=st.lists(st.sampled_from(["translate", "empty", "fuzzy"]), min_size=25, max_size=25),
       edits=st.lists(_edit, max_size=12), second=st.lists(_edit, max_size=6))
def test_update_never_loses_a_translation(start, fill, edits, second):
    catalog = reread(merge(template_of(_as_source([REAL_SENTENCES[i] for i in start])), None, "en")[0])
    for number, item in enumerate(catalog):
        mode = fill[number % len(fill)]
        item.msgstr = "" if mode == "empty" else f"English {number}: {item.msgid[:8]}"
        if mode == "fuzzy":
            item.flags.append("fuzzy")
    sentences = [REAL_SENTENCES[i] for i in start]
    for round_edits in (edits, second):  # two updates in a row: obsolete entries must survive too
        before = {e.msgstr for e in catalog if e.msgstr}
        sentences = _apply(sentences, round_edits)
        catalog = reread(merge(template_of(_as_source(sentences)), catalog, "en")[0])
        after = {e.msgstr for e in catalog if e.msgstr}
        assert before <= after, f"lost: {before - after}"
        active = [e.msgid for e in catalog if not e.obsolete]
        assert active == [e.msgid for e in template_of(_as_source(sentences))]


def test_merged_file_round_trips_through_load_catalog(tmp_path):
    old = translated(OLD, TRANSLATIONS)
    catalog, _ = merge(template_of(OLD.replace("強化した", "一層強化した")), old, "en")
    path = tmp_path / "en.po"
    path.write_text(render(catalog), encoding="utf-8")
    assert render(load_catalog(path)) == render(catalog)


def test_polib_load_and_save_of_a_merged_catalog_changes_nothing(tmp_path):
    old = translated(OLD, TRANSLATIONS, comments={"日米は協力を強化した。": "reviewed"})
    edited = OLD.replace("強化した", "一層強化した").replace("同盟調整メカニズムを設置した。\n", "")
    catalog, report = merge(template_of(edited), old, "en")
    assert report.fuzzy == 1 and report.obsolete == 1
    path, again = tmp_path / "en.po", tmp_path / "again.po"
    path.write_text(render(catalog), encoding="utf-8")
    polib.pofile(str(path), wrapwidth=0).save(str(again))
    assert again.read_bytes() == path.read_bytes()
