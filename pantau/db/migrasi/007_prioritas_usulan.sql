-- Migrasi 007: prioritas (rencana di atas indikator) dan usulan kabupaten/kota di Rakortekrenbang provinsi,
-- dengan keputusannya (docs/SKEMA.md, "Prioritas dan usulan"; keputusan #20).
--
-- prioritas: pohon per daerah dan dokumen (visi, misi, tujuan, sasaran, prioritas RPJMD; tema RKPD); baris
-- nasional (PN, PP, KP dari RPJMN/RKP) tanpa daerah. Sebuah kode dicari di daerahnya di antara baris yang
-- tahunnya mencakup tahun yang ditanyakan.
CREATE SEQUENCE seq_prioritas START 1;
CREATE TABLE prioritas (
    id          INTEGER PRIMARY KEY DEFAULT nextval('seq_prioritas'),
    tingkat     VARCHAR NOT NULL CHECK (tingkat IN ('nasional', 'provinsi', 'kabupaten', 'kota')),
    daerah_kode VARCHAR REFERENCES daerah (kode),
    dokumen     VARCHAR NOT NULL CHECK (dokumen IN ('RPJMN', 'RKP', 'RPJMD', 'RKPD')),
    jenis       VARCHAR NOT NULL CHECK (jenis IN ('visi', 'misi', 'tujuan', 'sasaran', 'prioritas', 'tema',
                                                  'PN', 'PP', 'KP')),
    kode        VARCHAR NOT NULL CHECK (length(kode) BETWEEN 1 AND 50),
    nama        VARCHAR NOT NULL,
    induk_kode  VARCHAR,
    tahun_awal  INTEGER NOT NULL CHECK (tahun_awal BETWEEN 2000 AND 2100),
    tahun_akhir INTEGER NOT NULL CHECK (tahun_akhir BETWEEN 2000 AND 2100),
    sumber      VARCHAR,
    diubah_oleh VARCHAR,
    diubah_pada TIMESTAMP,
    impor_id    INTEGER REFERENCES impor (id),
    CHECK ((tingkat = 'nasional') = (daerah_kode IS NULL)),
    CHECK (tahun_akhir >= tahun_awal)
);

-- Urusan yang melayani sebuah prioritas (kolom urusan_kode impor, dipisah koma) dan PN RKP yang dilayaninya.
CREATE TABLE prioritas_urusan (
    prioritas_id INTEGER NOT NULL REFERENCES prioritas (id),
    urusan_kode  VARCHAR NOT NULL CHECK (regexp_full_match(urusan_kode, '[0-9]\.[0-9]{2}')),
    PRIMARY KEY (prioritas_id, urusan_kode)
);
CREATE TABLE prioritas_pn (
    prioritas_id INTEGER NOT NULL REFERENCES prioritas (id),
    pn_kode      VARCHAR NOT NULL,
    PRIMARY KEY (prioritas_id, pn_kode)
);

-- Indikator yang melayani sebuah prioritas.
CREATE TABLE indikator_prioritas (
    indikator_id INTEGER NOT NULL REFERENCES indikator (id),
    prioritas_id INTEGER NOT NULL REFERENCES prioritas (id),
    diubah_oleh  VARCHAR,
    diubah_pada  TIMESTAMP,
    impor_id     INTEGER REFERENCES impor (id),
    PRIMARY KEY (indikator_id, prioritas_id)
);

-- usulan kabupaten/kota kepada provinsinya untuk RKPD tahun itu; kunci (daerah, tahun, nomor). prioritas_id
-- sengaja tanpa FOREIGN KEY (diubah oleh impor ulang; lihat catatan indikator.urusan_kode di migrasi 001).
CREATE SEQUENCE seq_usulan START 1;
CREATE TABLE usulan (
    id                INTEGER PRIMARY KEY DEFAULT nextval('seq_usulan'),
    daerah_kode       VARCHAR NOT NULL REFERENCES daerah (kode),
    tahun             INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    nomor             INTEGER NOT NULL CHECK (nomor >= 1),
    judul             VARCHAR NOT NULL CHECK (length(trim(judul)) > 0),
    urusan_kode       VARCHAR NOT NULL CHECK (regexp_full_match(urusan_kode, '[0-9]\.[0-9]{2}')),
    prioritas_id      INTEGER,
    permasalahan      VARCHAR,
    lokasi            VARCHAR,
    volume            DOUBLE CHECK (volume IS NULL OR volume >= 0),
    satuan            VARCHAR,
    biaya             DOUBLE CHECK (biaya IS NULL OR biaya >= 0),
    sub_kegiatan_kode VARCHAR
        CHECK (sub_kegiatan_kode IS NULL OR
               regexp_full_match(sub_kegiatan_kode, '[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}')),
    perangkat_daerah  VARCHAR,
    sumber            VARCHAR CHECK (sumber IS NULL OR sumber IN ('pemda', 'pokir', 'masyarakat')),
    diubah_oleh       VARCHAR,
    diubah_pada       TIMESTAMP,
    impor_id          INTEGER REFERENCES impor (id),
    UNIQUE (daerah_kode, tahun, nomor)
);

-- keputusan_usulan hanya ditambah, seperti catatan_desk: setiap keputusan adalah versi baru untuk usulannya dan
-- versi terbesar yang berlaku. versi_dasar = versi yang dilihat pemutus saat memutuskan (konflik bila lain).
-- keputusan NULL = kembali "belum dibahas".
CREATE SEQUENCE seq_keputusan_usulan START 1;
CREATE TABLE keputusan_usulan (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_keputusan_usulan'),
    usulan_id       INTEGER NOT NULL REFERENCES usulan (id),
    keputusan       VARCHAR CHECK (keputusan IS NULL OR keputusan IN ('diterima', 'diterima_catatan', 'dialihkan',
                                                                      'ditolak', 'ditunda')),
    alasan          VARCHAR,
    dialihkan_ke    VARCHAR CHECK (dialihkan_ke IS NULL OR dialihkan_ke IN ('apbd_kabkota', 'bantuan_keuangan',
                                                                            'dak', 'apbn')),
    pagu_disepakati DOUBLE CHECK (pagu_disepakati IS NULL OR pagu_disepakati >= 0),
    versi           INTEGER NOT NULL CHECK (versi >= 1),
    versi_dasar     INTEGER NOT NULL DEFAULT 0 CHECK (versi_dasar >= 0),
    oleh            VARCHAR NOT NULL CHECK (length(trim(oleh)) > 0),
    pada            TIMESTAMP NOT NULL,
    impor_id        INTEGER REFERENCES impor (id),
    UNIQUE (usulan_id, versi),
    CHECK (keputusan NOT IN ('dialihkan', 'ditolak') OR length(trim(coalesce(alasan, ''))) > 0)
);

-- riwayat.tabel harus menerima tabel-tabel baru. DuckDB tidak dapat mengubah CHECK, jadi riwayat dibuat ulang
-- seperti di migrasi 002, 003 dan 006: kolom, urutan kolom, kunci dan urutan id sama, isinya disalin; daftar tabel
-- memuat semua yang diterima migrasi sebelumnya (termasuk tabel SIPD-RI dari 006).
CREATE TABLE riwayat_baru (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    waktu          TIMESTAMP NOT NULL,
    oleh           VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('indikator', 'target', 'realisasi', 'dukungan', 'pengaturan',
                                                     'skala_predikat', 'catatan_desk', 'pengguna', 'anggaran_sipd',
                                                     'outcome_program_sipd', 'prioritas', 'indikator_prioritas',
                                                     'usulan', 'keputusan_usulan')),
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    indikator_id   INTEGER,
    daerah_kode    VARCHAR,
    indikator_kode VARCHAR,
    tahun          INTEGER,
    kunci          VARCHAR,   -- ... kode prioritas (prioritas, indikator_prioritas), nomor usulan (usulan, keputusan)
    kolom          VARCHAR,
    nilai_lama     VARCHAR,
    nilai_baru     VARCHAR,
    impor_id       INTEGER REFERENCES impor (id)
);
INSERT INTO riwayat_baru SELECT * FROM riwayat;
DROP TABLE riwayat;
ALTER TABLE riwayat_baru RENAME TO riwayat;
