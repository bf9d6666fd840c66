-- Pertanyaan: indikator yang sama (kode dan satuan sama) di provinsi dan semua kabupaten/kotanya
--             pada suatu tahun, untuk dibandingkan.
-- Parameter: $indikator_id (INTEGER), $provinsi (VARCHAR, provinsi indikator itu), $tahun (INTEGER)
-- Kolom: indikator_id, daerah_kode, daerah, jenis, target, target_min, target_max, realisasi, realisasi_teks,
--        realisasi_sd, status, capaian, predikat, sendiri
WITH acuan AS (
    SELECT kode, satuan FROM indikator WHERE id = $indikator_id
),
sebanding AS (
    SELECT i.id, i.daerah_kode, d.nama, d.jenis
    FROM indikator i
    JOIN daerah d ON d.kode = i.daerah_kode
    JOIN periode p ON p.id = i.periode_id
    CROSS JOIN acuan a
    WHERE dalam_provinsi(i.daerah_kode, $provinsi)
      AND i.kode = a.kode AND lower(i.satuan) = lower(a.satuan)
      AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
),
tahun_itu AS (
    SELECT * FROM capaian_tahunan WHERE dalam_provinsi(daerah_kode, $provinsi) AND tahun = $tahun
)
SELECT s.id AS indikator_id, s.daerah_kode, nama_pendek(s.nama, s.jenis) AS daerah, s.jenis,
       c.target, c.target_min, c.target_max, c.realisasi, c.realisasi_teks, c.realisasi_sd, c.status,
       c.capaian_sd AS capaian, c.predikat_sd AS predikat, s.id = $indikator_id AS sendiri
FROM sebanding s
LEFT JOIN tahun_itu c ON c.indikator_id = s.id
ORDER BY s.jenis <> 'provinsi', c.capaian_sd DESC NULLS LAST, s.daerah_kode
