"""yakugo: Japanese-to-English document translation with PO files and a controlled glossary."""

__version__ = "0.1.0"
