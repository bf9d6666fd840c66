"""Label dan penjelasan status keselarasan dan keputusan usulan (keputusan #20). Aturan murni: statusnya sendiri
dihitung view ``keselarasan_usulan`` (pantau/aturan/aturan.sql); di sini hanya kata-kata untuk manusia."""
from __future__ import annotations

from pantau.aturan.format import kosong

#: status -> (label, warna). Urutan = urutan aturan (yang pertama berlaku), sejalan terakhir.
STATUS = {
    "sejalan": ("Sejalan", "#0072B2"),
    "urusan_tidak_sesuai": ("Urusan tidak sesuai", "#E69F00"),
    "perlu_diperiksa": ("Perlu diperiksa", "#F0E442"),
    "tanpa_prioritas": ("Tanpa prioritas", "#CC79A7"),
    "bukan_kewenangan_provinsi": ("Bukan kewenangan provinsi", "#D55E00"),
}
#: keputusan (None = belum dibahas) -> (label, warna)
KEPUTUSAN = {
    None: ("Belum dibahas", "#BBBBBB"),
    "diterima": ("Diterima", "#009E73"),
    "diterima_catatan": ("Diterima dengan catatan", "#56B4E9"),
    "dialihkan": ("Dialihkan", "#E69F00"),
    "ditunda": ("Ditunda", "#F0E442"),
    "ditolak": ("Ditolak", "#D55E00"),
}
DIALIHKAN_KE = {"apbd_kabkota": "APBD kabupaten/kota", "bantuan_keuangan": "Bantuan keuangan provinsi",
                "dak": "DAK", "apbn": "APBN"}
SUMBER = {"pemda": "Pemerintah daerah", "pokir": "Pokok pikiran DPRD", "masyarakat": "Masyarakat"}


def label_status(status: str) -> str:
    return STATUS.get(status, (status, ""))[0]


def label_keputusan(keputusan) -> str:
    k = None if kosong(keputusan) else keputusan
    return KEPUTUSAN.get(k, (str(k), ""))[0]


#: kolom baris usulan yang dibaca ``mengapa``
KOLOM_MENGAPA = ["status", "sub_kegiatan_kode", "prioritas_kode", "urusan_kode", "urusan_prioritas"]


def mengapa(r: dict) -> str:
    """Mengapa sebuah usulan (baris ``keselarasan_usulan``) berstatus itu, dalam satu kalimat."""
    s = r.get("status")
    if s == "bukan_kewenangan_provinsi":
        return (f"Sub kegiatan {r.get('sub_kegiatan_kode')} adalah kegiatan kabupaten/kota (angka ke-4 kodenya bukan "
                "1), bukan kewenangan provinsi")
    if s == "tanpa_prioritas":
        return "Tidak menyebut prioritas pembangunan provinsi"
    if s == "perlu_diperiksa":
        return (f"Prioritas {r.get('prioritas_kode')} belum menyebut urusan dan belum punya indikator tertaut, jadi "
                "keselarasannya belum dapat diperiksa")
    if s == "urusan_tidak_sesuai":
        sah = r.get("urusan_prioritas")
        return (f"Urusan {r.get('urusan_kode')} tidak melayani prioritas {r.get('prioritas_kode')}"
                + (f" (urusannya: {sah})" if not kosong(sah) and sah else ""))
    if s == "sejalan":
        return f"Urusan {r.get('urusan_kode')} melayani prioritas {r.get('prioritas_kode')}"
    return "–"
