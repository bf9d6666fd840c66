-- Migrasi 006: anggaran dari SIPD-RI (docs/FORMAT_SIPD.md, docs/SKEMA.md) dan kunci sub kegiatan dengan unitnya.
--
-- anggaran_sipd: satu baris per (daerah, tahun, unit, sub kegiatan) dari perintah impor-sipd / halaman Impor
-- (pantau/impor/sipd_tulis.py). Impor ulang daerah dan tahun yang sama menggantinya; riwayat menyimpan setiap
-- baris lama/baru sebagai JSON (tabel 'anggaran_sipd', kunci "unit sub_kegiatan") sehingga impor dapat dibatalkan.
-- Nama operator SIPD (user_created, user_updated) tidak pernah disimpan: kolomnya memang tidak ada.
CREATE TABLE anggaran_sipd (
    daerah_kode                 VARCHAR NOT NULL CHECK (regexp_full_match(daerah_kode, '[0-9]{2}(\.[0-9]{2})?')),
    tahun                       INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    perangkat_daerah_kode       VARCHAR NOT NULL CHECK (regexp_full_match(perangkat_daerah_kode,
        '[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{4}')),
    perangkat_daerah            VARCHAR,
    perangkat_daerah_induk_kode VARCHAR NOT NULL CHECK (regexp_full_match(perangkat_daerah_induk_kode,
        '[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{4}')),
    perangkat_daerah_induk      VARCHAR,
    sub_kegiatan_kode           VARCHAR NOT NULL
        CHECK (regexp_full_match(sub_kegiatan_kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    sub_kegiatan_nama           VARCHAR,
    pagu                        DECIMAL(18, 2) NOT NULL CHECK (pagu >= 0),
    indikator_keluaran          VARCHAR,
    target_keluaran             DOUBLE,
    target_keluaran_teks        VARCHAR,
    satuan_keluaran             VARCHAR,
    sumber                      VARCHAR NOT NULL,
    impor_id                    INTEGER REFERENCES impor (id),
    PRIMARY KEY (daerah_kode, tahun, perangkat_daerah_kode, sub_kegiatan_kode)
);

-- Target outcome program dari Renja (format A) yang dapat dipasangkan (program berindikator tunggal di unit itu).
-- Empat kolom target SIPD disimpan apa adanya: teks, dan angka bila angka.
CREATE TABLE outcome_program_sipd (
    daerah_kode                 VARCHAR NOT NULL,
    tahun                       INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    perangkat_daerah_kode       VARCHAR NOT NULL,
    perangkat_daerah_induk_kode VARCHAR NOT NULL,
    program_kode                VARCHAR NOT NULL,
    program_nama                VARCHAR,
    outcome                     VARCHAR,
    indikator                   VARCHAR NOT NULL,
    target_akhir                DOUBLE,
    target_akhir_teks           VARCHAR,
    realisasi_capaian           DOUBLE,
    realisasi_capaian_teks      VARCHAR,
    prakiraan                   DOUBLE,
    prakiraan_teks              VARCHAR,
    target_maju_1               DOUBLE,
    target_maju_1_teks          VARCHAR,
    sumber                      VARCHAR NOT NULL,
    impor_id                    INTEGER REFERENCES impor (id),
    PRIMARY KEY (daerah_kode, tahun, perangkat_daerah_kode, program_kode)
);

-- View yang dibaca dasbor: kolom persis seperti docs/SKEMA.md "anggaran_sub_kegiatan".
CREATE VIEW anggaran_sub_kegiatan AS
SELECT daerah_kode, tahun, perangkat_daerah_kode, perangkat_daerah, perangkat_daerah_induk_kode, sub_kegiatan_kode,
       sub_kegiatan_nama, pagu, indikator_keluaran, target_keluaran, target_keluaran_teks, satuan_keluaran, sumber
FROM anggaran_sipd;

ALTER TABLE impor ADD COLUMN baris_anggaran INTEGER DEFAULT 0;

-- Kode sub kegiatan yang sama muncul di banyak unit (1.02.01.2.10.0001 di setiap Puskesmas), jadi dukungan
-- dikunci dengan unitnya: perangkat_daerah_kode (kode unit SIPD 8 bagian, '' = unit tidak disebut, yaitu setiap
-- baris yang ada sebelum migrasi ini dan baris impor lembar dukungan tanpa kode unit). '' dan bukan NULL agar
-- UNIQUE benar-benar menolak baris kembar. Setiap baris lama disalin (id, urutan id, kolom lain sama).
CREATE TABLE dukungan_baru (
    id                    INTEGER PRIMARY KEY DEFAULT nextval('seq_dukungan'),
    daerah_kode           VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun                 INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    indikator_id          INTEGER REFERENCES indikator (id),
    sub_kegiatan_kode     VARCHAR NOT NULL
        CHECK (regexp_full_match(sub_kegiatan_kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    sub_kegiatan_nama     VARCHAR,
    perangkat_daerah      VARCHAR,
    pagu                  DOUBLE CHECK (pagu IS NULL OR pagu >= 0),
    realisasi_tw1         DOUBLE CHECK (realisasi_tw1 IS NULL OR realisasi_tw1 >= 0),
    realisasi_tw2         DOUBLE CHECK (realisasi_tw2 IS NULL OR realisasi_tw2 >= 0),
    realisasi_tw3         DOUBLE CHECK (realisasi_tw3 IS NULL OR realisasi_tw3 >= 0),
    realisasi_tw4         DOUBLE CHECK (realisasi_tw4 IS NULL OR realisasi_tw4 >= 0),
    realisasi_tahun       DOUBLE CHECK (realisasi_tahun IS NULL OR realisasi_tahun >= 0),
    disepakati            BOOLEAN NOT NULL DEFAULT false,
    disepakati_oleh       VARCHAR,
    disepakati_pada       TIMESTAMP,
    sumber                VARCHAR,
    catatan               VARCHAR,
    diubah_oleh           VARCHAR,
    diubah_pada           TIMESTAMP,
    impor_id              INTEGER REFERENCES impor (id),
    perangkat_daerah_kode VARCHAR NOT NULL DEFAULT '' CHECK (perangkat_daerah_kode = '' OR regexp_full_match(
        perangkat_daerah_kode, '[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]{4}')),
    UNIQUE (daerah_kode, tahun, indikator_id, perangkat_daerah_kode, sub_kegiatan_kode)
);
INSERT INTO dukungan_baru (id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, sub_kegiatan_nama,
                           perangkat_daerah, pagu, realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4,
                           realisasi_tahun, disepakati, disepakati_oleh, disepakati_pada, sumber, catatan,
                           diubah_oleh, diubah_pada, impor_id, perangkat_daerah_kode)
SELECT id, daerah_kode, tahun, indikator_id, sub_kegiatan_kode, sub_kegiatan_nama, perangkat_daerah, pagu,
       realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4, realisasi_tahun, disepakati, disepakati_oleh,
       disepakati_pada, sumber, catatan, diubah_oleh, diubah_pada, impor_id, ''
FROM dukungan;
DROP TABLE dukungan;
ALTER TABLE dukungan_baru RENAME TO dukungan;

-- riwayat.tabel harus menerima 'anggaran_sipd' dan 'outcome_program_sipd'. DuckDB tidak dapat mengubah CHECK,
-- jadi riwayat dibuat ulang seperti di migrasi 003: kolom, urutan kolom, kunci dan urutan id sama.
CREATE TABLE riwayat_baru (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    waktu          TIMESTAMP NOT NULL,
    oleh           VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('indikator', 'target', 'realisasi', 'dukungan', 'pengaturan',
                                                     'skala_predikat', 'catatan_desk', 'pengguna', 'anggaran_sipd',
                                                     'outcome_program_sipd')),
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    indikator_id   INTEGER,
    daerah_kode    VARCHAR,
    indikator_kode VARCHAR,
    tahun          INTEGER,
    kunci          VARCHAR,   -- dokumen (target), periode (realisasi), urusan_kode (catatan_desk), nama_pengguna
                              -- (pengguna), "unit sub_kegiatan" (dukungan berunit, anggaran_sipd), "unit program"
    kolom          VARCHAR,
    nilai_lama     VARCHAR,
    nilai_baru     VARCHAR,
    impor_id       INTEGER REFERENCES impor (id)
);
INSERT INTO riwayat_baru SELECT * FROM riwayat;
DROP TABLE riwayat;
ALTER TABLE riwayat_baru RENAME TO riwayat;
