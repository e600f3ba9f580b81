"""`kampung --config FILE serve` from another folder: the workers run on FILE's settings too."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import httpx

from core.cli import serve as serving
from core.testing.commands import command_environment, instance_config
from tests.core.test_auth import free_port, wait_until_up


async def test_workers_read_the_config_file_named_on_the_command_line(kampung, tmp_path) -> None:
    config_dir, elsewhere = tmp_path / "etc", tmp_path / "elsewhere"
    config_dir.mkdir()
    elsewhere.mkdir()
    config = instance_config(kampung.settings, config_dir, instance_name="Kabupaten Uji Berkas")
    port = free_port()
    command = "import sys; from core.cli.main import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", command, "--config", str(config), "serve",
         "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        cwd=elsewhere, env=command_environment(),
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url)
        page = httpx.get(url + "/masuk")
        assert "Kabupaten Uji Berkas" in page.text
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_workers_get_the_public_url_the_letters_print(kampung, monkeypatch) -> None:
    """The workers build their app from the environment: the demo's `public_url` (where it
    serves) must reach them, or every QR code points at the default port."""
    handed: dict[str, str] = {}
    monkeypatch.setattr(os, "environ", {})  # serve() writes the workers' variables here
    monkeypatch.setattr(serving, "run_uvicorn", lambda *a, **k: handed.update(os.environ))
    settings = replace(kampung.settings, public_url="http://127.0.0.1:8765")

    serving.serve(settings, port=8765)

    assert handed["KAMPUNG_PUBLIC_URL"] == "http://127.0.0.1:8765"
