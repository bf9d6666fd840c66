-- Pertanyaan: per daerah dan urusan di satu provinsi, berapa indikator yang belum melaporkan realisasi periode lapor terakhir, yang berangka sementara, yang usang, dan siapa terakhir melapor?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: daerah_kode, daerah, urusan_kode, urusan, tahun_lapor, periode_lapor, jumlah_indikator, belum_lapor, sementara, usang, persen_lapor, terakhir_diubah_oleh, terakhir_diubah_pada
-- Catatan: aturan "periode lapor", "sudah lapor" dan "usang" sama dengan kualitas_indikator.sql.
WITH wilayah AS (
    SELECT kode, nama, jenis FROM daerah WHERE kode = $provinsi OR kode_induk = $provinsi
),
semua AS (
    SELECT r.tahun, r.periode FROM realisasi r JOIN indikator i ON i.id = r.indikator_id
    WHERE i.daerah_kode IN (SELECT kode FROM wilayah)
),
lapor AS (
    SELECT coalesce(
        (SELECT max(tahun * 10 + CAST(right(periode, 1) AS INTEGER)) FROM semua WHERE periode <> 'TAHUN'),
        (SELECT max(tahun) * 10 + 5 FROM semua)) AS k
),
tl AS (
    SELECT k // 10 AS tahun_lapor, CASE WHEN k % 10 = 5 THEN 'TAHUN' ELSE 'TW' || (k % 10) END AS periode_lapor
    FROM lapor WHERE k IS NOT NULL
),
ind AS (
    SELECT i.id, i.daerah_kode, i.urusan_kode, tl.tahun_lapor, tl.periode_lapor
    FROM indikator i JOIN periode p ON p.id = i.periode_id CROSS JOIN tl
    WHERE i.daerah_kode IN (SELECT kode FROM wilayah)
      AND tl.tahun_lapor BETWEEN p.tahun_awal AND p.tahun_akhir
),
per_ind AS (
    SELECT ind.id, ind.daerah_kode, ind.urusan_kode, ind.tahun_lapor, ind.periode_lapor,
           coalesce(bool_or(r.periode <> 'TAHUN'), false) AS ada_triwulan,
           coalesce(bool_or(r.tahun = ind.tahun_lapor AND (r.periode = ind.periode_lapor OR r.periode = 'TAHUN')),
                    false) AS ada_lapor,
           max(r.tahun) FILTER (WHERE r.periode = 'TAHUN') AS tahun_tahunan_terakhir,
           count(r.tahun) AS jumlah_realisasi,
           count(*) FILTER (WHERE r.status = 'sementara') AS jumlah_sementara,
           max(r.diubah_pada) AS diubah_pada,
           arg_max(r.diubah_oleh, r.diubah_pada) AS diubah_oleh
    FROM ind LEFT JOIN realisasi r ON r.indikator_id = ind.id AND r.tahun <= ind.tahun_lapor
    GROUP BY ALL
),
bendera AS (
    SELECT *,
           CASE WHEN ada_triwulan OR jumlah_realisasi = 0 THEN ada_lapor
                ELSE coalesce(tahun_tahunan_terakhir >= tahun_lapor - 1, false) END AS sudah_lapor,
           coalesce(NOT ada_triwulan AND tahun_tahunan_terakhir < tahun_lapor - 1, false) AS usang
    FROM per_ind
)
SELECT b.daerah_kode, w.nama AS daerah, b.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
       any_value(b.tahun_lapor) AS tahun_lapor, any_value(b.periode_lapor) AS periode_lapor,
       count(*) AS jumlah_indikator,
       count(*) FILTER (WHERE NOT b.sudah_lapor) AS belum_lapor,
       count(*) FILTER (WHERE b.jumlah_sementara > 0) AS sementara,
       count(*) FILTER (WHERE b.usang) AS usang,
       round(100.0 * count(*) FILTER (WHERE b.sudah_lapor) / count(*), 1) AS persen_lapor,
       arg_max(b.diubah_oleh, b.diubah_pada) AS terakhir_diubah_oleh,
       max(b.diubah_pada) AS terakhir_diubah_pada
FROM bendera b
JOIN wilayah w ON w.kode = b.daerah_kode
LEFT JOIN urusan u ON u.kode = b.urusan_kode
GROUP BY b.daerah_kode, w.nama, b.urusan_kode, u.nama
ORDER BY b.daerah_kode, b.urusan_kode NULLS FIRST
