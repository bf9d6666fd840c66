-- Pertanyaan: target, realisasi, capaian dan predikat satu indikator tiap tahun.
-- Parameter: $indikator_id (INTEGER)
-- Kolom: tahun, target, target_min, target_max, target_teks, dokumen_target, target_rpjmd, target_rpjmd_min,
--        target_rpjmd_max, target_rkpd, target_rkpd_min, target_rkpd_max, realisasi, realisasi_teks,
--        realisasi_sd, triwulan_sd, lengkap, status, sumber, capaian, predikat, target_sd, target_sd_min,
--        target_sd_max, capaian_sd, predikat_sd, rumus_negatif
SELECT tahun, target, target_min, target_max, target_teks, dokumen_target,
       target_rpjmd, target_rpjmd_min, target_rpjmd_max, target_rkpd, target_rkpd_min, target_rkpd_max,
       realisasi, realisasi_teks, realisasi_sd, triwulan_sd, lengkap, status, sumber, capaian, predikat,
       target_sd, target_sd_min, target_sd_max, capaian_sd, predikat_sd, rumus_negatif
FROM capaian_tahunan
WHERE indikator_id = $indikator_id
ORDER BY tahun
