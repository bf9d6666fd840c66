-- Pertanyaan: per daerah di satu provinsi (provinsi itu sendiri dan kabupaten/kotanya), berapa indikator yang belum
--             melaporkan realisasi periode lapor terakhir, yang berangka sementara, yang usang, dan berapa persen yang
--             sudah melapor?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: daerah_kode, daerah, tahun_lapor, periode_lapor, jumlah_indikator, belum_lapor, sementara, usang, persen_lapor
-- Catatan: aturan periode lapor, sudah lapor dan usang: makro kualitas_lapor; persen: makro persen_lapor
--          (pantau/aturan/aturan.sql). Urutan: persen lapor terendah dulu.
SELECT k.daerah_kode, d.nama AS daerah,
       any_value(k.tahun_lapor) AS tahun_lapor, any_value(k.periode_lapor) AS periode_lapor,
       count(*) AS jumlah_indikator,
       count(*) FILTER (WHERE NOT k.sudah_lapor) AS belum_lapor,
       count(*) FILTER (WHERE k.jumlah_sementara > 0) AS sementara,
       count(*) FILTER (WHERE k.usang) AS usang,
       persen_lapor(count(*) FILTER (WHERE k.sudah_lapor), count(*)) AS persen_lapor
FROM kualitas_lapor($provinsi) k
JOIN daerah d ON d.kode = k.daerah_kode
GROUP BY k.daerah_kode, d.nama
ORDER BY persen_lapor, k.daerah_kode
