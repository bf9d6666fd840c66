-- Pertanyaan: berapa rata-rata capaian tiap urusan sebuah daerah di suatu tahun?
--             (setiap indikator dibatasi 100 dulu sebelum dirata-rata; yang belum ada data tidak dihitung;
--             tahun belum lengkap: capaian_sd, lihat docs/ATURAN.md)
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: urusan_kode, urusan, rata_capaian, jumlah_indikator, jumlah_berdata, predikat, warna, simbol
WITH ind AS (
    SELECT id, urusan_kode FROM indikator
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND polaritas <> 'teks'
),
tahunan AS (
    SELECT indikator_id, capaian_sd AS capaian FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
rata AS (
    SELECT
        ind.urusan_kode,
        coalesce(u.nama, 'Lintas urusan') AS urusan,
        rata_capaian(t.capaian) AS rata_capaian,
        count(*) AS jumlah_indikator,
        count(t.capaian) AS jumlah_berdata
    FROM ind
    LEFT JOIN tahunan t ON t.indikator_id = ind.id
    LEFT JOIN urusan u ON u.kode = ind.urusan_kode
    GROUP BY ind.urusan_kode, u.nama
)
SELECT r.*, info_predikat(r.rata_capaian).predikat AS predikat, info_predikat(r.rata_capaian).warna AS warna,
       info_predikat(r.rata_capaian).simbol AS simbol
FROM rata r
ORDER BY r.rata_capaian ASC NULLS FIRST, r.urusan
