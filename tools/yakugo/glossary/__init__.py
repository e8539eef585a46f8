"""The controlled glossary: a concept-oriented terminology base stored as TBX-Basic."""

from .model import Concept, Glossary, Term

__all__ = ["Concept", "Glossary", "Term"]
