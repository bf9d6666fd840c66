-- Pertanyaan: berapa banyak dukungan sub kegiatan yang tercatat untuk sebuah daerah pada suatu tahun, dengan
--             total pagu, realisasi dan serapan anggarannya (setiap sub kegiatan, kode + perangkat daerah,
--             dihitung sekali walau mendukung beberapa indikator), dan s.d. triwulan berapa anggaran dilaporkan?
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: jumlah_baris, jumlah_sub_kegiatan, jumlah_indikator, jumlah_sub_kegiatan_tanpa_indikator, pagu,
--        realisasi_anggaran, serapan, triwulan_anggaran
WITH a AS (
    SELECT * FROM anggaran_dukungan WHERE daerah_kode = $daerah AND tahun = $tahun
),
sk AS (
    SELECT sub_kegiatan_kode, coalesce(perangkat_daerah, '') AS pd, max(pagu) AS pagu,
           max(realisasi_anggaran) AS realisasi, max(triwulan_anggaran) AS triwulan,
           bool_and(indikator_id IS NULL) AS tanpa_indikator
    FROM a GROUP BY ALL
)
SELECT
    (SELECT count(*) FROM a) AS jumlah_baris,
    count(*) AS jumlah_sub_kegiatan,
    (SELECT count(DISTINCT indikator_id) FROM a) AS jumlah_indikator,
    count(*) FILTER (WHERE tanpa_indikator) AS jumlah_sub_kegiatan_tanpa_indikator,
    sum(pagu) AS pagu,
    sum(realisasi) AS realisasi_anggaran,
    CASE WHEN sum(pagu) > 0 THEN bulat_dua(sum(realisasi) / sum(pagu) * 100) END AS serapan,
    max(triwulan) AS triwulan_anggaran
FROM sk
