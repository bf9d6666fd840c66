-- Pertanyaan: satu indikator (menurut kode) di provinsi dan SETIAP kabupaten/kotanya pada suatu tahun:
--             target, realisasi, capaian dan predikat; daerah tanpa indikator atau tanpa angka tetap muncul
--             (kolom kosong = belum ada data), untuk grafik banding dan peta.
-- Parameter: $provinsi (VARCHAR), $indikator_kode (VARCHAR), $tahun (INTEGER)
-- Kolom: daerah_kode, daerah, daerah_lengkap, jenis, indikator_id, indikator, satuan, sebanding, target,
--        target_min, target_max, realisasi, status, sumber, capaian, predikat, warna, simbol, urutan_predikat
WITH dae AS (
    SELECT kode, nama, jenis FROM daerah WHERE kode = $provinsi OR kode_induk = $provinsi
),
ind AS (
    SELECT i.id, i.daerah_kode, i.nama, i.satuan
    FROM indikator i
    JOIN periode p ON p.id = i.periode_id
    JOIN dae ON dae.kode = i.daerah_kode
    WHERE i.kode = $indikator_kode AND $tahun BETWEEN p.tahun_awal AND p.tahun_akhir
    QUALIFY row_number() OVER (PARTITION BY i.daerah_kode ORDER BY p.tahun_awal DESC, i.id) = 1
),
acuan AS (
    -- satuan pembanding: satuan indikator provinsi, atau yang paling banyak dipakai
    SELECT coalesce(max(satuan) FILTER (WHERE daerah_kode = $provinsi), mode(satuan)) AS satuan FROM ind
)
SELECT dae.kode AS daerah_kode, nama_pendek(dae.nama, dae.jenis) AS daerah, dae.nama AS daerah_lengkap, dae.jenis,
       ind.id AS indikator_id, ind.nama AS indikator, ind.satuan,
       coalesce(lower(ind.satuan) = lower(acuan.satuan), false) AS sebanding,
       c.target, c.target_min, c.target_max, c.realisasi, c.status, c.sumber, c.capaian_sd AS capaian, c.predikat_sd AS predikat,
       info_predikat(c.capaian_sd).warna AS warna, info_predikat(c.capaian_sd).simbol AS simbol,
       info_predikat(c.capaian_sd).urutan AS urutan_predikat
FROM dae
CROSS JOIN acuan
LEFT JOIN ind ON ind.daerah_kode = dae.kode
-- indikator_kode = $indikator_kode: setiap ind.id berkode itu, jadi baris yang bergabung tidak berubah, tetapi saringan
-- sampai ke pemindaian indikator di view tahunan (tanpa ini capaian dihitung untuk semua indikator provinsi)
LEFT JOIN (SELECT * FROM capaian_tahunan
           WHERE dalam_provinsi(daerah_kode, $provinsi) AND tahun = $tahun AND indikator_kode = $indikator_kode) c
       ON c.indikator_id = ind.id AND c.tahun = $tahun
ORDER BY dae.jenis <> 'provinsi', c.realisasi DESC NULLS LAST, dae.kode
