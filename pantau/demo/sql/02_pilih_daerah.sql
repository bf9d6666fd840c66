-- Langkah 2: daerah yang dibangun (satu periode RPJMD per daerah) dengan faktor acak per daerah.
-- Parameter: $seed (INTEGER), $prefix (VARCHAR, awalan kode Kemendagri; NULL = semua daerah)
-- Membaca: daerah
-- Hasil: TEMP TABLE pilih_daerah (periode_id, kode, nama, jenis, kode_induk, faktor, faktor_penduduk, telat)
CREATE OR REPLACE TEMP TABLE pilih_daerah AS
SELECT
    CAST(row_number() OVER (ORDER BY length(kode), kode) AS INTEGER) AS periode_id,
    kode, nama, jenis, kode_induk,
    0.8 + 0.4 * seragam(hash(kode, 'faktor', $seed)) AS faktor,
    -- arus (kumulatif) berskala jumlah penduduk; 400 ribu jiwa = nilai dasar katalog
    least(greatest(coalesce(penduduk, 400000) / 400000.0, 0.15), 25.0) AS faktor_penduduk,
    seragam(hash(kode, 'telat', $seed)) AS telat
FROM daerah
WHERE $prefix IS NULL OR starts_with(kode, $prefix)
