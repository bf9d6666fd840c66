-- Pertanyaan: indikator apa saja yang dimiliki sebuah daerah dalam satu periode RPJMD (untuk pilihan)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: id, kode, nama, urusan, iku
SELECT i.id, i.kode, i.nama, coalesce(u.nama, 'Lintas urusan') AS urusan, i.iku
FROM indikator i
LEFT JOIN urusan u ON u.kode = i.urusan_kode
WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id
ORDER BY i.urusan_kode NULLS FIRST, i.kode
