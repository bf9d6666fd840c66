-- Pertanyaan: impor apa saja yang terakhir masuk (berkas, oleh siapa, kapan, ringkasannya), dan apakah
--             masing-masing masih berlaku, sudah dibatalkan, atau pembatalan (untuk halaman Pengaturan)?
-- Parameter: $batas (INTEGER, jumlah baris)
-- Kolom: id, berkas, oleh, waktu, baris_indikator, baris_target, baris_realisasi, baris_dukungan, keterangan,
--        dibatalkan_oleh_impor, pembatalan, status, dapat_dibatalkan
WITH i AS (
    SELECT i.id, i.berkas, i.oleh, i.waktu, i.baris_indikator, i.baris_target, i.baris_realisasi, i.baris_dukungan,
           i.keterangan, b.id AS dibatalkan_oleh_impor, i.berkas LIKE 'pembatalan impor #%' AS pembatalan
    FROM impor i
    LEFT JOIN impor b ON b.berkas = 'pembatalan impor #' || CAST(i.id AS VARCHAR)
)
SELECT *,
       CASE WHEN pembatalan THEN 'pembatalan'
            WHEN dibatalkan_oleh_impor IS NULL THEN 'berlaku'
            ELSE 'dibatalkan oleh #' || CAST(dibatalkan_oleh_impor AS VARCHAR) END AS status,
       dibatalkan_oleh_impor IS NULL AND NOT pembatalan AS dapat_dibatalkan
FROM i
ORDER BY id DESC
LIMIT $batas
