-- Pertanyaan: untuk setiap indikator provinsi dalam satu urusan, berapa target, realisasi, capaian dan
--             predikat provinsi dan setiap kabupaten/kotanya pada suatu tahun? Indikator kabupaten/kota
--             dipasangkan lewat indikator_induk (induk_daerah_kode/induk_kode), atau kode yang sama bila
--             tautan induk kosong (makro tabel pasangan_desk di aturan.sql). Urutan: indikator terlemah dulu (rata-rata capaian, tiap capaian
--             dibatasi 100), di dalamnya provinsi dulu lalu kabupaten/kota dari capaian terendah.
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: induk_id, induk_kode, induk_nama, satuan, polaritas, agregasi, periode_id, urutan_indikator,
--        rata_capaian, indikator_id, indikator_kode, daerah_kode, daerah, jenis, target, target_min, target_max,
--        target_teks, dokumen_target, realisasi, realisasi_teks, realisasi_sd, status, sumber, capaian, predikat,
--        simbol, warna
WITH pasangan AS (
    SELECT * FROM pasangan_desk($provinsi, $urusan, $tahun)
),
prov AS (
    SELECT i.id, i.kode, i.nama, i.satuan, i.polaritas, i.agregasi, i.periode_id
    FROM indikator i
    WHERE i.id IN (SELECT induk_id FROM pasangan)
),
baris AS (
    SELECT
        pr.id AS induk_id, pr.kode AS induk_kode, pr.nama AS induk_nama, pr.satuan, pr.polaritas, pr.agregasi,
        pr.periode_id, ps.indikator_id, ps.indikator_kode, ps.daerah_kode,
        nama_pendek(d.nama, d.jenis) AS daerah, d.jenis,
        c.target, c.target_min, c.target_max, c.target_teks, c.dokumen_target, c.realisasi, c.realisasi_teks,
        c.realisasi_sd, c.status, c.sumber, c.capaian_sd AS capaian, c.predikat_sd AS predikat
    FROM pasangan ps
    JOIN prov pr ON pr.id = ps.induk_id
    JOIN daerah d ON d.kode = ps.daerah_kode
    LEFT JOIN (SELECT * FROM capaian_tahunan WHERE dalam_provinsi(daerah_kode, $provinsi) AND tahun = $tahun) c ON c.indikator_id = ps.indikator_id AND c.tahun = $tahun
),
urut AS (
    SELECT induk_id, rata_capaian(capaian) AS rata_capaian
    FROM baris
    GROUP BY induk_id
)
SELECT
    b.induk_id, b.induk_kode, b.induk_nama, b.satuan, b.polaritas, b.agregasi, b.periode_id,
    dense_rank() OVER (ORDER BY u.rata_capaian ASC NULLS LAST, b.induk_kode) AS urutan_indikator,
    u.rata_capaian, b.indikator_id, b.indikator_kode, b.daerah_kode, b.daerah, b.jenis,
    b.target, b.target_min, b.target_max, b.target_teks, b.dokumen_target, b.realisasi, b.realisasi_teks,
    b.realisasi_sd, b.status, b.sumber, b.capaian, b.predikat,
    info_predikat(b.capaian).simbol AS simbol, info_predikat(b.capaian).warna AS warna
FROM baris b
JOIN urut u ON u.induk_id = b.induk_id
ORDER BY urutan_indikator, b.jenis <> 'provinsi', b.capaian ASC NULLS LAST, b.daerah_kode
