-- Pertanyaan: target, realisasi dan capaian setiap indikator sebuah daerah untuk setiap tahun periode RPJMD
--             (kolom tahunan tabel Evaluasi terhadap Hasil RPJMD).
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: indikator_id, tahun, target, target_min, target_max, target_teks, realisasi, realisasi_teks,
--        realisasi_sd, status, capaian, predikat
SELECT indikator_id, tahun, target, target_min, target_max, target_teks, realisasi, realisasi_teks,
       realisasi_sd, status, capaian, predikat
FROM capaian_tahunan
WHERE daerah_kode = $daerah AND periode_id = $periode_id
ORDER BY indikator_id, tahun
