"""Cut a sentence into runs around the span a finding points at, for highlighting."""

from __future__ import annotations


def split_at_span(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """The runs of ``text`` before, inside and after ``span``, each with whether it is the highlighted one.

    Empty runs are left out; a span outside the text is clipped to it, and an empty
    or missing span gives the whole text unhighlighted.
    """
    if span is None:
        return [(text, False)] if text else []
    start, end = (min(max(position, 0), len(text)) for position in span)
    if start >= end:
        return [(text, False)] if text else []
    runs = [(text[:start], False), (text[start:end], True), (text[end:], False)]
    return [run for run in runs if run[0]]
