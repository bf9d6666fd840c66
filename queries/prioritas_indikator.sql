-- Pertanyaan: indikator mana yang melayani sebuah prioritas, dan berapa capaiannya pada satu tahun
--             (tahun belum lengkap: capaian yang sebanding, seperti capaian_prioritas)?
-- Parameter: $prioritas (INTEGER), $daerah (VARCHAR, daerah prioritas itu), $tahun (INTEGER)
-- Kolom: indikator_id, kode, nama, urusan_kode, capaian, predikat, simbol
SELECT i.id AS indikator_id, i.kode, i.nama, i.urusan_kode, c.capaian_sd AS capaian, c.predikat_sd AS predikat,
       info_predikat(c.capaian_sd).simbol AS simbol
FROM indikator_prioritas ip
JOIN indikator i ON i.id = ip.indikator_id
LEFT JOIN capaian_tahunan c ON c.indikator_id = i.id AND c.tahun = $tahun AND c.daerah_kode = $daerah
WHERE ip.prioritas_id = $prioritas
ORDER BY c.capaian_sd ASC NULLS FIRST, i.kode
