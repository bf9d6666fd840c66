-- Pertanyaan: berapa banyak dukungan sub kegiatan yang tercatat untuk sebuah daerah pada suatu tahun, dengan
--             total pagu, realisasi dan serapan anggarannya (setiap sub kegiatan, kode + perangkat daerah,
--             dihitung sekali walau mendukung beberapa indikator: makro sub_kegiatan_anggaran), dan s.d. triwulan
--             berapa anggaran dilaporkan? Kaki laporan RKPD memakai kueri yang sama.
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: jumlah_baris, jumlah_sub_kegiatan, jumlah_indikator, jumlah_sub_kegiatan_tanpa_indikator, pagu,
--        realisasi_anggaran, serapan, triwulan_anggaran
WITH a AS (
    SELECT * FROM anggaran_dukungan WHERE daerah_kode = $daerah AND tahun = $tahun
),
sk AS (
    SELECT * FROM sub_kegiatan_anggaran($daerah, $tahun)
)
SELECT
    (SELECT count(*) FROM a) AS jumlah_baris,
    count(*) AS jumlah_sub_kegiatan,
    (SELECT count(DISTINCT indikator_id) FROM a) AS jumlah_indikator,
    count(*) FILTER (WHERE tanpa_indikator) AS jumlah_sub_kegiatan_tanpa_indikator,
    sum(pagu) AS pagu,
    sum(realisasi) AS realisasi_anggaran,
    serapan(sum(realisasi), sum(pagu)) AS serapan,
    max(triwulan) AS triwulan_anggaran
FROM sk
