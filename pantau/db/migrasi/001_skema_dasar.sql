-- Migrasi 001: tabel dasar Pantau (docs/SKEMA.md).
-- Setiap tabel dan kolom didokumentasikan di docs/SKEMA.md.

CREATE TABLE meta (
    kunci VARCHAR PRIMARY KEY,
    nilai VARCHAR NOT NULL
);

CREATE TABLE daerah (
    kode        VARCHAR PRIMARY KEY CHECK (regexp_full_match(kode, '[0-9]{2}(\.[0-9]{2})?')),
    kode_bps    VARCHAR,
    nama        VARCHAR NOT NULL,
    jenis       VARCHAR NOT NULL CHECK (jenis IN ('provinsi', 'kabupaten', 'kota')),
    kode_induk  VARCHAR,
    penduduk    BIGINT CHECK (penduduk IS NULL OR penduduk >= 0),
    luas_km2    DOUBLE CHECK (luas_km2 IS NULL OR luas_km2 >= 0),
    CHECK ((jenis = 'provinsi') = (kode_induk IS NULL))
);

CREATE TABLE urusan (
    kode          VARCHAR PRIMARY KEY CHECK (regexp_full_match(kode, '[0-9]\.[0-9]{2}')),
    nama          VARCHAR NOT NULL,
    nama_resmi    VARCHAR,
    kelompok_kode VARCHAR NOT NULL,
    kelompok      VARCHAR NOT NULL
);

CREATE SEQUENCE seq_periode START 1;
CREATE TABLE periode (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_periode'),
    daerah_kode VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun_awal  INTEGER NOT NULL CHECK (tahun_awal BETWEEN 2000 AND 2100),
    tahun_akhir INTEGER NOT NULL CHECK (tahun_akhir BETWEEN 2000 AND 2100),
    dasar_hukum VARCHAR,
    UNIQUE (daerah_kode, tahun_awal, tahun_akhir),
    CHECK (tahun_akhir >= tahun_awal AND tahun_akhir - tahun_awal <= 10)
);

CREATE SEQUENCE seq_indikator START 1;
CREATE TABLE indikator (
    id                 INTEGER PRIMARY KEY DEFAULT nextval('seq_indikator'),
    periode_id         INTEGER NOT NULL REFERENCES periode (id),
    daerah_kode        VARCHAR NOT NULL REFERENCES daerah (kode),
    -- NULL: lintas urusan. Sengaja tanpa FOREIGN KEY: DuckDB menjalankan UPDATE kolom berindeks
    -- sebagai hapus+sisip, yang ditolak selama target/realisasi merujuk baris ini. Keberadaan kode
    -- diperiksa oleh impor dan oleh uji data (tests/test_data_integritas.py).
    urusan_kode        VARCHAR CHECK (urusan_kode IS NULL OR regexp_full_match(urusan_kode, '[0-9]\.[0-9]{2}')),
    kode               VARCHAR NOT NULL CHECK (length(kode) BETWEEN 1 AND 50),
    nama               VARCHAR NOT NULL,
    satuan             VARCHAR NOT NULL,
    polaritas          VARCHAR NOT NULL CHECK (polaritas IN ('positif', 'negatif', 'rentang', 'teks')),
    agregasi           VARCHAR NOT NULL CHECK (agregasi IN ('kumulatif', 'akhir')),
    kondisi_awal       DOUBLE,
    kondisi_awal_teks  VARCHAR,
    tahun_kondisi_awal INTEGER CHECK (tahun_kondisi_awal IS NULL OR tahun_kondisi_awal BETWEEN 1990 AND 2100),
    target_akhir       DOUBLE,
    target_akhir_min   DOUBLE,
    target_akhir_max   DOUBLE,
    target_akhir_teks  VARCHAR,
    iku                BOOLEAN NOT NULL DEFAULT false,
    perangkat_daerah   VARCHAR,
    sumber_data        VARCHAR,
    definisi           VARCHAR,
    induk_daerah_kode  VARCHAR,
    induk_kode         VARCHAR,
    agregasi_wilayah   VARCHAR CHECK (agregasi_wilayah IS NULL
                                      OR agregasi_wilayah IN ('jumlah', 'rerata', 'rerata_tertimbang')),
    diubah_oleh        VARCHAR,
    diubah_pada        TIMESTAMP,
    UNIQUE (daerah_kode, periode_id, kode),
    CHECK (target_akhir_min IS NULL OR target_akhir_max IS NULL OR target_akhir_min <= target_akhir_max)
);

