"""Pengaturan basis data, satu daftar: kunci, nilai bawaan, jenis, pemeriksaan, label Indonesia.

Dipakai oleh skema (nilai bawaan yang belum ada diisi, dan view SQL ``pengaturan_bawaan`` yang dibaca aturan
``pengaturan_berlaku``/``pengaturan_aktif``/``batas_kuadran``), oleh halaman Pengaturan (label, bantuan, isian)
dan oleh perintah ``python -m pantau pengaturan``. Nilai disimpan sebagai teks di tabel ``pengaturan``; angka
dengan titik desimal (``"90.5"``), daftar angka dengan titik koma (``"15;40;60"``). Aturan murni: membaca dan
menulis tabelnya ada di ``pantau.akun.pengaturan``.
"""
from __future__ import annotations

from dataclasses import dataclass

from pantau.aturan.angka import BukanAngka, baca_angka, format_ringkas


class PengaturanTidakSah(ValueError):
    """Nilai pengaturan tidak sah; pesannya untuk pengguna (bahasa Indonesia)."""


@dataclass(frozen=True)
class Pengaturan:
    kunci: str
    bawaan: str
    label: str
    keterangan: str
    #: 'pilihan' (salah satu ``pilihan``), 'bilangan' (bulat), 'persen' (angka), 'persen_naik' (tiga persen naik)
    jenis: str
    pilihan: tuple[tuple[str, str], ...] = ()   # (nilai, label)
    minimum: float | None = None
    maksimum: float | None = None

    def normalkan(self, teks) -> str:
        """Nilai seperti diketik (angka Indonesia boleh: "90,5") -> teks yang disimpan; ``PengaturanTidakSah`` bila
        tidak sah, dengan pesan yang menyebut labelnya dan yang diharapkan."""
        t = str(teks if teks is not None else "").strip()
        if self.jenis == "pilihan":
            sah = [n for n, _ in self.pilihan]
            if t not in sah:
                raise PengaturanTidakSah(f"{self.label}: '{t}' tidak sah; pilih salah satu dari {', '.join(sah)}.")
            return t
        if self.jenis == "persen_naik":
            bagian = t.split(";")
            if len(bagian) != 3:
                raise PengaturanTidakSah(f"{self.label}: tulis tiga angka dipisah titik koma, misalnya 15;40;60.")
            x = [self._angka(b) for b in bagian]
            if not x[0] <= x[1] <= x[2]:
                raise PengaturanTidakSah(f"{self.label}: batas s.d. Triwulan I, II, III harus naik atau sama "
                                         f"({'; '.join(format_ringkas(v) for v in x)}).")
            return ";".join(f"{v:g}" for v in x)
        x = self._angka(t)
        if self.jenis == "bilangan":
            if x != int(x):
                raise PengaturanTidakSah(f"{self.label}: tulis bilangan bulat, bukan {t}.")
            return str(int(x))
        return f"{x:g}"

    def _angka(self, t: str) -> float:
        try:
            x = baca_angka(t.strip()).nilai
        except BukanAngka:
            raise PengaturanTidakSah(f"{self.label}: '{t.strip()}' bukan angka.") from None
        if (self.minimum is not None and x < self.minimum) or (self.maksimum is not None and x > self.maksimum):
            raise PengaturanTidakSah(f"{self.label}: {format_ringkas(x)} di luar {format_ringkas(self.minimum)}–"
                                     f"{format_ringkas(self.maksimum)}.")
        return x

    def sah(self, teks) -> bool:
        try:
            self.normalkan(teks)
            return True
        except PengaturanTidakSah:
            return False

    def nilai(self, tersimpan: str | None):
        """Nilai Python dari teks tersimpan (nilai bawaan bila kosong atau rusak): str, int, float atau list."""
        t = tersimpan if tersimpan is not None and self.sah(tersimpan) else self.bawaan
        t = self.normalkan(t)
        if self.jenis == "pilihan":
            return t
        if self.jenis == "bilangan":
            return int(t)
        if self.jenis == "persen_naik":
            return [float(b) for b in t.split(";")]
        return float(t)

    def label_nilai(self, tersimpan: str | None) -> str:
        """Nilai untuk dibaca orang: label pilihan, angka Indonesia."""
        v = self.nilai(tersimpan)
        if self.jenis == "pilihan":
            return dict(self.pilihan).get(v, v)
        if self.jenis == "persen_naik":
            return "; ".join(format_ringkas(x) for x in v)
        return format_ringkas(v)


