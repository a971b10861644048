"""A strict build stops on every warning, whatever -q or -v says; `mkdocs serve` never stops on one.

MkDocs counts warnings for strict mode with a handler on its logger, and two of its options switch
that off by accident (both open upstream):

- ``-q`` sets the logger to ERROR, so warnings are dropped before they are counted
  (mkdocs/mkdocs#4126): a build with a discouraged term or a broken link would pass;
- ``-v`` sets it to DEBUG, and MkDocs then skips checking links to sections
  (mkdocs/mkdocs#3991: it records them only while its page logger is above DEBUG).

For a strict build this hook sets the logger to WARNING under ``-q`` (so the reason for a failure
is printed, and progress messages stay hidden) and the page logger to INFO under ``-v``, for that
build only. ``mkdocs serve`` does not count warnings, so an editor previewing a page sees each
warning in the terminal and the page in the browser; problems in the data still stop it.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

MAIN = logging.getLogger("mkdocs")
PAGES = logging.getLogger("mkdocs.structure.pages")


class StrictGate:
    """The command being run, and the logger levels to put back after each build."""

    def __init__(self) -> None:
        self.command = ""
        self.saved: dict[logging.Logger, int] = {}

    def hold(self, config: MkDocsConfig) -> None:
        if self.command == "serve":
            # MkDocs added its strict-mode counter before this event: take it off for serve.
            for handler in [h for h in MAIN.handlers if isinstance(h, CountHandler)]:
                MAIN.removeHandler(handler)
            return
        if not config.strict:
            return
        self.saved = {MAIN: MAIN.level, PAGES: PAGES.level}
        if MAIN.getEffectiveLevel() > logging.WARNING:
            MAIN.setLevel(logging.WARNING)
        if PAGES.getEffectiveLevel() <= logging.DEBUG:
            PAGES.setLevel(logging.INFO)

    def release(self) -> None:
        for logger, level in self.saved.items():
            logger.setLevel(level)
        self.saved = {}


gate = StrictGate()


def on_startup(*, command: str, dirty: bool) -> None:
    gate.command = command


@event_priority(100)  # before any other hook can log a warning
def on_config(config: MkDocsConfig, **kwargs) -> MkDocsConfig:
    gate.hold(config)
    return config


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    gate.release()


def on_build_error(*, error: Exception) -> None:
    gate.release()
