-- Pertanyaan: indikator mana yang paling perlu perhatian di sebuah daerah pada suatu tahun:
--             capaian tahun itu terendah (di bawah predikat Tinggi) atau diproyeksikan meleset dari target akhir?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER), $batas (INTEGER, jumlah baris)
-- Kolom: indikator_id, indikator_kode, nama, satuan, urusan, iku, capaian, predikat, simbol,
--        realisasi_sd, on_track, capaian_proyeksi, alasan
WITH tahunan AS (
    SELECT indikator_id, capaian, predikat, realisasi_sd
    FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
periode AS (
    SELECT indikator_id, on_track, capaian_proyeksi
    FROM capaian_periode
    WHERE daerah_kode = $daerah AND periode_id = $periode_id
),
batas_tinggi AS (SELECT min(batas_bawah) AS b FROM skala_predikat WHERE urutan >= 4)
SELECT
    i.id AS indikator_id, i.kode AS indikator_kode, i.nama, i.satuan,
    coalesce(u.nama, 'Lintas urusan') AS urusan, i.iku,
    t.capaian, t.predikat, s.simbol, t.realisasi_sd,
    p.on_track, p.capaian_proyeksi,
    CASE
        WHEN t.capaian < (SELECT b FROM batas_tinggi) AND p.on_track = false THEN 'capaian rendah dan diproyeksikan meleset'
        WHEN t.capaian < (SELECT b FROM batas_tinggi) THEN 'capaian rendah'
        ELSE 'diproyeksikan meleset dari target akhir'
    END AS alasan
FROM indikator i
LEFT JOIN tahunan t ON t.indikator_id = i.id
LEFT JOIN periode p ON p.indikator_id = i.id
LEFT JOIN urusan u ON u.kode = i.urusan_kode
LEFT JOIN skala_predikat s ON s.predikat = t.predikat
WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id
  AND (t.capaian < (SELECT b FROM batas_tinggi) OR p.on_track = false)
ORDER BY i.iku DESC, t.capaian ASC NULLS LAST, p.capaian_proyeksi ASC NULLS LAST, i.kode
LIMIT $batas