CREATE SEQUENCE seq_impor START 1;
CREATE TABLE impor (
    id              INTEGER PRIMARY KEY DEFAULT nextval('seq_impor'),
    berkas          VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    oleh            VARCHAR NOT NULL,
    waktu           TIMESTAMP NOT NULL,
    baris_indikator INTEGER NOT NULL DEFAULT 0,
    baris_target    INTEGER NOT NULL DEFAULT 0,
    baris_realisasi INTEGER NOT NULL DEFAULT 0,
    keterangan      VARCHAR
);

CREATE TABLE target (
    indikator_id INTEGER NOT NULL REFERENCES indikator (id),
    tahun        INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    dokumen      VARCHAR NOT NULL DEFAULT 'RPJMD' CHECK (dokumen IN ('RPJMD', 'RKPD')),
    nilai        DOUBLE,
    nilai_min    DOUBLE,
    nilai_max    DOUBLE,
    nilai_teks   VARCHAR,
    diubah_oleh  VARCHAR,
    diubah_pada  TIMESTAMP,
    impor_id     INTEGER REFERENCES impor (id),
    PRIMARY KEY (indikator_id, tahun, dokumen),
    CHECK (nilai IS NOT NULL OR nilai_min IS NOT NULL OR nilai_teks IS NOT NULL),
    CHECK (nilai_min IS NULL OR nilai_max IS NULL OR nilai_min <= nilai_max)
);

CREATE TABLE realisasi (
    indikator_id INTEGER NOT NULL REFERENCES indikator (id),
    tahun        INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    periode      VARCHAR NOT NULL CHECK (periode IN ('TW1', 'TW2', 'TW3', 'TW4', 'TAHUN')),
    nilai        DOUBLE,
    nilai_teks   VARCHAR,
    sumber       VARCHAR,
    status       VARCHAR NOT NULL DEFAULT 'tetap' CHECK (status IN ('sementara', 'tetap')),
    catatan      VARCHAR,
    diubah_oleh  VARCHAR,
    diubah_pada  TIMESTAMP,
    impor_id     INTEGER REFERENCES impor (id),
    PRIMARY KEY (indikator_id, tahun, periode),
    CHECK (nilai IS NOT NULL OR nilai_teks IS NOT NULL)
);

CREATE SEQUENCE seq_dukungan START 1;
CREATE TABLE dukungan (
    id                 INTEGER PRIMARY KEY DEFAULT nextval('seq_dukungan'),
    daerah_kode        VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun              INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    indikator_id       INTEGER NOT NULL REFERENCES indikator (id),
    sub_kegiatan_kode  VARCHAR NOT NULL
        CHECK (regexp_full_match(sub_kegiatan_kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    sub_kegiatan_nama  VARCHAR,
    perangkat_daerah   VARCHAR,
    pagu               DOUBLE CHECK (pagu IS NULL OR pagu >= 0),
    realisasi_anggaran DOUBLE CHECK (realisasi_anggaran IS NULL OR realisasi_anggaran >= 0),
    disepakati         BOOLEAN NOT NULL DEFAULT false,
    catatan            VARCHAR,
    diubah_oleh        VARCHAR,
    diubah_pada        TIMESTAMP,
    UNIQUE (daerah_kode, tahun, indikator_id, sub_kegiatan_kode)
);

CREATE TABLE skala_predikat (
    predikat    VARCHAR PRIMARY KEY,
    batas_bawah DOUBLE NOT NULL UNIQUE CHECK (batas_bawah >= 0),
    urutan      INTEGER NOT NULL UNIQUE,
    warna       VARCHAR NOT NULL,
    simbol      VARCHAR NOT NULL
);

CREATE TABLE pengaturan (
    kunci      VARCHAR PRIMARY KEY,
    nilai      VARCHAR NOT NULL,
    keterangan VARCHAR
);

CREATE SEQUENCE seq_riwayat START 1;
CREATE TABLE riwayat (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    waktu          TIMESTAMP NOT NULL,
    oleh           VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('indikator', 'target', 'realisasi', 'dukungan', 'pengaturan', 'skala_predikat')),
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    indikator_id   INTEGER,
    daerah_kode    VARCHAR,
    indikator_kode VARCHAR,
    tahun          INTEGER,
    kunci          VARCHAR,   -- dokumen (target) atau periode (realisasi)
    kolom          VARCHAR,
    nilai_lama     VARCHAR,
    nilai_baru     VARCHAR,
    impor_id       INTEGER REFERENCES impor (id)
);
