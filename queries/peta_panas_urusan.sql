-- Pertanyaan: untuk sebuah provinsi, berapa rata-rata capaian tiap urusan di provinsi itu dan di tiap
--             kabupaten/kotanya pada suatu tahun? (setiap indikator dibatasi 100 dulu; sel tanpa data = NULL)
-- Parameter: $provinsi (VARCHAR), $tahun (INTEGER)
-- Kolom: daerah_kode, daerah, jenis, urusan_kode, urusan, rata_capaian, jumlah_indikator, jumlah_berdata,
--        predikat, urutan_predikat
WITH dae AS (
    SELECT kode, nama_pendek(nama, jenis) AS nama, jenis
    FROM daerah
    WHERE dalam_provinsi(kode, $provinsi)
      AND EXISTS (SELECT 1 FROM indikator i WHERE i.daerah_kode = daerah.kode)
),
ind AS (
    SELECT i.id, i.daerah_kode, i.urusan_kode
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
    WHERE dalam_provinsi(i.daerah_kode, $provinsi)
      AND i.polaritas <> 'teks'
      AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
),
tahunan AS (
    SELECT indikator_id, capaian_sd AS capaian FROM capaian_tahunan
    WHERE dalam_provinsi(daerah_kode, $provinsi) AND tahun = $tahun
),
sel AS (
    SELECT ind.daerah_kode, ind.urusan_kode,
           rata_capaian(t.capaian) AS rata_capaian,
           count(*) AS jumlah_indikator,
           count(t.capaian) AS jumlah_berdata
    FROM ind LEFT JOIN tahunan t ON t.indikator_id = ind.id
    GROUP BY ind.daerah_kode, ind.urusan_kode
),
urusan_ada AS (SELECT DISTINCT urusan_kode FROM ind),
hasil AS (
    SELECT d.kode AS daerah_kode, d.nama AS daerah, d.jenis,
           ua.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
           s.rata_capaian,
           coalesce(s.jumlah_indikator, 0) AS jumlah_indikator,
           coalesce(s.jumlah_berdata, 0) AS jumlah_berdata
    FROM dae d
    CROSS JOIN urusan_ada ua
    LEFT JOIN sel s ON s.daerah_kode = d.kode AND s.urusan_kode IS NOT DISTINCT FROM ua.urusan_kode
    LEFT JOIN urusan u ON u.kode = ua.urusan_kode
)
SELECT h.*, info_predikat(h.rata_capaian).predikat AS predikat, info_predikat(h.rata_capaian).urutan AS urutan_predikat
FROM hasil h
ORDER BY h.jenis <> 'provinsi', h.daerah_kode, h.urusan_kode NULLS FIRST
