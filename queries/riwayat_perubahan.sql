-- Pertanyaan: siapa mengubah apa (angka, indikator, catatan, pengaturan, akun), kapan, untuk daerah mana,
--   dari impor mana? Untuk halaman Riwayat, terbaru di atas.
-- Parameter: $daerah_riwayat (VARCHAR, '' = semua daerah; kode provinsi mencakup kabupaten/kotanya),
--   $oleh_riwayat (VARCHAR, '' = semua pengguna), $tanggal_dari (DATE), $tanggal_sampai (DATE, inklusif),
--   $batas (INTEGER, jumlah baris paling banyak)
-- Kolom: waktu, oleh, daerah_kode, daerah, tabel, aksi, indikator_kode, tahun, kunci, kolom, nilai_lama,
--   nilai_baru, impor_id, berkas
SELECT r.waktu, r.oleh, r.daerah_kode, d.nama AS daerah, r.tabel, r.aksi, r.indikator_kode, r.tahun, r.kunci,
       r.kolom, r.nilai_lama, r.nilai_baru, r.impor_id, im.berkas
FROM riwayat r
LEFT JOIN daerah d ON d.kode = r.daerah_kode
LEFT JOIN impor im ON im.id = r.impor_id
WHERE ($daerah_riwayat = '' OR r.daerah_kode = $daerah_riwayat OR starts_with(r.daerah_kode, $daerah_riwayat || '.'))
  AND ($oleh_riwayat = '' OR r.oleh = $oleh_riwayat)
  AND r.waktu >= CAST($tanggal_dari AS TIMESTAMP)
  AND r.waktu < CAST($tanggal_sampai AS TIMESTAMP) + INTERVAL 1 DAY
ORDER BY r.waktu DESC, r.id DESC
LIMIT $batas
