"""Aligned bilingual and monolingual outputs of the PO catalogs, and XLIFF import.

:mod:`.aligned` builds the rows every bilingual output is written from; one
module per format writes them. This module holds what the zip-based formats
(XLSX, DOCX) share: a fixed timestamp on every member, so the same input
gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime


def reproducible_zip(data: bytes, moment: datetime) -> bytes:
    """The zip archive ``data`` with its members in the same order, each dated ``moment`` (UTC fields)."""
    stamp = moment.timetuple()[:6]
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member))
    return output.getvalue()
