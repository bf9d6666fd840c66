"""Memeriksa lembar ``prioritas``, ``indikator_prioritas`` dan ``usulan`` (keputusan #20; docs/FORMAT_IMPOR.md,
"Prioritas dan usulan").

Dipanggil oleh ``pantau.impor.validasi.periksa`` dengan pemeriksa yang sama (``salah``/``awas`` menyebut lembar,
baris seperti di Excel, kolom dan nilai), sesudah lembar indikator sehingga indikator di berkas yang sama dikenal.
Hasilnya daftar baris bersih untuk ``pantau.impor.tulis``.

Sebuah prioritas dicari menurut ``kode`` di daerahnya di antara baris yang tahunnya mencakup tahun yang ditanyakan
(baris berkas ini dan yang sudah ada di basis data; baris berkas menggantikan baris basis data berkunci sama).
Kode yang tidak cocok dengan satu pun, atau cocok dengan dua, adalah kesalahan pada sel itu.
"""
from __future__ import annotations

from pantau.aturan.angka import BukanAngka, baca_angka, baca_rupiah, kosong
from pantau.aturan.kode import KODE_SUB_KEGIATAN, KODE_URUSAN
from pantau.impor.validasi import _kode_bertitik, _teks

TINGKAT = ("nasional", "provinsi", "kabupaten", "kota")
DOKUMEN = ("RPJMN", "RKP", "RPJMD", "RKPD")
JENIS = ("visi", "misi", "tujuan", "sasaran", "prioritas", "tema", "PN", "PP", "KP")
SUMBER_USULAN = ("pemda", "pokir", "masyarakat")
KEPUTUSAN = ("diterima", "diterima_catatan", "dialihkan", "ditolak", "ditunda")
#: Keputusan yang wajib beralasan.
PERLU_ALASAN = ("dialihkan", "ditolak")
DIALIHKAN_KE = ("apbd_kabkota", "bantuan_keuangan", "dak", "apbn")


def _pilihan(p, lembar, no, kolom, v, pilihan, wajib=True, huruf_kecil=True) -> str | None:
    t = _teks(v)
    if t is None:
        if wajib:
            p.salah(lembar, no, kolom, None, f"wajib diisi: {', '.join(pilihan)}")
        return None
    cari = {x.lower(): x for x in pilihan}
    x = cari.get(t.lower()) if huruf_kecil else (t if t in pilihan else None)
    if x is None:
        p.salah(lembar, no, kolom, v, f"harus salah satu dari {', '.join(pilihan)}")
    return x


def _daftar_kode(v) -> list[str]:
    t = _teks(v)
    if t is None:
        return []
    return [k.strip() for k in t.replace(";", ",").split(",") if k.strip()]


class _Prioritas:
    """Prioritas yang dikenal: baris basis data ditambah baris berkas (berkas menang untuk kunci yang sama)."""

    def __init__(self, con):
        cur = con.cursor()
        self.baris = {}
        for d, dok, jenis, kode, a, b in cur.execute(
                "SELECT daerah_kode, dokumen, jenis, kode, tahun_awal, tahun_akhir FROM prioritas").fetchall():
            self.baris[(d, dok, kode, a, b)] = jenis
        cur.close()

    def tambah(self, d, dok, jenis, kode, a, b):
        self.baris[(d, dok, kode, a, b)] = jenis

    def cari(self, daerah, kode, dari: int, sampai: int, *, dokumen=None, jenis=None) -> list[tuple]:
        """Baris berkode ``kode`` di ``daerah`` yang tahunnya bersinggungan dengan [dari, sampai]."""
        return sorted((k, j) for k, j in self.baris.items()
                      if k[0] == daerah and k[2] == kode and k[3] <= sampai and k[4] >= dari
                      and (dokumen is None or k[1] == dokumen) and (jenis is None or j == jenis))


def _satu(p, lembar, no, kolom, v, calon, uraian) -> tuple | None:
    if not calon:
        p.salah(lembar, no, kolom, v, f"prioritas tidak dikenal {uraian}; daftarkan dulu di lembar 'prioritas'")
        return None
    if len(calon) > 1:
        daftar = "; ".join(f"{k[1]} {k[3]}-{k[4]}" for k, _ in calon)
        p.salah(lembar, no, kolom, v, f"kode ini cocok dengan lebih dari satu prioritas {uraian} ({daftar})")
        return None
    return calon[0][0]


