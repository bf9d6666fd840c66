"""Keselarasan target kabupaten/kota dengan target provinsi dalam kalimat. Angkanya dari
``queries/desk_keselarasan.sql`` (aturan di docs/ATURAN.md, "Keselarasan desk urusan"); di sini hanya dirangkai."""
from __future__ import annotations

from pantau.aturan.format import format_angka, format_ringkas, kosong

CARA = {"jumlah": "jumlah target kabupaten/kota",
        "rerata": "rata-rata sederhana target kabupaten/kota",
        "rerata_tertimbang": "rata-rata target kabupaten/kota tertimbang jumlah penduduk"}


def kalimat_keselarasan(kes) -> tuple[str | None, str]:
    """(status, kalimat) satu indikator dari baris-baris ``desk_keselarasan`` (DataFrame satu induk_id).

    status: 'selaras', 'tidak selaras' atau None (tidak dapat diperiksa).
    """
    r = kes.iloc[0]
    satuan = r["satuan"] or ""
    if r["polaritas"] not in ("positif", "negatif"):
        return None, "Keselarasan tidak diperiksa untuk indikator rentang atau kualitatif."
    if kosong(r["target_provinsi"]):
        return None, "Provinsi belum punya target tahun ini, jadi keselarasan belum dapat diperiksa."
    if kosong(r["gabungan"]):
        return None, "Belum ada kabupaten/kota dengan target tahun ini untuk indikator ini."
    arah = "≥" if r["polaritas"] == "positif" else "≤"
    lengkap = (f"{int(r['jumlah_bertarget'])} dari {int(r['jumlah_kabkota'])} kabupaten/kota bertarget")
    dasar = (f"{CARA[r['cara']].capitalize()} = {format_ringkas(r['gabungan'])} {satuan}; target provinsi "
             f"{format_ringkas(r['target_provinsi'])} {satuan} (harus {arah} target provinsi; {lengkap}).")
    status = "selaras" if r["selaras"] else "tidak selaras"
    if r["cara"] == "jumlah":
        selisih = r["selisih"]
        besar = kes.dropna(subset=["porsi"]).sort_values("porsi", ascending=False).head(3)
        porsi = ", ".join(f"{d} {format_angka(p * 100, 0)}%" for d, p in zip(besar["daerah"], besar["porsi"]))
        tambahan = (f" Selisih jumlah terhadap target provinsi: {format_ringkas(selisih)} {satuan}."
                    + (f" Porsi terbesar: {porsi}." if porsi else ""))
    else:
        tarik = kes[kes["menarik_turun"] == True]  # noqa: E712 (nullable boolean)
        if len(tarik):
            nama = ", ".join(f"{d} ({format_ringkas(t)})" for d, t in zip(tarik["daerah"], tarik["target_daerah"]))
            tambahan = f" Target lebih lemah dari target provinsi: {nama}."
        else:
            tambahan = " Tidak ada kabupaten/kota yang targetnya lebih lemah dari target provinsi."
    return status, dasar + tambahan
