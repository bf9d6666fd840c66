-- Pertanyaan: urusan apa saja yang punya indikator di RPJMD sebuah daerah (pilihan penyaring)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: kode, nama, jumlah
SELECT coalesce(i.urusan_kode, 'lintas') AS kode, coalesce(u.nama, 'Lintas urusan') AS nama, count(*) AS jumlah
FROM indikator i
LEFT JOIN urusan u ON u.kode = i.urusan_kode
WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id
GROUP BY i.urusan_kode, u.nama
ORDER BY i.urusan_kode NULLS FIRST
