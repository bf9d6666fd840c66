"""Desk urusan Rakortekrenbang: catatan sesi (``catatan``), keselarasan target dalam kalimat (``keselarasan``),
dukungan sub kegiatan yang ditambah dan disepakati saat rapat (``dukungan``) dan ringkasannya (``ringkas``)."""
from pantau.desk.catatan import KOLOM, LABEL, HasilSimpan, catatan_terkini, simpan_catatan
from pantau.desk.keselarasan import CARA, kalimat_keselarasan

__all__ = ["KOLOM", "LABEL", "HasilSimpan", "catatan_terkini", "simpan_catatan", "CARA", "kalimat_keselarasan"]
