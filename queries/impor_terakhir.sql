-- Pertanyaan: impor apa saja yang terakhir masuk (berkas, oleh siapa, kapan, ringkasannya), dan apakah
--             masing-masing sudah dibatalkan (untuk halaman Pengaturan: membatalkan impor)?
-- Parameter: $batas (INTEGER, jumlah baris)
-- Kolom: id, berkas, oleh, waktu, baris_indikator, baris_target, baris_realisasi, baris_dukungan, keterangan,
--        dibatalkan_oleh_impor, pembatalan
SELECT i.id, i.berkas, i.oleh, i.waktu, i.baris_indikator, i.baris_target, i.baris_realisasi, i.baris_dukungan,
       i.keterangan, b.id AS dibatalkan_oleh_impor, i.berkas LIKE 'pembatalan impor #%' AS pembatalan
FROM impor i
LEFT JOIN impor b ON b.berkas = 'pembatalan impor #' || CAST(i.id AS VARCHAR)
ORDER BY i.id DESC
LIMIT $batas
