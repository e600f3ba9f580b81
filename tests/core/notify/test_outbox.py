"""The outbox: each reference delivered once per village, what could not be sent recorded too."""

from __future__ import annotations

from core.notify import LogOutbox, Message, OutboxEntry, deliver

NOTICE = Message(reference="uji:1", subject="Uji", body="Pesan uji.", phone="081200001111")


class CountingGateway:
    """A notifier that remembers what it sent, standing in for a phone gateway."""

    channel = "sms"

    def __init__(self) -> None:
        self.sent: list[str] = []

    def address(self, message: Message) -> str:
        return message.phone

    async def send(self, message: Message) -> None:
        self.sent.append(message.reference)


async def rows(kampung, code: str) -> list[dict]:
    async with kampung.scope(code):
        return await OutboxEntry.select().order_by(OutboxEntry.id)


async def test_a_reference_is_sent_once_however_often_it_is_delivered(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    gateway = CountingGateway()
    for _ in range(2):
        async with kampung.scope(village.code):
            assert await deliver(gateway, village.code, NOTICE) == "terkirim"
    assert gateway.sent == ["uji:1"]
    [row] = await rows(kampung, village.code)
    assert (row["channel"], row["recipient"], row["status"]) == ("sms", "081200001111", "terkirim")


async def test_the_same_reference_in_another_village_is_another_message(kampung) -> None:
    first, second = await kampung.village(0, plugins=[]), await kampung.village(1, plugins=[])
    for village in (first, second):
        async with kampung.scope(village.code):
            await deliver(LogOutbox(), village.code, NOTICE)
    assert [r["status"] for r in await rows(kampung, first.code)] == ["dicatat"]
    assert len(await rows(kampung, second.code)) == 1


async def test_no_contact_is_recorded_undeliverable_without_sending(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    gateway = CountingGateway()
    async with kampung.scope(village.code):
        status = await deliver(gateway, village.code, Message("uji:2", "Uji", "Tanpa nomor."))
    assert status == "tanpa_kontak" and gateway.sent == []
    assert [r["status"] for r in await rows(kampung, village.code)] == ["tanpa_kontak"]
