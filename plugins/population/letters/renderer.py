"""Rendering a letter body with a hard deadline: in `render_worker`, killed when it overruns.

Saving a template and issuing a letter both render through here, so a template that loops
10^8 times, writes 100 MB or exhausts memory is refused with a message instead of stalling
the server. The worker process is started on first use and reused; one that overruns is
killed and the next render starts a fresh one. Renders take turns (one worker per app
process), each waiting in a thread so the event loop stays free.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.i18n import _
from plugins.population.letters.body import (
    LetterTemplateError,
    MissingLetterDataError,
    check_fields,
    too_long_error,
)
from plugins.population.letters.kinds import LetterKind
from plugins.population.letters.render_worker import READY

__all__ = ["RENDER_SECONDS", "render_letter_body"]

RENDER_SECONDS = 2.0
"""A letter renders in milliseconds; this much is already a template that must be fixed."""
_START_SECONDS = 30.0
_HEADER = struct.Struct("!I")
_PROJECT_ROOT = Path(__file__).resolve().parents[3]


class _Overrun(Exception):
    pass


class _Worker:
    """One render process and the lock that makes renders take turns on it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        paths = [str(_PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
        return subprocess.Popen(
            [sys.executable, "-m", "plugins.population.letters.render_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None

    def render(self, template_text: str, context: Mapping[str, Any]) -> dict[str, Any]:
        payload = pickle.dumps((template_text, _plain(context)))
        with self._lock:
            try:
                process = self._running()
                assert process.stdin is not None
                process.stdin.write(_HEADER.pack(len(payload)) + payload)
                process.stdin.flush()
                answer = self._read(process, time.monotonic() + RENDER_SECONDS)
            except (_Overrun, OSError):
                self.stop()
                raise _Overrun from None
            return dict(json.loads(answer))

    def _running(self) -> subprocess.Popen[bytes]:
        """The worker, started and through its imports (which do not count as render time)."""
        if self._process is None or self._process.poll() is not None:
            self._process = self._start()
            if self._read(self._process, time.monotonic() + _START_SECONDS) != READY:
                raise _Overrun
        return self._process

    @staticmethod
    def _read(process: subprocess.Popen[bytes], deadline: float) -> bytes:
        assert process.stdout is not None
        fd = process.stdout.fileno()
        buffer = b""
        needed = _HEADER.size
        header_done = False
        while len(buffer) < needed:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise _Overrun
            chunk = os.read(fd, max(needed - len(buffer), 65536))
            if not chunk:
                raise _Overrun
            buffer += chunk
            if not header_done and len(buffer) >= _HEADER.size:
                (length,) = _HEADER.unpack(buffer[: _HEADER.size])
                buffer = buffer[_HEADER.size :]
                needed, header_done = length, True
        return buffer


def _plain(value: Any) -> Any:
    """Mappings as dicts, so what is pickled is plain data the worker can load."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


_WORKER = _Worker()
atexit.register(_WORKER.stop)


async def render_letter_body(
    kind: LetterKind, template_text: str, context: Mapping[str, Any]
) -> str:
    """The rendered body, or `LetterTemplateError` saying why it cannot be rendered in bounds."""
    check_fields(kind, context)
    try:
        answer = await asyncio.to_thread(_WORKER.render, template_text, context)
    except _Overrun:
        raise LetterTemplateError(
            _(
                "Templat surat terlalu lama diisi (lebih dari {seconds} detik). Periksa "
                "perulangan (for) di templat."
            ).format(seconds=f"{RENDER_SECONDS:g}")
        ) from None
    if "text" in answer:
        return str(answer["text"])
    if "missing" in answer:
        raise MissingLetterDataError(str(answer["missing"]), answer.get("label"))
    if answer.get("error") == "memory":
        raise too_long_error()
    raise LetterTemplateError(str(answer["error"]))