DAFTAR: tuple[Pengaturan, ...] = (
    Pengaturan("rumus_negatif", "2T-R", "Rumus capaian indikator negatif",
               "Rumus capaian indikator negatif: '2T-R' ((2T - R) / T x 100) atau 'T/R' (T / R x 100).",
               "pilihan", pilihan=(("2T-R", "(2T − R) / T × 100"), ("T/R", "T / R × 100"))),
    Pengaturan("baca_perlu_masuk", "ya", "Membaca dasbor memerlukan masuk",
               "Apakah membaca dasbor memerlukan masuk (ya/tidak).", "pilihan",
               pilihan=(("ya", "ya"), ("tidak", "tidak"))),
    Pengaturan("menit_sesi", "60", "Sesi berakhir setelah tidak ada aktivitas (menit)",
               "Menit tanpa aktivitas sebelum sesi masuk berakhir.", "bilangan", minimum=1, maksimum=24 * 60),
    Pengaturan("kuadran_batas_kinerja", "91", "Batas capaian kinerja kuadran (%)",
               "Kuadran kinerja-anggaran: rata-rata capaian kinerja (%) yang dianggap efektif (bawaan: batas predikat "
               "Sangat Tinggi).", "persen", minimum=1, maksimum=150),
    Pengaturan("kuadran_batas_serapan", "90", "Batas serapan anggaran kuadran, setahun (%)",
               "Kuadran kinerja-anggaran: serapan anggaran setahun (%) yang dianggap tinggi.", "persen",
               minimum=1, maksimum=100),
    Pengaturan("kuadran_batas_serapan_triwulan", "15;40;60", "Batas serapan kuadran s.d. Triwulan I;II;III (%)",
               "Kuadran kinerja-anggaran, tahun berjalan: serapan kumulatif (%) yang dianggap tinggi s.d. Triwulan "
               "I;II;III (belanja daerah menumpuk di akhir tahun, jadi batasnya tidak sebanding lurus dengan "
               "triwulan).", "persen_naik", minimum=1, maksimum=100),
    Pengaturan("kuota_usulan", "18", "Kuota usulan setiap kabupaten/kota",
               "Banyak usulan yang dibawa setiap kabupaten/kota ke Rakortekrenbang provinsi; nomor di atasnya "
               "diberi peringatan saat impor (keputusan #20).", "bilangan", minimum=1, maksimum=500),
)
PENGATURAN: dict[str, Pengaturan] = {p.kunci: p for p in DAFTAR}


def cari(kunci: str) -> Pengaturan:
    if kunci not in PENGATURAN:
        raise PengaturanTidakSah(f"Pengaturan '{kunci}' tidak dikenal; yang ada: {', '.join(PENGATURAN)}.")
    return PENGATURAN[kunci]


def sql_bawaan() -> str:
    """View ``pengaturan_bawaan`` (kunci, nilai) dari daftar ini: nilai bawaan yang dibaca aturan SQL ketika tabel
    ``pengaturan`` belum/tidak berisi kunci itu. Nilai berasal dari kode (bukan pengguna), diloloskan sebagai
    literal SQL."""
    def lit(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"
    baris = ", ".join(f"({lit(p.kunci)}, {lit(p.bawaan)})" for p in DAFTAR)
    return f"CREATE OR REPLACE VIEW pengaturan_bawaan AS SELECT * FROM (VALUES {baris}) AS t(kunci, nilai);"
