"""The process that renders village-edited letter templates, so a runaway one can be killed.

A Jinja template is Python code once compiled: ``{% for a in range(99999) %}{% for b in
range(99999) %}`` never yields to the event loop, and no thread can be stopped from outside.
A separate process can. The app sends ``(template text, context)`` as a pickle
frame on stdin (the parent is trusted); this process answers with a JSON frame on stdout and
has a capped address space, so a memory bomb fails here instead of in the app.
Run as ``python -m plugins.population.letters.render_worker``; it exits when stdin closes.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import struct
import sys
from typing import Any, BinaryIO

from plugins.population.letters.body import (
    LetterTemplateError,
    MissingLetterDataError,
    render_template,
)

__all__ = ["MEMORY_LIMIT_BYTES", "READY", "read_frame", "serve", "write_frame"]

MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
READY = b"ready"
_HEADER = struct.Struct("!I")


def read_frame(stream: BinaryIO) -> bytes | None:
    """One length-prefixed frame, or None when the other side has closed."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (length,) = _HEADER.unpack(header)
    return stream.read(length)


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _answer(template_text: str, context: dict[str, Any]) -> dict[str, Any]:
    try:
        return {"text": render_template(template_text, context)}
    except MissingLetterDataError as error:
        return {"missing": error.path, "label": error.label}
    except LetterTemplateError as error:
        return {"error": str(error)}
    except MemoryError:
        return {"error": "memory"}


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Say ready (imports done), then answer render requests until the parent closes the pipe."""
    write_frame(answers, READY)
    while (frame := read_frame(requests)) is not None:
        template_text, context = pickle.loads(frame)
        write_frame(answers, json.dumps(_answer(template_text, context)).encode())


def main() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
