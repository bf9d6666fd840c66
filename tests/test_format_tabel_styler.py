"""``komponen.format_tabel`` menghitung sendiri teks tampil sel (keputusan #15) dan menyerahkannya ke Streamlit lewat
``Styler._translate``, jalan yang dibaca ``st.dataframe`` (Streamlit 1.67, disematkan). Uji ini menjaga bahwa yang
diterima Streamlit sama persis dengan Styler pandas biasa yang memformat setiap sel: bila Streamlit atau pandas
mengubah jalannya, uji ini gagal, bukan tabel yang diam-diam tampil lain."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from pantau.aturan.angka import format_angka
from pantau.aturan.format import KOSONG
from pantau.ui.komponen import format_tabel


def _acuan(tampil: pd.DataFrame, desimal: dict[str, int], ganti: list[tuple[int, str, str]]):
    """Cara sebelum keputusan #15: Styler.format per kolom, lalu teks pengganti per sel."""
    fmt = {k: (lambda v, d=d: KOSONG if pd.isna(v) else format_angka(v, d)) for k, d in desimal.items() if k in tampil}
    gaya = tampil.style.format(fmt, na_rep=KOSONG)
    for i, k, t in ganti:
        gaya = gaya.format(lambda v, t=t: t, subset=pd.IndexSlice[[i], [k]])
    return gaya


def _marshal(styler) -> ArrowData:
    proto = ArrowData()
    marshall_styler(proto, styler, "uji")
    return proto


CONTOH = [
    (pd.DataFrame({"Daerah": ["Jawa Timur", "Kab. Malang", None], "Target": [1234.5, None, 0.307],
                   "Capaian (%)": [90.955, 100.0, np.nan], "Tahun": [2024, 2025, 2026]}),
     {"Target": 3, "Capaian (%)": 2}),
    (pd.DataFrame({"Nilai": [1.5, 2.25, np.nan], "Lain": [0.1234567, 3.0, np.nan], "Ya": [True, False, True],
                   "Waktu": pd.to_datetime(["2025-01-02", None, "2025-03-04"])}),
     {"Nilai": 1}),
    (pd.DataFrame({"Teks": pd.array(["a", None, "c"], dtype="string"), "Biaya (Rp)": [1e9, 2.5e6, None],
                   "Bulat": pd.array([1, None, 3], dtype="Int32")}),
     {"Biaya (Rp)": 0}),
]


def _teks(proto: ArrowData) -> pd.DataFrame:
    import pyarrow as pa

    return pa.ipc.open_stream(proto.styler.display_values).read_all().to_pandas()


def test_format_indonesia_sampai_ke_streamlit():
    t = _teks(_marshal(format_tabel(*CONTOH[0])))
    assert list(t["Target"]) == ["1.234,500", KOSONG, "0,307"]
    assert list(t["Capaian (%)"]) == [format_angka(90.955, 2), "100,00", KOSONG]
    assert list(t["Daerah"]) == ["Jawa Timur", "Kab. Malang", KOSONG]


@pytest.mark.parametrize("df, desimal", CONTOH)
def test_teks_tampil_sama_dengan_styler_pandas(df, desimal):
    baru = format_tabel(df, desimal)
    assert isinstance(baru, pd.io.formats.style.Styler)
    acuan = _acuan(baru.data.copy(), desimal, [])
    a, b = _marshal(baru), _marshal(acuan)
    assert a.styler.display_values == b.styler.display_values
    assert (_teks(a) == KOSONG).any().any()  # bukan dua tabel kosong yang dibandingkan
    assert a.styler.styles == b.styler.styles


def test_isi_sel_pita_target_sama_dengan_styler_pandas():
    df = pd.DataFrame({"Indikator": ["A", "B", "C"], "Target": [5.0, None, None]})
    isi = {"Target": [None, ("5,5–6,5", 6.0), ("naik", float("-inf"))]}
    baru = format_tabel(df, {"Target": 1}, isi)
    acuan = _acuan(baru.data.copy(), {"Target": 1}, [(1, "Target", "5,5–6,5"), (2, "Target", "naik")])
    a = _marshal(baru)
    assert a.styler.display_values == _marshal(acuan).styler.display_values
    assert list(_teks(a)["Target"]) == ["5,0", "5,5–6,5", "naik"]
    assert list(baru.data["Target"]) == [5.0, 6.0, float("-inf")]  # nilai urut tetap angka
