-- Pertanyaan: siapa mengubah apa pada satu indikator (metadata, target, realisasi), kapan, dan dari impor mana?
-- Parameter: $indikator_id (INTEGER)
-- Kolom: waktu, oleh, tabel, aksi, tahun, kunci, kolom, nilai_lama, nilai_baru, berkas, sha256
SELECT r.waktu, r.oleh, r.tabel, r.aksi, r.tahun, r.kunci, r.kolom, r.nilai_lama, r.nilai_baru,
       im.berkas, im.sha256
FROM riwayat r
LEFT JOIN impor im ON im.id = r.impor_id
WHERE r.indikator_id = $indikator_id
ORDER BY r.waktu DESC, r.id DESC
