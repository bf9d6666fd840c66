-- Pertanyaan: untuk setiap indikator daerah-daerah satu provinsi (provinsi dan kabupaten/kotanya), apakah realisasi triwulan terakhir sudah dilaporkan, adakah angka sementara, apakah angkanya usang, dan siapa terakhir melapor?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: daerah_kode, daerah, urusan_kode, urusan, indikator_id, indikator_kode, indikator, tahun_lapor, periode_lapor, pelaporan, sudah_lapor, realisasi_terakhir, jumlah_sementara, usang, diubah_oleh, diubah_pada
-- Catatan: aturan periode lapor, sudah lapor dan usang: makro kualitas_lapor di pantau/aturan/aturan.sql.
SELECT k.daerah_kode, d.nama AS daerah, k.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
       k.indikator_id, k.indikator_kode, k.indikator, k.tahun_lapor, k.periode_lapor, k.pelaporan, k.sudah_lapor,
       k.realisasi_terakhir, k.jumlah_sementara, k.usang, k.diubah_oleh, k.diubah_pada
FROM kualitas_lapor($provinsi) k
JOIN daerah d ON d.kode = k.daerah_kode
LEFT JOIN urusan u ON u.kode = k.urusan_kode
ORDER BY k.daerah_kode, k.urusan_kode NULLS FIRST, k.indikator_kode
