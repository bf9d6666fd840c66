-- Pertanyaan: capaian periode RPJMD s.d. saat ini, proyeksi ke akhir periode, dan apakah on track,
--             untuk satu indikator.
-- Parameter: $indikator_id (INTEGER)
-- Kolom: tahun_awal, tahun_akhir, kondisi_awal, tahun_kondisi_awal, target_akhir, target_akhir_min,
--        target_akhir_max, target_akhir_teks, realisasi_terakhir, realisasi_terakhir_teks, tahun_terakhir,
--        realisasi_periode, capaian_periode, predikat_periode, proyeksi, capaian_proyeksi, on_track,
--        metode_proyeksi
SELECT tahun_awal, tahun_akhir, kondisi_awal, tahun_kondisi_awal, target_akhir, target_akhir_min,
       target_akhir_max, target_akhir_teks, realisasi_terakhir, realisasi_terakhir_teks, tahun_terakhir,
       realisasi_periode, capaian_periode, predikat_periode, proyeksi, capaian_proyeksi, on_track,
       metode_proyeksi
FROM capaian_periode
WHERE indikator_id = $indikator_id
