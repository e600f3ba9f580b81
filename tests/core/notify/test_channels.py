"""Each channel behind `core.notify.Notifier`, and the `[notify]` table that picks one."""

from __future__ import annotations

import json
import socketserver
import threading
from collections.abc import Iterator
from email import message_from_bytes

import httpx
import pytest

from core.config import ConfigError
from core.notify import (
    DeliveryFailed,
    EmailNotifier,
    GatewayNotifier,
    LogOutbox,
    Message,
    international_number,
    notifier_for,
)
from core.testing.databases import make_test_settings

NOTICE = Message(
    reference="test:1",
    subject="Permohonan #1 KTP-el: Siap diambil",
    body="Status permohonan KTP-el Anda (#1) sekarang: Siap diambil.",
    phone="0812-3456-7890",
    email="warga@example.test",
)


def settings_with(notify: object):
    return make_test_settings("sqlite:///unused.sqlite3", None, extra={"notify": notify})


def test_the_log_outbox_is_the_default_channel() -> None:
    assert isinstance(notifier_for(settings_with({})), LogOutbox)


def test_a_gateway_channel_is_chosen_with_its_url_and_token() -> None:
    chosen = notifier_for(
        settings_with({"channel": "whatsapp", "gateway_url": "https://gw", "gateway_token": "t"})
    )
    assert isinstance(chosen, GatewayNotifier) and chosen.channel == "whatsapp"


@pytest.mark.parametrize(
    ("notify", "names"),
    [
        ({"channel": "pos"}, "channel must be one of log, email, whatsapp, sms"),
        ({"channel": "sms", "gateway_url": "https://gw"}, "needs gateway_token"),
        ({"channel": "email", "smtp_from": "a@b"}, "needs smtp_host"),
        ({"channel": "email", "smtp_host": "h", "smtp_from": "a@b", "smtp_port": "x"}, "port"),
        ("log", "[notify] must be a table"),
    ],
)
def test_a_wrong_notify_table_names_the_key_to_fix(notify: object, names: str) -> None:
    with pytest.raises(ConfigError, match=names.replace("[", r"\[").replace("]", r"\]")):
        notifier_for(settings_with(notify))


def test_phone_numbers_are_sent_in_international_form() -> None:
    assert international_number("0812-3456-7890") == "6281234567890"
    assert international_number("+62 812 3456 7890") == "6281234567890"
    assert international_number("-") == ""


async def test_the_gateway_gets_the_number_the_text_and_the_reference_as_idempotency_key() -> None:
    seen: list[httpx.Request] = []

    def gateway(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "queued"})

    notifier = GatewayNotifier(
        "whatsapp", "https://gw.test/send", "rahasia", httpx.MockTransport(gateway)
    )
    await notifier.send(NOTICE)
    [request] = seen
    assert request.headers["authorization"] == "Bearer rahasia"
    assert request.headers["idempotency-key"] == "test:1"
    body = json.loads(request.content)
    assert body["to"] == "6281234567890" and "Siap diambil" in body["message"]


async def test_a_gateway_that_refuses_raises_for_a_retry() -> None:
    refused = httpx.MockTransport(lambda request: httpx.Response(503, text="sibuk"))
    notifier = GatewayNotifier("sms", "https://gw.test/send", "t", refused)
    with pytest.raises(DeliveryFailed, match="503"):
        await notifier.send(NOTICE)


class _Mailbox(socketserver.StreamRequestHandler):
    """Just enough SMTP to take one message, as a local mail relay would."""

    received: list[bytes] = []

    def handle(self) -> None:
        self.wfile.write(b"220 test\r\n")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 test\r\n")
            elif command == b"DATA":
                self.wfile.write(b"354 go\r\n")
                data = b""
                while (chunk := self.rfile.readline()) != b".\r\n":
                    data += chunk
                _Mailbox.received.append(data)
                self.wfile.write(b"250 ok\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def mail_relay() -> Iterator[int]:
    _Mailbox.received = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Mailbox)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


async def test_email_is_sent_over_smtp_with_a_message_id_from_the_reference(mail_relay) -> None:
    notifier = EmailNotifier("127.0.0.1", mail_relay, "desa@kampung.test", starttls=False)
    await notifier.send(NOTICE)
    await notifier.send(NOTICE)
    first, second = (message_from_bytes(raw) for raw in _Mailbox.received)
    assert first["To"] == "warga@example.test" and first["Subject"] == NOTICE.subject
    assert first["Message-ID"] == second["Message-ID"], "a resend is recognisably the same"


async def test_email_to_a_closed_port_raises_for_a_retry() -> None:
    with pytest.raises(DeliveryFailed):
        await EmailNotifier("127.0.0.1", 9, "desa@kampung.test", starttls=False).send(NOTICE)
