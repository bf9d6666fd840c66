-- Pertanyaan: periode RPJMD apa saja yang dimiliki sebuah daerah (terbaru dulu)?
-- Parameter: $daerah (VARCHAR)
-- Kolom: id, tahun_awal, tahun_akhir, dasar_hukum, jumlah_indikator
SELECT p.id, p.tahun_awal, p.tahun_akhir, p.dasar_hukum,
       (SELECT count(*) FROM indikator i WHERE i.periode_id = p.id) AS jumlah_indikator
FROM periode p
WHERE p.daerah_kode = $daerah
ORDER BY p.tahun_akhir DESC, p.tahun_awal DESC
