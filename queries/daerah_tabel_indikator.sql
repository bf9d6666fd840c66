-- Pertanyaan: semua indikator RPJMD sebuah daerah dengan target, realisasi dan capaian satu tahun serta
--             capaian periode, disaring menurut urusan, predikat, IKU, on track dan kata di nama/kode.
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER),
--            $saring_urusan (VARCHAR[]: kode urusan, 'lintas' = lintas urusan; daftar kosong = semua urusan),
--            $saring_predikat (INTEGER[]: urutan di skala_predikat, 0 = belum ada data, -1 = kualitatif; kosong = semua),
--            $saring_iku (BOOLEAN), $saring_on_track (VARCHAR: '' = semua, 'ya', 'tidak', 'belum' = belum dapat dihitung),
--            $saring_cari (VARCHAR: bagian nama atau kode indikator, tanpa membedakan huruf besar; '' = semua)
-- Kolom: indikator_id, urusan_kode, urusan, indikator_kode, nama, iku, satuan, polaritas,
--        kondisi_awal, kondisi_awal_teks, target, target_min, target_max, target_teks, dokumen_target,
--        realisasi, realisasi_teks, realisasi_sd, triwulan_sd, agregasi, status, sumber, capaian, predikat,
--        urutan_predikat, capaian_periode, on_track
-- Catatan: capaian/predikat = yang sebanding (capaian_sd/predikat_sd di capaian_tahunan; docs/ATURAN.md)
WITH ind AS (
    SELECT i.*, coalesce(i.urusan_kode, 'lintas') AS urusan_pilih
    FROM indikator i
    WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id
),
th AS MATERIALIZED (
    SELECT * FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
pr AS MATERIALIZED (
    SELECT indikator_id, capaian_periode, on_track FROM capaian_periode
    WHERE daerah_kode = $daerah AND periode_id = $periode_id
),
gabung AS (
    SELECT
        ind.id AS indikator_id, ind.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan, ind.urusan_pilih,
        ind.kode AS indikator_kode, ind.nama, ind.iku, ind.satuan, ind.polaritas,
        ind.kondisi_awal, ind.kondisi_awal_teks,
        th.target, th.target_min, th.target_max, th.target_teks, th.dokumen_target,
        th.realisasi, th.realisasi_teks, th.realisasi_sd, th.status, th.sumber,
        th.capaian_sd AS capaian, th.predikat_sd AS predikat, th.triwulan_sd, th.agregasi,
        CASE WHEN ind.polaritas = 'teks' THEN -1 ELSE coalesce(info_predikat(th.capaian_sd).urutan, 0) END
            AS urutan_predikat,
        pr.capaian_periode, pr.on_track
    FROM ind
    LEFT JOIN th ON th.indikator_id = ind.id
    LEFT JOIN pr ON pr.indikator_id = ind.id
    LEFT JOIN urusan u ON u.kode = ind.urusan_kode
)
SELECT indikator_id, urusan_kode, urusan, indikator_kode, nama, iku, satuan, polaritas,
       kondisi_awal, kondisi_awal_teks, target, target_min, target_max, target_teks, dokumen_target,
       realisasi, realisasi_teks, realisasi_sd, triwulan_sd, agregasi, status, sumber, capaian, predikat,
       urutan_predikat, capaian_periode, on_track
FROM gabung
WHERE (len($saring_urusan::VARCHAR[]) = 0 OR list_contains($saring_urusan::VARCHAR[], urusan_pilih))
  AND (len($saring_predikat::INTEGER[]) = 0 OR list_contains($saring_predikat::INTEGER[], urutan_predikat))
  AND (NOT $saring_iku::BOOLEAN OR iku)
  AND CASE $saring_on_track::VARCHAR
          WHEN 'ya' THEN on_track IS TRUE
          WHEN 'tidak' THEN on_track IS FALSE
          WHEN 'belum' THEN on_track IS NULL
          ELSE true
      END
  AND ($saring_cari::VARCHAR = ''
       OR contains(lower(nama), lower($saring_cari::VARCHAR))
       OR contains(lower(indikator_kode), lower($saring_cari::VARCHAR)))
ORDER BY urusan_kode NULLS FIRST, indikator_kode
