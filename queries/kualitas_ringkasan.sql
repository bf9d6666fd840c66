-- Pertanyaan: per daerah dan urusan di satu provinsi, berapa indikator yang belum melaporkan realisasi periode lapor terakhir, yang berangka sementara, yang usang, dan siapa terakhir melapor?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: daerah_kode, daerah, urusan_kode, urusan, tahun_lapor, periode_lapor, jumlah_indikator, belum_lapor, sementara, usang, persen_lapor, terakhir_diubah_oleh, terakhir_diubah_pada
-- Catatan: aturan periode lapor, sudah lapor dan usang: makro kualitas_lapor dan persen_lapor di
--          pantau/aturan/aturan.sql.
SELECT k.daerah_kode, d.nama AS daerah, k.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
       any_value(k.tahun_lapor) AS tahun_lapor, any_value(k.periode_lapor) AS periode_lapor,
       count(*) AS jumlah_indikator,
       count(*) FILTER (WHERE NOT k.sudah_lapor) AS belum_lapor,
       count(*) FILTER (WHERE k.jumlah_sementara > 0) AS sementara,
       count(*) FILTER (WHERE k.usang) AS usang,
       persen_lapor(count(*) FILTER (WHERE k.sudah_lapor), count(*)) AS persen_lapor,
       arg_max(k.diubah_oleh, k.diubah_pada) AS terakhir_diubah_oleh,
       max(k.diubah_pada) AS terakhir_diubah_pada
FROM kualitas_lapor($provinsi) k
JOIN daerah d ON d.kode = k.daerah_kode
LEFT JOIN urusan u ON u.kode = k.urusan_kode
GROUP BY k.daerah_kode, d.nama, k.urusan_kode, u.nama
ORDER BY k.daerah_kode, k.urusan_kode NULLS FIRST
