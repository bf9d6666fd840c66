-- Pertanyaan: indikator mana di sebuah daerah yang punya target pada suatu tahun tetapi tidak didukung satu
--             pun sub kegiatan (temuan kinerja vs anggaran)?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: indikator_id, indikator_kode, nama, urusan, perangkat_daerah, iku, capaian, predikat
SELECT
    t.indikator_id, t.indikator_kode, i.nama, coalesce(u.nama, 'Lintas urusan') AS urusan, i.perangkat_daerah,
    i.iku, t.capaian, t.predikat
FROM capaian_tahunan t
JOIN indikator i ON i.id = t.indikator_id
LEFT JOIN urusan u ON u.kode = i.urusan_kode
WHERE t.daerah_kode = $daerah AND t.periode_id = $periode_id AND t.tahun = $tahun
  AND (t.target IS NOT NULL OR t.target_min IS NOT NULL OR t.target_teks IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM dukungan d
                  WHERE d.indikator_id = t.indikator_id AND d.daerah_kode = $daerah AND d.tahun = $tahun)
ORDER BY i.iku DESC, urusan, t.indikator_kode
