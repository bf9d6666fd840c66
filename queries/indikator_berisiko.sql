-- Pertanyaan: indikator mana yang paling perlu perhatian di sebuah daerah pada suatu tahun, dan mengapa?
-- Aturan urutan (dibaca Kepala Bappeda di layar, docs/ATURAN.md "Paling perlu perhatian"):
--   kelompok 1: capaian tahun itu di bawah predikat Tinggi, dari yang terendah;
--   kelompok 2: capaian tahun itu Tinggi ke atas (atau belum ada data), tetapi proyeksi ke akhir periode meleset
--               dari target akhir, dari capaian proyeksi terendah.
--   Dalam nilai yang sama IKU didahulukan, lalu kode. Capaian = capaian_sd (tahun belum lengkap: dibanding target
--   yang sebanding).
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER), $batas (INTEGER, jumlah baris)
-- Kolom: kelompok, indikator_id, indikator_kode, nama, satuan, urusan, iku, capaian, predikat, simbol,
--        realisasi_sd, triwulan_sd, on_track, capaian_proyeksi, proyeksi_rendah, batas_tinggi
WITH tahunan AS (
    SELECT indikator_id, capaian_sd AS capaian, predikat_sd AS predikat, realisasi_sd, triwulan_sd
    FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
periode AS (
    SELECT indikator_id, on_track, capaian_proyeksi
    FROM capaian_periode
    WHERE daerah_kode = $daerah AND periode_id = $periode_id
),
batas_tinggi AS (SELECT min(batas_bawah) AS b FROM skala_predikat WHERE urutan >= 4),
calon AS (
    SELECT
        CASE WHEN t.capaian < bt.b THEN 1 ELSE 2 END AS kelompok,
        i.id AS indikator_id, i.kode AS indikator_kode, i.nama, i.satuan,
        coalesce(u.nama, 'Lintas urusan') AS urusan, i.iku,
        t.capaian, t.predikat, info_predikat(t.capaian).simbol AS simbol, t.realisasi_sd, t.triwulan_sd,
        p.on_track, p.capaian_proyeksi, coalesce(p.on_track = false, false) AS proyeksi_rendah, bt.b AS batas_tinggi
    FROM indikator i
    CROSS JOIN batas_tinggi bt
    LEFT JOIN tahunan t ON t.indikator_id = i.id
    LEFT JOIN periode p ON p.indikator_id = i.id
    LEFT JOIN urusan u ON u.kode = i.urusan_kode
    WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id
      AND (t.capaian < bt.b OR p.on_track = false)
)
SELECT *
FROM calon
ORDER BY kelompok,
         CASE WHEN kelompok = 1 THEN capaian ELSE capaian_proyeksi END ASC NULLS LAST,
         iku DESC, indikator_kode
LIMIT $batas
