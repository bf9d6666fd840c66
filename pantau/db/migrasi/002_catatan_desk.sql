-- Migrasi 002: catatan sesi desk urusan (Rakortekrenbang) dan riwayat yang boleh mencatatnya.
--
-- catatan_desk hanya ditambah, tidak pernah diubah atau dihapus: setiap simpan adalah baris baru dengan
-- versi berikutnya untuk (urusan, daerah, tahun); versi terbesar adalah catatan yang berlaku. Dua orang
-- yang menyimpan hampir bersamaan sama-sama tersimpan (UNIQUE pada versi memaksa yang kalah mengulang
-- dengan versi berikutnya), dan yang menyimpan dari versi basi diberi tahu (kolom versi_dasar).
CREATE SEQUENCE seq_catatan_desk START 1;
CREATE TABLE catatan_desk (
    id            BIGINT PRIMARY KEY DEFAULT nextval('seq_catatan_desk'),
    urusan_kode   VARCHAR NOT NULL CHECK (regexp_full_match(urusan_kode, '[0-9]\.[0-9]{2}')),
    daerah_kode   VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun         INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    pendorong     VARCHAR,
    penghambat    VARCHAR,
    tindak_lanjut VARCHAR,
    versi         INTEGER NOT NULL CHECK (versi >= 1),
    versi_dasar   INTEGER NOT NULL DEFAULT 0 CHECK (versi_dasar >= 0),
    oleh          VARCHAR NOT NULL CHECK (length(trim(oleh)) > 0),
    pada          TIMESTAMP NOT NULL,
    UNIQUE (urusan_kode, daerah_kode, tahun, versi)
);

-- riwayat.tabel punya CHECK yang belum mengenal 'catatan_desk'. DuckDB tidak dapat mengubah CHECK
-- (ALTER TABLE ... ADD/DROP CONSTRAINT tidak didukung), jadi tabel riwayat dibuat ulang dengan kolom,
-- urutan kolom, kunci dan urutan id yang sama, lalu isinya disalin. Tidak ada view atau tabel yang
-- merujuk riwayat, sehingga DROP aman; semuanya berjalan dalam transaksi pasang_skema.
CREATE TABLE riwayat_baru (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    waktu          TIMESTAMP NOT NULL,
    oleh           VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('indikator', 'target', 'realisasi', 'dukungan', 'pengaturan',
                                                     'skala_predikat', 'catatan_desk')),
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    indikator_id   INTEGER,
    daerah_kode    VARCHAR,
    indikator_kode VARCHAR,
    tahun          INTEGER,
    kunci          VARCHAR,   -- dokumen (target), periode (realisasi) atau urusan_kode (catatan_desk)
    kolom          VARCHAR,
    nilai_lama     VARCHAR,
    nilai_baru     VARCHAR,
    impor_id       INTEGER REFERENCES impor (id)
);
INSERT INTO riwayat_baru SELECT * FROM riwayat;
DROP TABLE riwayat;
ALTER TABLE riwayat_baru RENAME TO riwayat;
