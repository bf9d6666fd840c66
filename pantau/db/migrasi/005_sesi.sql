-- Migrasi 005: sesi masuk yang bertahan saat halaman dimuat ulang atau dibuka di tab baru (keputusan #22).
--
-- Peramban hanya memegang kuki HttpOnly bertanda tangan HMAC (kunci rahasia di berkas server, bukan di sini)
-- yang berisi token acak; di sini hanya hash SHA-256 token itu. Baris dibuat saat masuk dengan kode serah
-- sekali pakai (hash_kode, berlaku 2 menit) yang ditukar peramban menjadi kuki lewat POST /sesi/pasang; sesudah
-- ditukar hash_kode kosong dan hash_token terisi. Sesi berakhir bila dicabut (Keluar, akun dinonaktifkan, sandi
-- diganti), tidak dipakai lebih lama dari pengaturan menit_sesi, atau melewati kedaluwarsa mutlaknya.
CREATE SEQUENCE seq_sesi START 1;
CREATE TABLE sesi (
    id              BIGINT PRIMARY KEY DEFAULT nextval('seq_sesi'),
    pengguna_id     INTEGER NOT NULL,
    hash_kode       VARCHAR UNIQUE,
    kode_sampai     TIMESTAMP,
    hash_token      VARCHAR UNIQUE,
    dibuat_pada     TIMESTAMP NOT NULL,
    terakhir_aktif  TIMESTAMP NOT NULL,
    kedaluwarsa     TIMESTAMP NOT NULL,
    dicabut_pada    TIMESTAMP,
    dicabut_karena  VARCHAR
);
