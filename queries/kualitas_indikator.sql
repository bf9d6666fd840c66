-- Pertanyaan: untuk setiap indikator daerah-daerah satu provinsi (provinsi dan kabupaten/kotanya), apakah realisasi triwulan terakhir sudah dilaporkan, adakah angka sementara, apakah angkanya usang, dan siapa terakhir melapor?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: daerah_kode, daerah, urusan_kode, urusan, indikator_id, indikator_kode, indikator, tahun_lapor, periode_lapor, pelaporan, sudah_lapor, realisasi_terakhir, jumlah_sementara, usang, diubah_oleh, diubah_pada
-- Catatan: periode lapor = triwulan terakhir yang sudah diisi daerah mana pun di provinsi itu (atau tahun
-- terakhir bila belum ada angka triwulan). Indikator "tahunan" (hanya pernah berangka TAHUN) tidak
-- ditagih triwulan: ia "sudah lapor" bila berangka tahun itu atau tahun sebelumnya, dan "usang" bila
-- angka terakhirnya lebih tua dari tahun lapor - 1.
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
    SELECT i.id, i.daerah_kode, i.urusan_kode, i.kode, i.nama, tl.tahun_lapor, tl.periode_lapor
    FROM indikator i JOIN periode p ON p.id = i.periode_id CROSS JOIN tl
    WHERE i.daerah_kode IN (SELECT kode FROM wilayah)
      AND tl.tahun_lapor BETWEEN p.tahun_awal AND p.tahun_akhir
),
per_ind AS (
    SELECT ind.id,
           bool_or(r.periode <> 'TAHUN') AS ada_triwulan,
           bool_or(r.tahun = ind.tahun_lapor AND (r.periode = ind.periode_lapor OR r.periode = 'TAHUN')) AS ada_lapor,
           max(r.tahun) FILTER (WHERE r.periode = 'TAHUN') AS tahun_tahunan_terakhir,
           arg_max(r.tahun || ' ' || r.periode,
                   r.tahun * 10 + CASE WHEN r.periode = 'TAHUN' THEN 5 ELSE CAST(right(r.periode, 1) AS INTEGER) END)
               AS realisasi_terakhir,
           count(*) FILTER (WHERE r.status = 'sementara') AS jumlah_sementara,
           max(r.diubah_pada) AS diubah_pada,
           arg_max(r.diubah_oleh, r.diubah_pada) AS diubah_oleh
    FROM ind LEFT JOIN realisasi r ON r.indikator_id = ind.id AND r.tahun <= ind.tahun_lapor
    GROUP BY ind.id
)
SELECT ind.daerah_kode, w.nama AS daerah, ind.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
       ind.id AS indikator_id, ind.kode AS indikator_kode, ind.nama AS indikator,
       ind.tahun_lapor, ind.periode_lapor,
       CASE WHEN coalesce(p.ada_triwulan, false) THEN 'triwulan'
            WHEN p.realisasi_terakhir IS NULL THEN 'belum pernah'
            ELSE 'tahunan' END AS pelaporan,
       CASE WHEN coalesce(p.ada_triwulan, false) OR p.realisasi_terakhir IS NULL THEN coalesce(p.ada_lapor, false)
            ELSE coalesce(p.tahun_tahunan_terakhir >= ind.tahun_lapor - 1, false) END AS sudah_lapor,
       p.realisasi_terakhir,
       coalesce(p.jumlah_sementara, 0) AS jumlah_sementara,
       coalesce(NOT coalesce(p.ada_triwulan, false) AND p.tahun_tahunan_terakhir < ind.tahun_lapor - 1, false) AS usang,
       p.diubah_oleh, p.diubah_pada
FROM ind
JOIN per_ind p ON p.id = ind.id
JOIN wilayah w ON w.kode = ind.daerah_kode
LEFT JOIN urusan u ON u.kode = ind.urusan_kode
ORDER BY ind.daerah_kode, ind.urusan_kode NULLS FIRST, ind.kode
