-- Pertanyaan: berapa IKU sebuah daerah yang diproyeksikan mencapai target akhir periode?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: jumlah_iku, on_track, berisiko, tanpa_proyeksi
SELECT
    count(*) AS jumlah_iku,
    count(*) FILTER (WHERE on_track) AS on_track,
    count(*) FILTER (WHERE NOT on_track) AS berisiko,
    count(*) FILTER (WHERE on_track IS NULL) AS tanpa_proyeksi
FROM capaian_periode
WHERE daerah_kode = $daerah AND periode_id = $periode_id AND iku
