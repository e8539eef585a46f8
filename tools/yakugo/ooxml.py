"""Reproducible Office files: the same workbook or document gives the same bytes.

openpyxl's ``Workbook.save`` stamps the modification time with the clock, and
zipfile dates every member with the time it was written; both are fixed here.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

EARLIEST = datetime(1980, 1, 1)   # the earliest date a zip member can carry: stands for "no date"


def workbook_bytes(workbook: Workbook, moment: datetime = EARLIEST) -> bytes:
    """``workbook`` as XLSX bytes, created and modified at ``moment`` (naive, UTC fields)."""
    workbook.properties.created = workbook.properties.modified = moment
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()   # not Workbook.save, which sets modified to now
    return reproducible_zip(buffer.getvalue(), moment)


def reproducible_zip(data: bytes, moment: datetime = EARLIEST) -> bytes:
    """The zip archive ``data`` with its members in the same order, each dated ``moment``."""
    stamp = max(moment.replace(tzinfo=None), EARLIEST).timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 3, 0o644 << 16
            target.writestr(info, source.read(member))
    return output.getvalue()
