-- Migrasi 003: akun pengguna (masuk, peran, penguncian) dan riwayat yang boleh mencatat perubahan akun.
--
-- Sandi tidak pernah disimpan: hanya hash argon2id (argon2-cffi PasswordHasher, lihat pantau/akun.py).
-- Operator terikat pada satu daerah (daerah_kode wajib), peran lain tidak (daerah_kode NULL).
CREATE SEQUENCE seq_pengguna START 1;
CREATE TABLE pengguna (
    id              INTEGER PRIMARY KEY DEFAULT nextval('seq_pengguna'),
    nama_pengguna   VARCHAR NOT NULL UNIQUE CHECK (regexp_full_match(nama_pengguna, '[a-z0-9][a-z0-9._@-]{1,63}')),
    nama_lengkap    VARCHAR NOT NULL CHECK (length(trim(nama_lengkap)) > 0),
    peran           VARCHAR NOT NULL CHECK (peran IN ('pimpinan', 'analis', 'operator', 'admin')),
    daerah_kode     VARCHAR REFERENCES daerah (kode),
    surel           VARCHAR UNIQUE,
    hash_sandi      VARCHAR CHECK (hash_sandi IS NULL OR hash_sandi LIKE '$argon2%'),
    aktif           BOOLEAN NOT NULL DEFAULT true,
    gagal_berturut  INTEGER NOT NULL DEFAULT 0 CHECK (gagal_berturut >= 0),
    terkunci_sampai TIMESTAMP,
    dibuat_pada     TIMESTAMP NOT NULL,
    terakhir_masuk  TIMESTAMP,
    CHECK ((peran = 'operator') = (daerah_kode IS NOT NULL))
);

-- riwayat.tabel harus menerima 'pengguna' (perubahan akun dicatat). DuckDB tidak dapat mengubah CHECK,
-- jadi riwayat dibuat ulang seperti di migrasi 002: kolom, urutan kolom, kunci dan urutan id sama.
CREATE TABLE riwayat_baru (
    id             BIGINT PRIMARY KEY DEFAULT nextval('seq_riwayat'),
    waktu          TIMESTAMP NOT NULL,
    oleh           VARCHAR NOT NULL,
    tabel          VARCHAR NOT NULL CHECK (tabel IN ('indikator', 'target', 'realisasi', 'dukungan', 'pengaturan',
                                                     'skala_predikat', 'catatan_desk', 'pengguna')),
    aksi           VARCHAR NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus')),
    indikator_id   INTEGER,
    daerah_kode    VARCHAR,
    indikator_kode VARCHAR,
    tahun          INTEGER,
    kunci          VARCHAR,   -- dokumen (target), periode (realisasi), urusan_kode (catatan_desk), nama_pengguna (pengguna)
    kolom          VARCHAR,
    nilai_lama     VARCHAR,
    nilai_baru     VARCHAR,
    impor_id       INTEGER REFERENCES impor (id)
);
INSERT INTO riwayat_baru SELECT * FROM riwayat;
DROP TABLE riwayat;
ALTER TABLE riwayat_baru RENAME TO riwayat;
