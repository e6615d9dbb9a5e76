"""The command line's parser in the language of ``--lang``: argparse's own words too.

argparse words its usage line, its headings and its errors with ``gettext.gettext``, bound in
its module as ``argparse._``. :class:`Parser` puts its translator's ``gettext`` there only
while it builds, parses or formats (and puts the original back), so ``python -m geo route 上海
长滩 --speed 快 --lang zh`` says in Chinese what is wrong and what is accepted, ``--help --lang
zh`` starts with 用法, and English is argparse's own text, untouched. argparse's messages are
in the project's catalogue (:data:`ARGPARSE_MESSAGES`, marked for extraction); a message a
later Python words differently stays English.

``--lang`` is one of the options being parsed, so :func:`lang_in_argv` reads it from the
arguments first (the last one wins, as argparse's does; an unknown language is English here
and refused by the option itself).
"""

from __future__ import annotations

import argparse
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, NoReturn, TypeVar

from geo.errors import GeoError
from geo.i18n import DEFAULT_LANGUAGE, ENGLISH, N_, Translator, check_lang

EXIT_USAGE: Final[int] = 2
T = TypeVar("T")
_CONTROL: Final[re.Pattern[str]] = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")

#: argparse's user-facing messages (Python 3.11 to 3.13), for ``pybabel extract``.
ARGPARSE_MESSAGES: Final[tuple[str, ...]] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
)


def terminal(text: object) -> str:
    """Text safe for a terminal: control characters and escape sequences removed."""
    return _CONTROL.sub("", str(text))


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a CJK character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


#: A run of spaces, one wide (CJK) character, or a run of anything else (a word, a number).
_TOKEN: Final[re.Pattern[str]] = re.compile(
    r"\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+"
)
#: Punctuation that must not start a line (it stays at the end of the line before).
_NO_LINE_START: Final[str] = "，。、；：）》」』！？"


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` (whitespace collapsed) in lines of at most ``width`` terminal columns: broken
    at spaces and between Chinese characters, never before closing punctuation."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            if line and columns(line) + 1 <= width:
                line += " "
            elif line:
                lines.append(line.rstrip())
                line = ""
            continue
        if line and columns(line) + columns(token) > width and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class WideHelpFormatter(argparse.HelpFormatter):
    """argparse's help laid out by terminal columns, for text with Chinese characters (two
    columns each): lines wrap at the right width, and the usage lines stay aligned after a
    Chinese ``用法：``."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        text: str = super()._format_usage(usage, actions, groups, prefix)
        shown = argparse._("usage: ") if prefix is None else prefix  # type: ignore[attr-defined]
        extra = " " * (columns(shown) - len(shown))
        first, *rest = text.split("\n")
        return "\n".join([first, *(extra + line if line.strip() else line for line in rest)])


def lang_in_argv(argv: Sequence[str]) -> str:
    """The language ``argv`` asks for with ``--lang X``/``--lang=X`` (or argparse's
    abbreviation ``--lan``), the last one winning; English when none is given or it is not
    a language this project has."""
    lang = DEFAULT_LANGUAGE
    items = list(argv)
    for n, arg in enumerate(items):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if option not in ("--lang", "--lan"):
            continue
        if not equals:
            value = items[n + 1] if n + 1 < len(items) else ""
        try:
            lang = check_lang(value) if value else lang
        except GeoError:
            lang = DEFAULT_LANGUAGE
    return lang


@contextmanager
def argparse_language(tr: Translator) -> Iterator[None]:
    """argparse's messages in ``tr``'s language inside the block; as they were after it."""
    if not tr.chinese:
        yield
        return
    names = vars(argparse)
    saved = names["_"]
    names["_"] = tr.gettext
    try:
        yield
    finally:
        names["_"] = saved


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (not usage + message), in the
    language of ``tr`` (argparse's own words included); exit status 2."""

    def __init__(self, *args: Any, tr: Translator = ENGLISH, **kwargs: Any) -> None:
        self.tr = tr
        if tr.chinese:
            kwargs.setdefault("formatter_class", WideHelpFormatter)
        with argparse_language(tr):
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with argparse_language(self.tr):  # "unrecognized arguments" is worded here
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_language(self.tr):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_language(self.tr):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_language(self.tr):
            text = super().format_help()
        if self.tr.chinese:  # "选项：", not argparse's "选项:"
            for heading in ("positional arguments", "options"):
                shown = self.tr(heading)
                text = text.replace(f"\n{shown}:\n", f"\n{shown}：\n")
        return text

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's check of a choice; in Chinese the choices are listed as a Chinese
        author lists them (``json、geojson、text``, no ASCII quotes)."""
        if not self.tr.chinese or action.choices is None or value in action.choices:
            return super()._check_value(action, value)  # type: ignore[misc]
        text = self.tr.gettext("invalid choice: %(value)r (choose from %(choices)s)") % {
            "value": terminal(value),
            "choices": self.tr.join([str(choice) for choice in action.choices]),
        }
        raise argparse.ArgumentError(action, text)

    def error(self, message: str) -> NoReturn:
        line = self.tr("{prog}: error: {text} (see --help)", prog=self.prog, text=message)
        self.exit(EXIT_USAGE, terminal(line) + "\n")


def with_language(parse: Callable[..., T], tr: Translator) -> Callable[[str], T]:
    """An argparse ``type`` that words its error in ``tr``'s language: ``parse(text, tr)``
    under ``parse``'s own name (which argparse may show)."""
    bound = functools.partial(parse, tr=tr)
    return functools.update_wrapper(bound, parse)  # type: ignore[return-value]
