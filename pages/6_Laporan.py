"""Laporan: tabel evaluasi Permendagri 86/2017 (hasil RKPD dan hasil RPJMD) sebagai Excel dan PDF."""
import streamlit as st

from pantau.aturan import aman
from pantau.keluaran.laporan import sebagai_dataframe, susun_rkpd, susun_rpjmd
from pantau.keluaran.laporan.excel import excel_bytes
from pantau.keluaran.laporan.pdf import pdf_bytes
from pantau.ui import data
from pantau.ui.bingkai import mulai_halaman
from pantau.ui.komponen import kosong
from pantau.ui.url import indeks_awal

ctx = mulai_halaman("Laporan", "📄")
st.title("Laporan evaluasi")
JENIS = {"rkpd": f"Evaluasi hasil RKPD {ctx.tahun}", "rpjmd": f"Evaluasi hasil RPJMD {ctx.periode_label}"}
pilihan = list(JENIS)
jenis = st.radio("Jenis laporan", pilihan, index=indeks_awal("laporan", pilihan, "rkpd"), key="laporan",
                 format_func=JENIS.get, horizontal=True)
st.query_params["laporan"] = jenis
st.caption("Format Permendagri 86/2017. Kolom anggaran (Rp) evaluasi RKPD: pagu dan realisasi sub kegiatan yang "
           "mendukung setiap indikator (lembar impor 'dukungan'); kosong bila indikator belum didukung sub kegiatan. "
           "Untuk indikator 'akhir', realisasi s.d. tahun adalah angka terakhir, bukan jumlah.")

with st.spinner("Menyusun laporan…"):
    # tabel laporan dari kueri bertembolok (data.tanya), dirangkai sekali per versi data (data.olah)
    tabel = (data.olah(susun_rkpd, daerah=ctx.daerah, periode_id=ctx.periode_id, tahun=ctx.tahun) if jenis == "rkpd"
             else data.olah(susun_rpjmd, daerah=ctx.daerah, periode_id=ctx.periode_id))

st.subheader(tabel.judul[0])
pratinjau = sebagai_dataframe(tabel)
if pratinjau.empty:
    kosong(f"{ctx.daerah_nama} belum punya indikator pada RPJMD {ctx.periode_label}.")
    st.stop()
kiri, kanan, _ = st.columns([1, 1, 3])
kiri.download_button("Unduh Excel", data=lambda: excel_bytes(tabel), file_name=f"{tabel.nama_berkas}.xlsx",
                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     icon=":material/table:", type="primary", key="unduh-xlsx", on_click="ignore")
kanan.download_button("Unduh PDF", data=lambda: pdf_bytes(tabel), file_name=f"{tabel.nama_berkas}.pdf",
                      mime="application/pdf", icon=":material/picture_as_pdf:", key="unduh-pdf", on_click="ignore")
st.dataframe(pratinjau, hide_index=True, width="stretch", height=520, placeholder="–")
if tabel.kaki:
    st.markdown("\n".join(f"- **{a}:** {aman.md(b)}" for a, b in tabel.kaki))
