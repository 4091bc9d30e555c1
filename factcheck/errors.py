"""Typed exceptions. Only the CLI turns them into exit codes and messages."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class: anything the user can fix gets one of these, with the fix in the message."""


class InputError(FactcheckError):
    """A file or record could not be read as an article."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class PathNotFound(FactcheckError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no such file or directory")
        self.path = path


class ModelLoadError(FactcheckError):
    """A model named in the configuration could not be loaded."""


class ConfigError(FactcheckError):
    """The configuration names an unknown value; the message lists the valid ones."""


class OutputError(FactcheckError):
    """The report cannot be written where asked; the message says why and what to give instead."""
