-- Pertanyaan: sub kegiatan mana di sebuah daerah pada suatu tahun yang dianggarkan tetapi tidak mendukung
--             indikator kinerja apa pun (temuan kinerja vs anggaran)?
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: id, sub_kegiatan_kode, sub_kegiatan_nama, program_nama, perangkat_daerah, pagu, realisasi_anggaran,
--        serapan
SELECT id, sub_kegiatan_kode, sub_kegiatan_nama, program_nama, perangkat_daerah, pagu, realisasi_anggaran, serapan
FROM anggaran_dukungan
WHERE daerah_kode = $daerah AND tahun = $tahun AND indikator_id IS NULL
ORDER BY pagu DESC NULLS LAST, sub_kegiatan_kode
