"""The `idlib-read` command: open the reader, or export an alignment.

This module must stay light: `idlib-read export` imports only the engine
(`align`), never Textual, so it starts fast and runs where no terminal is.

    idlib-read [PATH|URL ...] [--list FILE] [--refresh] [--annotations FILE]
    idlib-read export [--format json|markdown] [--annotations FILE] [--list FILE]
                      [--refresh] [PATH|URL ...]

Web pages are fetched (or taken from the cache) before the screen opens, with
progress on the terminal; an address that cannot be read is skipped and
listed, unless fewer than two articles remain (then each failure is one line
on stderr and the exit status is 2).

Exit status: 0 on success, 2 for bad input or usage (one line on stderr naming
the file and the problem), 1 for an unexpected internal error (one line;
set IDLIB_READ_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

# The engine is imported inside ``main``, so that Ctrl-C while it loads ends the
# command quietly (status 130), not with a traceback.
if TYPE_CHECKING:
    from align import InputError, Source

DEFAULT_ANNOTATIONS = "idlib-annotations.yaml"
EPILOG = (
    "With no PATH, the five bundled reports of the 5 March 2020 Idlib ceasefire are used. "
    "PATH may be .txt, .md or .html files, or directories of them; URL a web address "
    "(http or https) of an article, fetched once and then read from the cache."
)


def _version() -> str:
    """The installed package's version (importlib.metadata is slow to import: only here)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("idlib-read")
    except PackageNotFoundError:  # running from a source tree without installing
        return "unknown"


class _VersionAction(argparse.Action):
    """`--version`: looks the version up only when asked, so other commands start faster."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        sys.stdout.write(f"idlib-read {_version()}\n")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message} (see --help)")


class _UsageError(Exception):
    """A complete one-line message for the user; exit status 2."""


def _reader_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="idlib-read",
        description="Read several reports of one event side by side and see where they differ. "
        "Use `idlib-read export --help` for the export command.",
        epilog=EPILOG,
    )
    _input_arguments(p)
    p.add_argument(
        "--annotations",
        metavar="FILE",
        default=DEFAULT_ANNOTATIONS,
        help=f"annotation file to read and write (default: ./{DEFAULT_ANNOTATIONS})",
    )
    p.add_argument("--version", action=_VersionAction)
    return p


def _export_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="idlib-read export",
        description="Align the articles and write the result to standard output.",
        epilog=EPILOG,
    )
    _input_arguments(p)
    p.add_argument("--format", choices=("json", "markdown"), default="json")
    p.add_argument(
        "--annotations",
        metavar="FILE",
        help="include the annotations from this file (attached to their passages)",
    )
    return p


def _input_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments naming what to read, shared by the reader and export."""
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files, directories, or web addresses of articles",
    )
    p.add_argument(
        "--list",
        metavar="FILE",
        action="append",
        default=[],
        help="a file of web addresses, one per line ('#' starts a comment); may be repeated",
    )
    p.add_argument(
        "--refresh",
        action="store_true",
        help="fetch web pages again instead of reading them from the cache",
    )


def _inputs(args: argparse.Namespace) -> list[str | Path]:
    """What to read: the paths and addresses given, then those of each --list file."""
    from align import bundled_seeds

    given: list[str | Path] = list(args.paths)
    for listing in args.list:
        given.extend(read_list(listing))
    return given or [bundled_seeds()]


def read_list(path: str) -> list[str]:
    """The web addresses in a list file: one per line, blank lines and '#' comments skipped."""
    from align import InputError, is_url

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the list of addresses ({exc})") from None
    urls: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry):
            raise InputError(path, f"line {number}: not a web address: {entry[:80]!r}")
        urls.append(entry)
    if not urls:
        raise InputError(path, "no web addresses in the list")
    return urls


def _load(args: argparse.Namespace) -> tuple[list[Source], list[InputError]]:
    """Read every input; addresses that fail are returned as failures, unless fewer than
    two articles remain, which ends the command with one line per failure (exit 2).
    Fewer than two articles in all is refused by the engine (export) or before the
    reader opens (``_read``)."""
    from align import load_inputs

    progress = _Progress()
    try:
        loaded = load_inputs(_inputs(args), refresh=args.refresh, progress=progress)
    finally:
        progress.clear()
    if loaded.failures and len(loaded.sources) < 2:
        raise _UsageError("\n".join(f"idlib-read: {e}" for e in loaded.failures))
    return loaded.sources, loaded.failures


class _Progress:
    """'reading web page 2 of 5: URL' on one line of stderr, when it is a terminal."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, number: int, total: int, url: str) -> None:
        if sys.stderr.isatty():
            line = f"idlib-read: reading web page {number} of {total}: {url}"
            sys.stderr.write("\r\x1b[2K" + printable(line)[:200])
            sys.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def printable(text: str) -> str:
    """``text`` without control characters, line breaks kept (a path or address in a
    message may hold escape sequences, e.g. from a --list file)."""
    return "".join(ch for ch in text if ch.isprintable() or ch == "\n")


def _export(args: argparse.Namespace) -> int:
    from align import InputError
    from align.export import to_json, to_markdown
    from align.pipeline import build_from_sources

    sources, failures = _load(args)
    for failure in failures:
        print(printable(f"idlib-read: warning: skipped {failure}"), file=sys.stderr)
    alignment = build_from_sources(sources)
    for warning in alignment.warnings:
        print(f"idlib-read: warning: {warning}", file=sys.stderr)
    annotations = None
    if args.annotations:
        from align.annotations import AnnotationStore

        if not Path(args.annotations).is_file():
            raise InputError(args.annotations, "no such annotation file")
        store = AnnotationStore.open(Path(args.annotations))
        if store.load_error:  # already names the file and the line
            raise _UsageError(f"idlib-read: {store.load_error}")
        store.attach(alignment)
        annotations = store.to_export(alignment)
    render = to_json if args.format == "json" else to_markdown
    sys.stdout.write(render(alignment, annotations))
    sys.stdout.flush()
    return 0


def _read(args: argparse.Namespace) -> int:
    from align.pipeline import require_two

    sources, failures = _load(args)
    require_two(sources)  # every input error is reported before the screen opens
    from tui.engine import Engine

    engine = Engine([])  # started inside the try: a Ctrl-C meanwhile still ends it
    try:
        engine = Engine.start(sources)  # on the second core while Textual loads, where it can
        from tui.app import run_reader  # Textual is imported only here

        skipped = [f"Not read: {failure}" for failure in failures]
        return run_reader(sources, Path(args.annotations), notices=skipped, engine=engine)
    finally:
        engine.close()  # done already, unless the reader failed to start


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `idlib-read` console script."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:  # also while the engine's modules load
        return 130


def _main(argv: list[str]) -> int:
    from align import InputError

    try:
        if argv[:1] == ["export"]:
            return _export(_export_parser().parse_args(argv[1:]))
        return _read(_reader_parser().parse_args(argv))
    except _UsageError as exc:
        print(printable(str(exc)), file=sys.stderr)
        return 2
    except InputError as exc:
        print(printable(f"idlib-read: {exc}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `idlib-read export | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # never a traceback for the user
        if os.environ.get("IDLIB_READ_DEBUG"):
            raise
        print(f"idlib-read: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
