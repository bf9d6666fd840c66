-- Pertanyaan: usulan kabupaten/kota mana yang berurusan ini, untuk RKPD tahun desk dan tahun berikutnya (yang
--             dibahas di Rakortekrenbang), dengan status keselarasan dan keputusannya?
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: usulan_id, daerah_kode, daerah_nama, tahun, nomor, judul, prioritas_kode, status, urusan_prioritas,
--        sub_kegiatan_kode, biaya, keputusan, alasan
SELECT k.usulan_id, k.daerah_kode, nama_pendek(d.nama, d.jenis) AS daerah_nama, k.tahun, k.nomor, k.judul,
       k.prioritas_kode, k.status, k.urusan_prioritas, k.sub_kegiatan_kode, k.biaya, k.keputusan, k.alasan
FROM keselarasan_usulan k
JOIN daerah d ON d.kode = k.daerah_kode
WHERE k.provinsi_kode = $provinsi AND k.urusan_kode = $urusan AND k.tahun IN ($tahun, $tahun + 1)
ORDER BY k.tahun, k.daerah_kode, k.nomor
