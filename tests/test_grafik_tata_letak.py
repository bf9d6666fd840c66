"""tata_letak menggabungkan tata letak sebagai dict dan memasangnya sekali (keputusan #15, ~3x lebih cepat daripada
update_layout/update_xaxes berkali-kali). Yang dikirim ke peramban harus sama persis dengan cara API plotly.py yang
lugas, yang di sini menjadi pembandingnya: update_layout, update_xaxes/yaxes, warna anotasi dan skala warna, lalu
update_layout khusus gambar (``lain``). Juga _garis_tegak = add_vline."""
from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

from pantau.keluaran import grafik as g
from pantau.keluaran.grafik import FONT, WARNA_TEKS


def pembanding(fig: go.Figure, *, tinggi: int, ukuran_huruf: int = 15, legenda: bool = False,
               lain: dict | None = None) -> go.Figure:
    """Tata letak Pantau dengan API plotly.py apa adanya (cara sebelum keputusan #15)."""
    fig.update_layout(
        height=tinggi, separators=",.", font={"family": FONT, "size": ukuran_huruf, "color": WARNA_TEKS},
        margin={"l": 10, "r": 20, "t": 10, "b": 10}, showlegend=legenda,
        hoverlabel={"font": {"family": FONT, "size": ukuran_huruf, "color": WARNA_TEKS}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0,
                "font": {"color": WARNA_TEKS}, "title": {"font": {"color": WARNA_TEKS}}},
    )
    for sumbu in (fig.update_xaxes, fig.update_yaxes):
        sumbu(tickfont_color=WARNA_TEKS, title_font_color=WARNA_TEKS)
    fig.for_each_annotation(lambda a: a.update(font_color=WARNA_TEKS) if a.font.color is None else None)
    if fig.layout.title.text:
        fig.update_layout(title_font_color=WARNA_TEKS)
    for t in fig.data:
        if "colorbar" in t and t.showscale is not False:
            t.update(colorbar={"tickfont": {"color": WARNA_TEKS}, "title": {"font": {"color": WARNA_TEKS}}})
    if lain:
        fig.update_layout(**lain)
    return fig


def json_kirim(fig: go.Figure) -> str:
    """JSON seperti yang dikirim st.plotly_chart (plotly.io.to_json), kunci terurut."""
    return json.dumps(json.loads(pio.to_json(fig, validate=False)), sort_keys=True)


def batang():
    fig = go.Figure(go.Bar(x=[1.5, 2], y=["a", "b"], orientation="h", text=["1,5", "2"]))
    fig.update_xaxes(range=[0, 3], title={"text": "Capaian (%)"})
    return fig


def kisi():
    fig = go.Figure([go.Heatmap(z=[[1, 2], [3, None]], x=["P", "K"], y=["u1", "u2"], showscale=True,
                                colorbar={"tickvals": [1, 2], "ticktext": ["Rendah", "Tinggi"]}),
                     go.Heatmap(z=[[1, None]], x=["P", "K"], y=["u1"], showscale=False)])
    fig.update_yaxes(categoryorder="array", categoryarray=["u2", "u1"], tickfont={"size": 13})
    return fig


def sebar_beranotasi():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], mode="markers+text", text=["a", "b"]))
    fig.update_layout(title={"text": "Judul"}, shapes=[{"type": "rect", "x0": 0, "x1": 1, "y0": 0, "y1": 1}],
                      annotations=[{"text": "tanpa warna", "x": 1, "y": 1, "showarrow": False},
                                   {"text": "berwarna", "x": 2, "y": 2, "font": {"color": "#D55E00", "size": 12}}])
    return fig


def dua_panel():
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=("Kiri", "Kanan"))
    fig.add_trace(go.Bar(x=[1], y=["a"], orientation="h"), row=1, col=1)
    fig.add_trace(go.Bar(x=[2], y=["a"], orientation="h"), row=1, col=2)
    return fig


def peta():
    return go.Figure(go.Choropleth(locations=["65.01"], z=[1], featureidkey="properties.kode",
                                   geojson={"type": "FeatureCollection", "features": []}))


@pytest.mark.parametrize("buat", [batang, kisi, sebar_beranotasi, dua_panel, peta, go.Figure])
@pytest.mark.parametrize("opsi", [
    {"tinggi": 300},
    {"tinggi": 540, "ukuran_huruf": 19, "legenda": True},
    {"tinggi": 420, "legenda": True, "lain": {
        "margin": {"l": 120, "t": 40}, "barmode": "stack", "legend": {"y": 1.0, "yanchor": "bottom",
                                                                     "font": {"size": 12}},
        "xaxis": {"visible": False}, "uniformtext": {"minsize": 11, "mode": "hide"}}},
])
def test_tata_letak_sama_dengan_api_plotly(buat, opsi):
    assert json_kirim(g.tata_letak(buat(), **opsi)) == json_kirim(pembanding(buat(), **opsi))


def test_tata_letak_mewarnai_yang_perlu_diwarnai():
    """Bukan hanya sama dengan pembanding: pembandingnya sendiri memberi warna teks eksplisit di tempat yang ditimpa
    tema Streamlit, dan tidak menimpa warna anotasi yang sudah ditentukan."""
    lay = json.loads(pio.to_json(g.tata_letak(sebar_beranotasi(), tinggi=300), validate=False))["layout"]
    assert lay["xaxis"]["tickfont"]["color"] == lay["yaxis"]["title"]["font"]["color"] == WARNA_TEKS
    assert [a["font"]["color"] for a in lay["annotations"]] == [WARNA_TEKS, "#D55E00"]
    assert lay["title"] == {"text": "Judul", "font": {"color": WARNA_TEKS}}
    assert lay["height"] == 300 and lay["separators"] == ",."
    # templat bawaan proses tetap terpasang (plotly_white, atau "streamlit" bila Streamlit diimpor sesudah grafik.py)
    bawaan = json.loads(pio.to_json(go.Figure(), validate=False))["layout"]["template"]
    assert lay["template"] == bawaan and lay["template"]["layout"]


@pytest.mark.parametrize("lain", [{}, {"layer": "below"}])
def test_garis_tegak_sama_dengan_add_vline(lain):
    garis = {"color": "#8C8C8C", "dash": "dash", "width": 1.5}
    a, b = batang(), batang()
    a.add_vline(x=100, line=garis, **lain)
    g._garis_tegak(b, 100, garis, **lain)
    assert json_kirim(a) == json_kirim(b)
