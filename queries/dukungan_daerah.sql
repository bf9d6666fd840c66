-- Pertanyaan: sub kegiatan apa yang mendukung indikator sebuah daerah pada suatu tahun, oleh perangkat daerah
--             mana, dengan pagu, realisasi dan serapan berapa, dan apakah sudah disepakati di desk?
--             Sub kegiatan yang belum mendukung indikator apa pun ikut (indikator kosong).
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: id, indikator_id, indikator_kode, indikator_nama, urusan_kode, sub_kegiatan_kode, sub_kegiatan_nama,
--        program_kode, program_nama, perangkat_daerah, pagu, realisasi_tw1, realisasi_tw2, realisasi_tw3,
--        realisasi_tw4, realisasi_anggaran, triwulan_anggaran, serapan, disepakati, disepakati_oleh,
--        disepakati_pada, sumber, catatan, bidang_berbeda
SELECT
    id, indikator_id, indikator_kode, indikator_nama, urusan_kode, sub_kegiatan_kode, sub_kegiatan_nama,
    program_kode, program_nama, perangkat_daerah, pagu, realisasi_tw1, realisasi_tw2, realisasi_tw3,
    realisasi_tw4, realisasi_anggaran, triwulan_anggaran, serapan, disepakati, disepakati_oleh,
    disepakati_pada, sumber, catatan,
    coalesce(urusan_kode IS NOT NULL AND bidang_urusan_kode <> urusan_kode, false) AS bidang_berbeda
FROM anggaran_dukungan
WHERE daerah_kode = $daerah AND tahun = $tahun
ORDER BY indikator_kode NULLS LAST, sub_kegiatan_kode, perangkat_daerah