def lembar_prioritas(p, daftar: _Prioritas, urusan: set) -> list[dict]:
    nama = "prioritas"
    hasil, kunci_baris, tertunda = [], {}, []
    for no, row in p.lembar[nama].baris:
        n0 = p.n_salah
        tingkat = _pilihan(p, nama, no, "tingkat", row.get("tingkat"), TINGKAT)
        dokumen = _pilihan(p, nama, no, "dokumen", row.get("dokumen"), DOKUMEN)
        jenis = _pilihan(p, nama, no, "jenis", row.get("jenis"), JENIS)
        kode = _teks(row.get("kode"))
        if kode is None:
            p.salah(nama, no, "kode", None, "wajib diisi (misalnya P01 atau 1)")
        elif len(kode) > 50:
            p.salah(nama, no, "kode", kode[:40] + "...", "kode terlalu panjang (paling banyak 50 karakter)")
        nm = _teks(row.get("nama"))
        if nm is None:
            p.salah(nama, no, "nama", None, "wajib diisi (rumusan prioritas)")
        awal = p.tahun(nama, no, "tahun_awal", row.get("tahun_awal"))
        akhir = p.tahun(nama, no, "tahun_akhir", row.get("tahun_akhir"))
        if awal is not None and akhir is not None and akhir < awal:
            p.salah(nama, no, "tahun_akhir", row.get("tahun_akhir"), f"lebih awal dari tahun_awal {awal}")
        daerah = None
        if tingkat == "nasional":
            if not kosong(row.get("daerah_kode")):
                p.salah(nama, no, "daerah_kode", row.get("daerah_kode"), "harus kosong untuk tingkat nasional")
        elif tingkat is not None:
            daerah = p.daerah_kode(nama, no, row)
            jenis_daerah = p.daerah.get(daerah)
            if daerah and jenis_daerah != tingkat:
                p.salah(nama, no, "tingkat", row.get("tingkat"),
                        f"daerah {daerah} adalah {jenis_daerah}, bukan {tingkat}")
        if tingkat == "nasional" and dokumen in ("RPJMD", "RKPD"):
            p.salah(nama, no, "dokumen", row.get("dokumen"), "prioritas nasional berdokumen RPJMN atau RKP")
        if tingkat not in (None, "nasional") and dokumen in ("RPJMN", "RKP"):
            p.salah(nama, no, "dokumen", row.get("dokumen"), "prioritas daerah berdokumen RPJMD atau RKPD")
        kode_urusan = _daftar_kode(row.get("urusan_kode"))
        for u in kode_urusan:
            if not KODE_URUSAN.fullmatch(u) or u not in urusan:
                p.salah(nama, no, "urusan_kode", u, "bukan kode urusan yang dikenal (misalnya 1.02; beberapa kode "
                        "dipisah koma)")
        if p.n_salah > n0:
            continue
        kunci = (daerah, dokumen, kode, awal, akhir)
        if p.cek_dobel(nama, kunci_baris, kunci, no, f"prioritas {kode} {dokumen} {awal}-{akhir}"
                       + (f" daerah {daerah}" if daerah else " nasional")):
            continue
        daftar.tambah(daerah, dokumen, jenis, kode, awal, akhir)
        baris = {"baris": no, "tingkat": tingkat, "daerah_kode": daerah, "dokumen": dokumen, "jenis": jenis,
                 "kode": kode, "nama": nm, "induk_kode": _teks(row.get("induk_kode")), "tahun_awal": awal,
                 "tahun_akhir": akhir, "sumber": _teks(row.get("sumber")),
                 "urusan": kode_urusan if not kosong(row.get("urusan_kode")) else None,
                 "pn": _daftar_kode(row.get("pn_kode")) if not kosong(row.get("pn_kode")) else None}
        tertunda.append((no, row, baris))
        hasil.append(baris)
    # induk dan PN diperiksa sesudah semua baris dikenal (induk boleh di baris sesudahnya)
    for no, row, b in tertunda:
        if b["induk_kode"] is not None:
            calon = daftar.cari(b["daerah_kode"], b["induk_kode"], b["tahun_awal"], b["tahun_akhir"],
                                dokumen=b["dokumen"])
            if not calon:
                tempat = "nasional" if b["daerah_kode"] is None else f"daerah {b['daerah_kode']}"
                p.salah(nama, no, "induk_kode", row.get("induk_kode"),
                        f"induk tidak dikenal di {b['dokumen']} {tempat} {b['tahun_awal']}-{b['tahun_akhir']}")
        for pn in b["pn"] or []:
            if not daftar.cari(None, pn, b["tahun_awal"], b["tahun_akhir"], dokumen="RKP", jenis="PN"):
                p.salah(nama, no, "pn_kode", pn,
                        f"tidak ada PN {pn} di RKP tahun {b['tahun_awal']}-{b['tahun_akhir']}; daftarkan dulu sebagai "
                        "baris nasional (dokumen RKP, jenis PN)")
    return hasil


