"""Aligned bilingual and monolingual outputs of the PO catalogs, and XLIFF import.

:mod:`.aligned` builds the rows every bilingual output is written from; one
module per format writes them.
"""
