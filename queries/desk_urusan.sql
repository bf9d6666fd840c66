-- Pertanyaan: urusan apa saja yang punya indikator provinsi pada tahun itu (pilihan desk urusan)?
-- Parameter: $provinsi (VARCHAR), $tahun (INTEGER)
-- Kolom: urusan_kode, urusan, jumlah_indikator
SELECT i.urusan_kode, u.nama AS urusan, count(*) AS jumlah_indikator
FROM indikator i
JOIN periode p ON p.id = i.periode_id
JOIN urusan u ON u.kode = i.urusan_kode
WHERE i.daerah_kode = $provinsi
  AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
GROUP BY i.urusan_kode, u.nama
ORDER BY i.urusan_kode