def lembar_indikator_prioritas(p, daftar: _Prioritas) -> list[dict]:
    nama = "indikator_prioritas"
    hasil, kunci_baris = [], {}
    for no, row in p.lembar[nama].baris:
        n0 = p.n_salah
        daerah = p.daerah_kode(nama, no, row)
        periode = p.periode_rpjmd(nama, no, row.get("periode_rpjmd"), wajib=False)
        kode_ind = _teks(row.get("indikator_kode"))
        if kode_ind is None:
            p.salah(nama, no, "indikator_kode", None, "wajib diisi")
        kode_p = _teks(row.get("prioritas_kode"))
        if kode_p is None:
            p.salah(nama, no, "prioritas_kode", None, "wajib diisi (kode prioritas daerah itu)")
        ind = p.cari_indikator(nama, no, daerah, kode_ind, periode) if daerah and kode_ind else None
        pri = None
        if ind and kode_p:
            pri = _satu(p, nama, no, "prioritas_kode", kode_p, daftar.cari(daerah, kode_p, ind[0], ind[1]),
                        f"di daerah {daerah} pada periode {ind[0]}-{ind[1]}")
        if p.n_salah > n0 or not (ind and pri):
            continue
        kunci = (daerah, ind[0], ind[1], kode_ind, pri)
        if p.cek_dobel(nama, kunci_baris, kunci, no, f"indikator {kode_ind} untuk prioritas {kode_p}"):
            continue
        hasil.append({"baris": no, "daerah_kode": daerah, "tahun_awal": ind[0], "tahun_akhir": ind[1],
                      "indikator_kode": kode_ind, "prioritas": pri})
    return hasil


def _angka(p, lembar, no, kolom, v, rupiah=False) -> float | None:
    if kosong(v):
        return None
    try:
        x = (baca_rupiah(v) if rupiah else baca_angka(v)).nilai
    except BukanAngka as e:
        p.salah(lembar, no, kolom, v, str(e))
        return None
    if x < 0:
        p.salah(lembar, no, kolom, v, "tidak boleh negatif (angka >= 0)")
        return None
    return x


