"""The term-consistency checker and translation QA: check ids, checks, and the runner."""
