"""The template page lists every field a letter's wording may use, with its label and an
example, and a small script inserts the chosen placeholder at the cursor."""

from __future__ import annotations

import re

import pytest

from plugins.population.letters.context import VillageNames, sample_context
from plugins.population.letters.field_picker import context_paths, pickable_fields
from plugins.population.letters.kinds import LETTER_KINDS

NAMES = VillageNames("Noreh", "Sreseh", "Sampang")


@pytest.mark.parametrize("code", list(LETTER_KINDS))
def test_the_picker_lists_every_field_of_the_context_with_a_label(code):
    kind = LETTER_KINDS[code]
    fields = pickable_fields(kind, NAMES)
    assert sorted(f.path for f in fields) == sorted(context_paths(sample_context(kind, NAMES)))
    assert all(f.label and f.example for f in fields)


def test_dates_are_offered_through_the_letter_date_filter():
    fields = {f.path: f for f in pickable_fields(LETTER_KINDS["domisili"], NAMES)}
    assert fields["resident.birth_date"].placeholder == "{{ resident.birth_date | tanggal }}"
    assert fields["resident.birth_date"].example == "5 Juni 1990"
    assert fields["resident.name"].placeholder == "{{ resident.name }}"
    assert fields["village.name"].example == "Noreh"


async def test_the_template_page_shows_each_placeholder_with_its_label_and_the_script(kampung):
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    page = await admin.get(f"{village.url}/surat/templat/domisili")
    assert page.status_code == 200
    assert "Nama penduduk" in page.text and "Siti Aminah" in page.text
    assert "<code>{{ resident.nik }}</code>" in page.text
    assert 'data-placeholder="{{ keperluan }}"' in page.text
    assert 'data-field-picker="f-body"' in page.text and 'id="f-body"' in page.text
    script = re.search(r'<script src="([^"]*field_picker[^"]*)"', page.text)
    assert script is not None
    served = await admin.get(script.group(1))
    assert served.status_code == 200 and "setRangeText" in served.text


async def test_a_refused_template_keeps_the_picker_and_what_was_typed(kampung):
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    response = await admin.post(
        f"{village.url}/surat/templat/domisili", data={"body": "Nama {{ resident.nama }}"}
    )
    assert response.status_code == 422
    assert "Nama {{ resident.nama }}" in response.text
    assert "<code>{{ resident.name }}</code>" in response.text