def lembar_usulan(p, daftar: _Prioritas, urusan: set, kuota: int) -> list[dict]:
    nama = "usulan"
    hasil, kunci_baris = [], {}
    for no, row in p.lembar[nama].baris:
        if all(kosong(v) for k, v in row.items() if k not in ("daerah_kode", "tahun", "nomor")):
            continue  # baris bernomor templat yang belum diisi
        n0 = p.n_salah
        daerah = p.daerah_kode(nama, no, row)
        if daerah and p.daerah.get(daerah) == "provinsi":
            p.salah(nama, no, "daerah_kode", row.get("daerah_kode"),
                    "usulan diajukan kabupaten/kota kepada provinsinya; isi kode kabupaten/kota (misalnya 65.01)")
            daerah = None
        tahun = p.tahun(nama, no, "tahun", row.get("tahun"))
        nomor = None
        v = row.get("nomor")
        try:
            x = None if kosong(v) else baca_angka(v).nilai
        except BukanAngka:
            x = -1
        if x is None:
            p.salah(nama, no, "nomor", None, "wajib diisi (urutan usulan 1, 2, 3, ...)")
        elif x < 1 or not float(x).is_integer():
            p.salah(nama, no, "nomor", v, "harus bilangan bulat 1 atau lebih")
        else:
            nomor = int(x)
        judul = _teks(row.get("judul"))
        if judul is None:
            p.salah(nama, no, "judul", None, "wajib diisi (judul usulan)")
        u = _kode_bertitik(row.get("urusan_kode"))
        if u is None:
            p.salah(nama, no, "urusan_kode", None, "wajib diisi (kode urusan, misalnya 1.03)")
        elif not KODE_URUSAN.fullmatch(u) or u not in urusan:
            p.salah(nama, no, "urusan_kode", row.get("urusan_kode"), "bukan kode urusan yang dikenal (misalnya 1.03)")
        pri = None
        kode_p = _teks(row.get("prioritas_kode"))
        if kode_p and daerah and tahun is not None:
            prov = p.induk_daerah.get(daerah)
            pri = _satu(p, nama, no, "prioritas_kode", kode_p, daftar.cari(prov, kode_p, tahun, tahun),
                        f"provinsi {prov} tahun {tahun}")
        sk = _kode_bertitik(row.get("sub_kegiatan_kode"))
        if sk is not None:
            if not KODE_SUB_KEGIATAN.fullmatch(sk.upper()):
                p.salah(nama, no, "sub_kegiatan_kode", row.get("sub_kegiatan_kode"),
                        "bukan kode sub kegiatan Permendagri 90/2019: bentuknya U.BB.PP.K.KK.SSSS "
                        "(misalnya 1.03.10.1.01.0001)")
                sk = None
            else:
                sk = sk.upper()
        volume = _angka(p, nama, no, "volume", row.get("volume"))
        biaya = _angka(p, nama, no, "biaya", row.get("biaya"), rupiah=True)
        pagu = _angka(p, nama, no, "pagu_disepakati", row.get("pagu_disepakati"), rupiah=True)
        sumber = _pilihan(p, nama, no, "sumber", row.get("sumber"), SUMBER_USULAN, wajib=False)
        keputusan = _pilihan(p, nama, no, "keputusan", row.get("keputusan"), KEPUTUSAN, wajib=False)
        alasan = _teks(row.get("alasan"))
        if keputusan in PERLU_ALASAN and alasan is None:
            p.salah(nama, no, "alasan", None, f"wajib diisi untuk keputusan '{keputusan}'")
        alih = _pilihan(p, nama, no, "dialihkan_ke", row.get("dialihkan_ke"), DIALIHKAN_KE, wajib=False)
        if alih and keputusan != "dialihkan":
            p.salah(nama, no, "dialihkan_ke", row.get("dialihkan_ke"), "hanya untuk keputusan 'dialihkan'")
        if daerah and tahun is not None and nomor is not None and p.cek_dobel(
                nama, kunci_baris, (daerah, tahun, nomor), no, f"usulan nomor {nomor} {daerah} tahun {tahun}"):
            continue
        if p.n_salah > n0:
            continue
        if nomor > kuota:
            p.awas(nama, no, "nomor", nomor, f"di atas kuota usulan ({kuota} per kabupaten/kota); tetap diterima")
        hasil.append({"baris": no, "daerah_kode": daerah, "tahun": tahun, "nomor": nomor, "judul": judul,
                      "urusan_kode": u, "prioritas": pri, "permasalahan": _teks(row.get("permasalahan")),
                      "lokasi": _teks(row.get("lokasi")), "volume": volume, "satuan": _teks(row.get("satuan")),
                      "biaya": biaya, "sub_kegiatan_kode": sk, "perangkat_daerah": _teks(row.get("perangkat_daerah")),
                      "sumber": sumber, "keputusan": keputusan, "alasan": alasan, "dialihkan_ke": alih,
                      "pagu_disepakati": pagu})
    return hasil


def periksa_prioritas(p) -> dict:
    """Periksa lembar prioritas, indikator_prioritas dan usulan yang ada di berkas; isi ``Rencana`` tambahan."""
    ada = [n for n in ("prioritas", "indikator_prioritas", "usulan") if n in p.lembar]
    if not ada:
        return {}
    cur = p.con.cursor()
    urusan = {r[0] for r in cur.execute("SELECT kode FROM urusan").fetchall()}
    kuota = int(cur.execute("SELECT nilai FROM pengaturan_berlaku WHERE kunci = 'kuota_usulan'").fetchone()[0])
    cur.close()
    daftar = _Prioritas(p.con)
    hasil = {}
    if "prioritas" in p.lembar:
        hasil["prioritas"] = lembar_prioritas(p, daftar, urusan)
    if "indikator_prioritas" in p.lembar:
        hasil["indikator_prioritas"] = lembar_indikator_prioritas(p, daftar)
    if "usulan" in p.lembar:
        hasil["usulan"] = lembar_usulan(p, daftar, urusan, kuota)
    return hasil
