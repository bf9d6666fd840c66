-- Pertanyaan: untuk setiap indikator provinsi dalam satu urusan, berapa sub kegiatan pendukung, yang sudah
--             disepakati, pagu, realisasi anggaran dan serapannya, per daerah dan untuk semua daerah?
--             Baris-barisnya persis baris queries/desk_dukungan.sql (pasangan_desk + anggaran_dukungan).
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: induk_id, daerah_kode, jumlah, jumlah_daerah, disepakati, pagu, realisasi_anggaran, serapan
-- Catatan: daerah_kode NULL = jumlah semua daerah indikator itu; serapan lewat makro serapan (aturan.sql)
WITH pasangan AS (
    SELECT * FROM pasangan_desk($provinsi, $urusan, $tahun)
),
baris AS (
    SELECT ps.induk_id, ps.daerah_kode, a.pagu, a.realisasi_anggaran, coalesce(a.disepakati, false) AS disepakati
    FROM pasangan ps
    JOIN anggaran_dukungan a
      ON a.indikator_id = ps.indikator_id AND a.daerah_kode = ps.daerah_kode AND a.tahun = $tahun
)
SELECT induk_id, daerah_kode, count(*) AS jumlah, count(DISTINCT daerah_kode) AS jumlah_daerah,
       count(*) FILTER (WHERE disepakati) AS disepakati, sum(pagu) AS pagu,
       sum(realisasi_anggaran) AS realisasi_anggaran, serapan(sum(realisasi_anggaran), sum(pagu)) AS serapan
FROM baris
GROUP BY GROUPING SETS ((induk_id, daerah_kode), (induk_id))
ORDER BY induk_id, daerah_kode NULLS LAST
