"""Bentuk kode yang dipakai Pantau, satu definisi: daerah (Kemendagri), urusan/bidang urusan, sub kegiatan
(Permendagri 90/2019, ``U.BB.PP.K.KK.SSSS``; ``X.XX`` = lintas urusan di SIPD) dan unit perangkat daerah SIPD
(delapan bagian)."""
import re

KODE_DAERAH = re.compile(r"\d{2}(\.\d{2})?")
KODE_URUSAN = re.compile(r"\d\.\d{2}")
KODE_SUB_KEGIATAN = re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}")
#: Unit/SKPD SIPD-RI: 8 bagian, misalnya 1.02.0.00.0.00.01.0004 (bagian 2-6: bidang urusan gabungan)
KODE_UNIT = re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{4}")
