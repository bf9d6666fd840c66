-- Pertanyaan: realisasi s.d. tiap triwulan (kumulatif: dijumlah; akhir: angka terakhir) dan capaiannya,
--             untuk satu indikator.
-- Parameter: $indikator_id (INTEGER)
-- Kolom: tahun, triwulan, periode, realisasi, realisasi_teks, status, target, capaian, predikat
SELECT tahun, triwulan, periode, realisasi, realisasi_teks, status, target, capaian, predikat
FROM capaian_triwulan
WHERE indikator_id = $indikator_id
ORDER BY tahun, triwulan
