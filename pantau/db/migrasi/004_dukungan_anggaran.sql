-- Migrasi 004: dukungan sub kegiatan dan anggaran (Rakortekrenbang: sub kegiatan mana yang mendukung
-- setiap target kinerja, dengan pagu dan realisasi anggarannya), serta nomenklatur program dan sub kegiatan.
--
-- Nomenklatur (Permendagri 90/2019, Kepmendagri 050-5889/2021) hanya untuk menamai kode; kode yang tidak
-- ada di sini tetap diterima dengan nama yang diberikan. Diisi dari data/referensi/ oleh pantau.referensi.
CREATE TABLE program (
    kode               VARCHAR PRIMARY KEY CHECK (regexp_full_match(kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}')),
    nama               VARCHAR NOT NULL,
    bidang_urusan_kode VARCHAR NOT NULL
);
CREATE TABLE sub_kegiatan (
    kode          VARCHAR PRIMARY KEY
        CHECK (regexp_full_match(kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    nama          VARCHAR NOT NULL,
    kegiatan_kode VARCHAR,
    kegiatan_nama VARCHAR,
    program_kode  VARCHAR
);

-- dukungan dibuat ulang dengan bentuk yang dipakai sejak keputusan #10: indikator boleh kosong (sub kegiatan
-- yang belum mendukung indikator apa pun), realisasi anggaran per triwulan atau setahun, siapa dan kapan
-- menyepakatinya di desk, sumber, dan impor yang menulisnya. Sebelum migrasi ini belum ada jalur yang
-- menulis dukungan, tetapi baris yang mungkin ada tetap disalin.
CREATE TABLE dukungan_baru (
    id                INTEGER PRIMARY KEY DEFAULT nextval('seq_dukungan'),
    daerah_kode       VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun             INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    indikator_id      INTEGER REFERENCES indikator (id),
    sub_kegiatan_kode VARCHAR NOT NULL
        CHECK (regexp_full_match(sub_kegiatan_kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    sub_kegiatan_nama VARCHAR,
    perangkat_daerah  VARCHAR,
    pagu              DOUBLE CHECK (pagu IS NULL OR pagu >= 0),
    realisasi_tw1     DOUBLE CHECK (realisasi_tw1 IS NULL OR realisasi_tw1 >= 0),
    realisasi_tw2     DOUBLE CHECK (realisasi_tw2 IS NULL OR realisasi_tw2 >= 0),
    realisasi_tw3     DOUBLE CHECK (realisasi_tw3 IS NULL OR realisasi_tw3 >= 0),
    realisasi_tw4     DOUBLE CHECK (realisasi_tw4 IS NULL OR realisasi_tw4 >= 0),
    realisasi_tahun   DOUBLE CHECK (realisasi_tahun IS NULL OR realisasi_tahun >= 0),
    disepakati        BOOLEAN NOT NULL DEFAULT false,
    disepakati_oleh   VARCHAR,
    disepakati_pada   TIMESTAMP,
    sumber            VARCHAR,
    catatan           VARCHAR,
    diubah_oleh       VARCHAR,
    diubah_pada       TIMESTAMP,
    impor_id          INTEGER REFERENCES impor (id),
    UNIQUE (daerah_kode, tahun, indikator_id, sub_kegiatan_kode)
);
INSERT INTO dukungan_baru (id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, sub_kegiatan_nama,
                           perangkat_daerah, pagu, realisasi_tahun, disepakati, catatan, diubah_oleh, diubah_pada)
SELECT id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, sub_kegiatan_nama, perangkat_daerah, pagu,
       realisasi_anggaran, disepakati, catatan, diubah_oleh, diubah_pada
FROM dukungan;
DROP TABLE dukungan;
ALTER TABLE dukungan_baru RENAME TO dukungan;

ALTER TABLE impor ADD COLUMN baris_dukungan INTEGER DEFAULT 0;
