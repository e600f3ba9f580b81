"""Which channel an instance notifies residents by: the `[notify]` table of kampung.toml.

```toml
[notify]
channel = "log"            # log (default) | email | whatsapp | sms
# channel = "whatsapp" / "sms":
gateway_url = "https://gateway.example/send"
gateway_token = "..."
# channel = "email":
smtp_host = "smtp.example"
smtp_port = 587
smtp_from = "desa@example"
smtp_user = "..."
smtp_password = "..."
smtp_starttls = true
```
"""

from __future__ import annotations

from typing import Any

from core.config import ConfigError, Settings
from core.notify.gateway import GatewayNotifier
from core.notify.log_outbox import LogOutbox
from core.notify.notifier import Notifier
from core.notify.smtp import EmailNotifier

__all__ = ["CHANNELS", "notifier_for"]

CHANNELS = ("log", "email", "whatsapp", "sms")


def _section(settings: Settings) -> dict[str, Any]:
    section = settings.extra.get("notify", {})
    if not isinstance(section, dict):
        raise ConfigError('config: [notify] must be a table, e.g. [notify] channel = "log"')
    return section


def _required(section: dict[str, Any], key: str, channel: str) -> str:
    value = section.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f'config: [notify] channel = "{channel}" needs {key} (text)')
    return value.strip()


def notifier_for(settings: Settings) -> Notifier:
    """The configured notifier; a missing or wrong setting names the key to fix."""
    section = _section(settings)
    channel = section.get("channel", "log")
    if channel not in CHANNELS:
        raise ConfigError(
            f"config: [notify] channel must be one of {', '.join(CHANNELS)}, got {channel!r}"
        )
    if channel == "log":
        return LogOutbox()
    if channel in ("whatsapp", "sms"):
        return GatewayNotifier(
            channel,
            _required(section, "gateway_url", channel),
            _required(section, "gateway_token", channel),
        )
    port = section.get("smtp_port", 587)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise ConfigError(f"config: [notify] smtp_port must be a port number, got {port!r}")
    starttls = section.get("smtp_starttls", True)
    if not isinstance(starttls, bool):
        raise ConfigError("config: [notify] smtp_starttls must be true or false")
    return EmailNotifier(
        _required(section, "smtp_host", channel),
        port,
        _required(section, "smtp_from", channel),
        str(section.get("smtp_user", "")),
        str(section.get("smtp_password", "")),
        starttls,
    )
