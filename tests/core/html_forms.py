"""Read the forms of a rendered page and submit one as a browser without JavaScript does."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx


@dataclass
class Form:
    action: str
    method: str
    hidden: dict[str, str] = field(default_factory=dict)
    buttons: list[str] = field(default_factory=list)


class Forms(HTMLParser):
    """Every form of a page: its action, method, hidden fields and button labels."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._open: Form | None = None
        self._in_button = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._open = Form(values.get("action", ""), values.get("method", "get").lower())
            self.forms.append(self._open)
        elif self._open and tag == "input" and values.get("type") == "hidden":
            self._open.hidden[values["name"]] = values.get("value", "")
        elif self._open and tag == "button":
            self._in_button = True
            self._open.buttons.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None
        elif tag == "button":
            self._in_button = False

    def handle_data(self, data: str) -> None:
        if self._open and self._in_button:
            self._open.buttons[-1] += data.strip()


def sign_out_form(html: str) -> Form:
    parser = Forms()
    parser.feed(html)
    found = [form for form in parser.forms if "Keluar" in form.buttons]
    assert len(found) == 1, f"one sign-out form expected, found {found}"
    return found[0]


async def submit_like_a_browser(client: httpx.AsyncClient, form: Form) -> httpx.Response:
    """No htmx header: the form's own method, action and hidden fields (hx-boost is off)."""
    client.headers.pop("x-csrf-token", None)
    assert form.method == "post"
    return await client.post(form.action, data=form.hidden)
