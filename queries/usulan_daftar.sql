-- Pertanyaan: apa saja usulan kabupaten/kota kepada provinsi ini untuk RKPD tahun itu, dengan status
--             keselarasannya, alasan status, dan keputusan yang berlaku?
-- Parameter: $provinsi (VARCHAR), $tahun (INTEGER)
-- Kolom: usulan_id, daerah_kode, daerah_nama, tahun, nomor, judul, urusan_kode, urusan_nama, prioritas_kode,
--        prioritas_nama, status, urusan_prioritas, sub_kegiatan_kode, lokasi, volume, satuan, biaya, perangkat_daerah,
--        sumber, permasalahan, keputusan, alasan, dialihkan_ke, pagu_disepakati, keputusan_versi, diputuskan_oleh,
--        diputuskan_pada
SELECT
    k.usulan_id, k.daerah_kode, d.nama AS daerah_nama, k.tahun, k.nomor, k.judul, k.urusan_kode,
    u.nama AS urusan_nama, k.prioritas_kode, k.prioritas_nama, k.status, k.urusan_prioritas, k.sub_kegiatan_kode,
    k.lokasi, k.volume, k.satuan, k.biaya, k.perangkat_daerah, k.sumber, k.permasalahan, k.keputusan, k.alasan,
    k.dialihkan_ke, k.pagu_disepakati, k.keputusan_versi, k.diputuskan_oleh, k.diputuskan_pada
FROM keselarasan_usulan k
JOIN daerah d ON d.kode = k.daerah_kode
LEFT JOIN urusan u ON u.kode = k.urusan_kode
WHERE k.provinsi_kode = $provinsi AND k.tahun = $tahun
ORDER BY k.daerah_kode, k.nomor
