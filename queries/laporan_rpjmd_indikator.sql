-- Pertanyaan: baris indikator tabel Evaluasi terhadap Hasil RPJMD (Permendagri 86/2017) sebuah daerah:
--             kondisi awal, target akhir, realisasi dan capaian periode s.d. tahun terakhir, proyeksi, perangkat daerah.
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER)
-- Kolom: urusan_kode, urusan, indikator_id, indikator_kode, nama, satuan, polaritas, agregasi, iku,
--        kondisi_awal, kondisi_awal_teks, tahun_kondisi_awal, target_akhir, target_akhir_min, target_akhir_max,
--        target_akhir_teks, realisasi_periode, realisasi_terakhir_teks, tahun_terakhir, realisasi_terakhir_sd,
--        capaian_periode,
--        predikat_periode, proyeksi, on_track, perangkat_daerah
SELECT p.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan, p.indikator_id, p.indikator_kode, i.nama,
       i.satuan, p.polaritas, p.agregasi, p.iku, p.kondisi_awal, p.kondisi_awal_teks, p.tahun_kondisi_awal,
       p.target_akhir, p.target_akhir_min, p.target_akhir_max, p.target_akhir_teks, p.realisasi_periode,
       p.realisasi_terakhir_teks, p.tahun_terakhir, p.realisasi_terakhir_sd, p.capaian_periode, p.predikat_periode, p.proyeksi,
       p.on_track, i.perangkat_daerah
FROM capaian_periode p
JOIN indikator i ON i.id = p.indikator_id
LEFT JOIN urusan u ON u.kode = p.urusan_kode
WHERE p.daerah_kode = $daerah AND p.periode_id = $periode_id
ORDER BY p.urusan_kode NULLS FIRST, p.indikator_kode
