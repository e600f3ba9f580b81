"""A market day at the booth on a phone with a bad connection, as issue 13 asks: the manager
opens today's market, a cashier opens a shift and sells tokens while the link comes and goes.

Three ways a sale meets the network, each in the real browser: sent at once; made with no
connection (queued on the phone, sent when the link returns); and sent but its answer lost on the
way back (the server booked it, the phone never heard). Every sale must be booked exactly once:
the drawer's cash and the receipt list show it.
"""

from __future__ import annotations

import re
from typing import Any

from core.localtime import local_today
from tests.browser.walks import VILLAGE, Demo, Tab

FLOAT = 100_000
TOKEN_VALUE = 2_000
DRAWER = re.compile(r"Kas di laci: (Rp[\d.]+)")


def open_today(tab: Tab) -> str:
    """Pasar wisata → the market → today as a special edition → open it; the day's address."""
    page = tab.menu("Pasar wisata", re.compile(rf"{VILLAGE}/pasar(/\d+)?$"))
    if tab.path().endswith("/pasar"):
        tab.click(page.locator("main a[href*='/pasar/']").first, re.compile(r"/pasar/\d+$"))
    market = tab.path()
    today = local_today().isoformat()
    special = page.locator(f"main form[action$='{market}/tanggal']")
    special.get_by_label("Tanggal").fill(today)
    special.get_by_label("Keterangan").fill("Edisi uji di ponsel")
    tab.click(special.get_by_role("button", name="Simpan tanggal"), f"**{market}")
    tab.click(page.locator(f"main a[href$='/hari/{today}']").first, f"**{market}/hari/{today}")
    tab.click(page.get_by_role("button", name="Buka pasar"), f"**{market}/hari/{today}")
    assert page.locator("main .badge").first.inner_text() == "Buka"
    return f"{market}/hari/{today}"


def drawer(tab: Tab) -> str:
    found = DRAWER.search(tab.page.locator("#till-status").inner_text())
    assert found, "the till shows the cash in its drawer"
    return found[1]


def rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".")


def sell(tab: Tab, tokens: int) -> Any:
    form = tab.page.locator("main form[action$='/jual']")
    form.get_by_label("Jumlah koin").fill(str(tokens))
    form.get_by_role("button", name="Jual koin").click()
    return form


def receipts(tab: Tab) -> list[str]:
    return re.findall(r"PB-\d{6}", tab.page.locator("#till-recent").inner_text())


def wait_until_sent(tab: Tab) -> None:
    tab.page.wait_for_function(
        "() => JSON.parse(localStorage.getItem('kampung.tourism_market.queue') || '[]')"
        ".length === 0",
        timeout=20_000,
    )
    tab.page.wait_for_selector("[data-offline-note]", state="hidden")


def test_a_sale_made_offline_or_whose_answer_was_lost_is_booked_exactly_once(
    demo: Demo, phone: Any
) -> None:
    manager = phone()
    manager.sign_in(demo.login("market_manager").username, demo.password)
    day = open_today(manager)

    cashier = phone()
    cashier.sign_in(demo.login("market_cashier").username, demo.password)
    page = cashier.open(day)
    shift = page.locator("main form[action$='/shift']")
    shift.get_by_label("Modal laci (Rp)").fill(str(FLOAT))
    cashier.click(shift.get_by_role("button", name="Buka shift saya"), re.compile(r"/shift/\d+$"))
    assert drawer(cashier) == rupiah(FLOAT)

    # Online: the answer names the receipt.
    sell(cashier, 10)
    page.locator(".toast", has_text="struk PB-").wait_for()
    assert drawer(cashier) == rupiah(FLOAT + 10 * TOKEN_VALUE)

    # No connection: two sales wait on the phone, then go once each when the link returns.
    page.context.set_offline(True)
    form = sell(cashier, 5)
    page.wait_for_selector("[data-offline-note]", state="visible")
    assert form.get_by_label("Jumlah koin").input_value() == "", "the form is ready for the next"
    sell(cashier, 7)
    assert page.locator("[data-offline-count]").inner_text() == "2"
    assert drawer(cashier) == rupiah(FLOAT + 10 * TOKEN_VALUE), "nothing is booked while offline"
    page.context.set_offline(False)
    wait_until_sent(cashier)
    assert drawer(cashier) == rupiah(FLOAT + 22 * TOKEN_VALUE)

    # The sale reaches the server, the answer does not reach the phone: it is sent again, with
    # the same key, and booked once.
    lost: list[str] = []

    def answer_lost(route: Any) -> None:
        if lost:
            route.continue_()
            return
        answer = route.fetch(max_redirects=0)
        lost.append(f"{answer.status} {route.request.url}")
        route.abort("connectionreset")

    page.route("**/pasar/shift/*/jual", answer_lost)
    sell(cashier, 3)
    page.wait_for_selector("[data-offline-note]", state="visible")
    wait_until_sent(cashier)
    assert lost and lost[0].startswith("303"), f"the first send was booked: {lost}"
    page.unroute("**/pasar/shift/*/jual")
    # The browser and htmx report the dropped answer on the console; nothing else may be there.
    dropped = ("ERR_CONNECTION_RESET", "htmx:sendError", "htmx:afterRequest")
    cashier.problems[:] = [p for p in cashier.problems if not any(d in p for d in dropped)]

    cashier.open(cashier.path())
    assert drawer(cashier) == rupiah(FLOAT + 25 * TOKEN_VALUE), "four sales, each booked once"
    shown = receipts(cashier)
    assert len(shown) == len(set(shown)) == 5, f"the float and four sales: {shown}"
    cashier.settled()
