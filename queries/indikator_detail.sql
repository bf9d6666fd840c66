-- Pertanyaan: apa metadata satu indikator (definisi, satuan, polaritas, agregasi, perangkat daerah, sumber)?
-- Parameter: $indikator_id (INTEGER)
-- Kolom: id, kode, nama, satuan, polaritas, agregasi, iku, urusan_kode, urusan, daerah_kode, daerah, jenis,
--        kode_induk_daerah, periode_id, tahun_awal, tahun_akhir, kondisi_awal, kondisi_awal_teks,
--        tahun_kondisi_awal, target_akhir, target_akhir_min, target_akhir_max, target_akhir_teks,
--        perangkat_daerah, sumber_data, definisi, induk_daerah_kode, induk_kode, diubah_oleh, diubah_pada
SELECT
    i.id, i.kode, i.nama, i.satuan, i.polaritas, i.agregasi, i.iku,
    i.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan,
    i.daerah_kode, d.nama AS daerah, d.jenis, coalesce(d.kode_induk, d.kode) AS kode_induk_daerah,
    i.periode_id, p.tahun_awal, p.tahun_akhir,
    i.kondisi_awal, i.kondisi_awal_teks, i.tahun_kondisi_awal,
    i.target_akhir, i.target_akhir_min, i.target_akhir_max, i.target_akhir_teks,
    i.perangkat_daerah, i.sumber_data, i.definisi, i.induk_daerah_kode, i.induk_kode,
    i.diubah_oleh, i.diubah_pada
FROM indikator i
JOIN daerah d ON d.kode = i.daerah_kode
JOIN periode p ON p.id = i.periode_id
LEFT JOIN urusan u ON u.kode = i.urusan_kode
WHERE i.id = $indikator_id
