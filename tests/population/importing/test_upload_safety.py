"""What the import page and `kampung population import` do with files that are not what they
claim, files that would make the server work too hard, and files over the stated limit."""

from __future__ import annotations

import asyncio
import io
import time
import zipfile

import openpyxl
import pytest

from core.cli.main import main
from core.testing.commands import instance_config
from plugins.population.importing.formats import ImportFormatError
from plugins.population.importing.limits import UPLOAD_MAX_BYTES, ReadLimits
from plugins.population.importing.reading import read_cells, read_rows
from plugins.population.synthetic.village import write_village_csv

HEADER = b"nik,no_kk,nama,alamat\n"


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("penduduk")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A real workbook whose sheet unpacks to 30 MB from about 30 KB (ratio ~1000)."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx_bytes([["nik", "no_kk", "nama"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                filler = b"<!--" + b"A" * 30_000_000 + b"-->"
                data = data.replace(b"<sheetData>", filler + b"<sheetData>", 1)
            out.writestr(info.filename, data)
    return buffer.getvalue()


def _corrupt_xlsx() -> bytes:
    good = _xlsx_bytes([["nik", "no_kk", "nama"], ["1", "2", "A"]])
    return good[: len(good) // 2]


BAD_FILES = {
    "pdf-named-xlsx": ("data.xlsx", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", "bukan XLSX"),
    "zip-named-csv": ("data.csv", _xlsx_bytes([["nik"]]), "ganti akhiran namanya menjadi .xlsx"),
    "xlsx-named-xls": ("data.xls", _xlsx_bytes([["nik"]]), "ganti akhiran namanya menjadi .xlsx"),
    "text-named-xls": ("data.xls", b"nik,no_kk,nama\n1,2,A\n", "bukan XLS"),
    "corrupt-xlsx": ("data.xlsx", _corrupt_xlsx(), "rusak"),
    "corrupt-xls": ("data.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "rusak"),
    "binary-csv": ("data.csv", b"\x00\x01\x02nik\x00", "bukan CSV"),
    "zip-bomb": ("bom.xlsx", _zip_bomb(), "terurai"),
}


@pytest.mark.parametrize("case", BAD_FILES)
async def test_a_bad_file_gets_one_clear_line_beside_the_field(kampung, case):
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    name, data, reason = BAD_FILES[case]
    response = await client.post(
        village.url + "/impor", files={"berkas": (name, data, "application/octet-stream")}
    )
    assert response.status_code == 422
    assert 'class="field-error"' in response.text and reason in response.text
    assert "Traceback" not in response.text
    folder = kampung.settings.data_path / "imports" / village.code
    assert not folder.exists() or not any(folder.iterdir()), "a refused file is not kept"


def _config(settings, tmp_path) -> str:
    return str(instance_config(settings, tmp_path, data_dir=str(tmp_path / "data")))


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_on_the_command_line_is_one_line_and_exit_2(
    kampung_settings, tmp_path, capsys, monkeypatch, case
):
    monkeypatch.setattr("sys.argv", ["kampung"])
    name, data, reason = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(data)
    config = _config(kampung_settings, tmp_path)
    code = main(["--config", config, "population", "import", str(path), "--village", "ALL"])
    err = capsys.readouterr().err
    assert code == 2
    assert reason in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_rows_past_the_limit_refuse_the_file(tmp_path):
    path = tmp_path / "desa.csv"
    write_village_csv(path, "35.27.01.2001", 20, seed=1)
    with pytest.raises(ImportFormatError, match="lebih dari 5 baris"):
        list(read_rows(path, ReadLimits(max_rows=5)))
    assert len(list(read_rows(path, ReadLimits(max_rows=1000)))) == 20


def test_an_xlsx_unpacking_past_the_limit_or_with_too_many_parts_is_refused(tmp_path):
    path = tmp_path / "desa.xlsx"
    path.write_bytes(_xlsx_bytes([["nik", "no_kk", "nama"], ["1", "2", "A"]]))
    assert len(list(read_rows(path))) == 1
    with pytest.raises(ImportFormatError, match="terurai menjadi"):
        list(read_rows(path, ReadLimits(max_rows=10, max_unpacked_bytes=1000)))
    with pytest.raises(ImportFormatError, match="bagian"):
        list(read_rows(path, ReadLimits(max_rows=10, max_parts=3)))


def test_a_cell_in_the_last_column_does_not_widen_every_row(tmp_path):
    """One cell at XFD would make openpyxl pad each row to 16,384 cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["nik", "no_kk", "nama"])
    for number in range(2, 2002):
        sheet.cell(row=number, column=1, value=str(number))
        sheet.cell(row=number, column=16384, value="x")
    path = tmp_path / "lebar.xlsx"
    book.save(path)
    header, numbered = read_cells(path)
    assert header.keys == ("nik", "no_kk", "nama")
    widths = {len(cells) for _, cells in numbered}
    assert widths == {3}


def _wide_xlsx(rows: int) -> bytes:
    """Legal, but slow to parse: residents with 190 note columns each (400 rows: about 2 s)."""
    header = ["nik", "no_kk", "nama", *(f"catatan_{i}" for i in range(190))]
    body = [
        [
            f"35270141018{i:05d}",
            "3527010101260001",
            f"NAMA {i}",
            *(f"isi {i} {j}" for j in range(190)),
        ]
        for i in range(rows)
    ]
    return _xlsx_bytes([header, *body])


async def test_a_health_check_answers_while_a_large_upload_is_parsed(kampung):
    """Health checks are asked one after another for as long as the upload takes; each round
    (a check and a 20 ms pause) must take well under half the upload's time. With the parse on
    the event loop, the round it fell into lasted as long as the parse; in a thread the parse
    still shares the interpreter lock, which slows every round a little but blocks none.

    The file is long enough (about 2 s to parse here, under 1 s on a fast machine) that a round
    which only waited for the lock once — SQLite's driver starts a thread per connection, and a
    busy parser can keep it waiting a few hundred milliseconds — stays far below half the upload,
    while a parse on the loop would fill one round with all of it."""
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    anonymous = kampung.client()
    started = time.perf_counter()
    upload = asyncio.create_task(
        client.post(village.url + "/impor", files={"berkas": ("lebar.xlsx", _wide_xlsx(400))})
    )
    rounds = []
    while not upload.done():
        begun = time.perf_counter()
        health = await anonymous.get("/-/health")
        assert health.status_code == 200
        await asyncio.sleep(0.02)
        rounds.append(time.perf_counter() - begun)
    response = await upload
    took = time.perf_counter() - started
    assert response.status_code == 303, response.text
    assert len(rounds) >= 3
    assert max(rounds) < took / 2, (max(rounds), took)


def _csv_of_size(size: int) -> bytes:
    """A valid register of exactly `size` bytes: a few residents with long addresses."""
    rows, number = [HEADER], 0
    total = len(HEADER)
    while True:
        prefix = f"35270141018{number:05d},3527010101260001,NAMA {number},".encode()
        left = size - total - len(prefix) - 1
        if left <= 100_000:
            rows.append(prefix + b"A" * max(left, 1) + b"\n")
            break
        rows.append(prefix + b"A" * 100_000 + b"\n")
        total += len(rows[-1])
        number += 1
    data = b"".join(rows)
    assert len(data) == size
    return data


async def test_the_page_states_the_limit_the_server_enforces(kampung):
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    page = await client.get(village.url + "/impor")
    stated = f"ukuran paling besar {UPLOAD_MAX_BYTES // (1024 * 1024)} MB"
    assert stated in page.text

    at_limit = await client.post(
        village.url + "/impor", files={"berkas": ("desa.csv", _csv_of_size(UPLOAD_MAX_BYTES))}
    )
    assert at_limit.status_code == 303

    over = await client.post(
        village.url + "/impor", files={"berkas": ("desa.csv", _csv_of_size(UPLOAD_MAX_BYTES + 1))}
    )
    assert over.status_code == 422
    assert 'class="field-error"' in over.text and stated in over.text


async def test_a_body_far_over_the_limit_from_a_browser_form_gets_the_pages_message(kampung):
    """A browser sends the CSRF token in the form, so the body is read before the handler runs:
    the route's own body limit refuses it, with the page's sentence, not a bare 413."""
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    token = client.headers.pop("x-csrf-token")
    response = await client.post(
        village.url + "/impor",
        data={"_csrf_token": token},
        files={"berkas": ("desa.csv", _csv_of_size(UPLOAD_MAX_BYTES + 2_000_000))},
    )
    assert response.status_code == 422
    stated = f"ukuran paling besar {UPLOAD_MAX_BYTES // (1024 * 1024)} MB"
    assert 'class="field-error"' in response.text and stated in response.text

    anonymous = kampung.client()
    refused = await anonymous.post(
        village.url + "/impor", files={"berkas": ("d.csv", b"x" * (UPLOAD_MAX_BYTES + 100_000))}
    )
    assert refused.status_code in (303, 401, 403) and "Impor terakhir" not in refused.text
