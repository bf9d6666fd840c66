-- Pertanyaan: indikator yang sama (kode dan satuan sama) di provinsi dan semua kabupaten/kotanya
--             pada suatu tahun, untuk dibandingkan.
-- Parameter: $indikator_id (INTEGER), $tahun (INTEGER)
-- Kolom: indikator_id, daerah_kode, daerah, jenis, target, target_min, target_max, realisasi, realisasi_teks,
--        realisasi_sd, status, capaian, predikat, sendiri
WITH acuan AS (
    SELECT i.kode, i.satuan, coalesce(d.kode_induk, d.kode) AS provinsi
    FROM indikator i JOIN daerah d ON d.kode = i.daerah_kode
    WHERE i.id = $indikator_id
),
sebanding AS (
    SELECT i.id, i.daerah_kode, d.nama, d.jenis
    FROM indikator i
    JOIN daerah d ON d.kode = i.daerah_kode
    JOIN periode p ON p.id = i.periode_id
    CROSS JOIN acuan a
    WHERE i.kode = a.kode AND lower(i.satuan) = lower(a.satuan)
      AND coalesce(d.kode_induk, d.kode) = a.provinsi
      AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
)
SELECT s.id AS indikator_id, s.daerah_kode, nama_pendek(s.nama, s.jenis) AS daerah, s.jenis,
       c.target, c.target_min, c.target_max, c.realisasi, c.realisasi_teks, c.realisasi_sd, c.status,
       c.capaian, c.predikat, s.id = $indikator_id AS sendiri
FROM sebanding s
LEFT JOIN capaian_tahunan c ON c.indikator_id = s.id AND c.tahun = $tahun
ORDER BY s.jenis <> 'provinsi', c.capaian DESC NULLS LAST, s.daerah_kode
