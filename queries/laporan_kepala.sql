-- Pertanyaan: nama dan jenis sebuah daerah dan tahun awal/akhir satu periode RPJMD-nya (kepala laporan evaluasi)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: nama, jenis, tahun_awal, tahun_akhir
SELECT d.nama, d.jenis, p.tahun_awal, p.tahun_akhir
FROM daerah d
JOIN periode p ON p.daerah_kode = d.kode
WHERE d.kode = $daerah AND p.id = $periode_id
