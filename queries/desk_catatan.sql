-- Pertanyaan: catatan sesi desk urusan yang berlaku (versi terbaru) untuk provinsi dan setiap
--             kabupaten/kotanya pada satu urusan dan tahun, dengan jumlah versi yang pernah disimpan.
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: daerah_kode, daerah, jenis, versi, pendorong, penghambat, tindak_lanjut, oleh, pada, jumlah_versi
WITH semua AS (
    SELECT
        c.daerah_kode, nama_pendek(d.nama, d.jenis) AS daerah, d.jenis, c.versi, c.pendorong, c.penghambat,
        c.tindak_lanjut, c.oleh, c.pada,
        count(*) OVER (PARTITION BY c.daerah_kode) AS jumlah_versi,
        row_number() OVER (PARTITION BY c.daerah_kode ORDER BY c.versi DESC) AS ke
    FROM catatan_desk c
    JOIN daerah d ON d.kode = c.daerah_kode
    WHERE c.urusan_kode = $urusan AND c.tahun = $tahun AND (d.kode = $provinsi OR d.kode_induk = $provinsi)
)
SELECT daerah_kode, daerah, jenis, versi, pendorong, penghambat, tindak_lanjut, oleh, pada, jumlah_versi
FROM semua
WHERE ke = 1
ORDER BY jenis <> 'provinsi', daerah_kode
