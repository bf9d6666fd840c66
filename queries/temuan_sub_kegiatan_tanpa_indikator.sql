-- Pertanyaan: sub kegiatan mana di sebuah daerah pada suatu tahun yang dianggarkan tetapi tidak mendukung
--             indikator kinerja apa pun (temuan kinerja vs anggaran)? Dua asal: baris dukungan tanpa indikator,
--             dan sub kegiatan anggaran SIPD-RI yang diimpor (anggaran_sipd) yang unit dan kodenya tidak ada di
--             baris dukungan berindikator mana pun tahun itu (dukungan tanpa kode unit dicocokkan lewat kodenya).
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: id, sub_kegiatan_kode, sub_kegiatan_nama, program_nama, perangkat_daerah_kode, perangkat_daerah, pagu,
--        realisasi_anggaran, serapan, asal
WITH berindikator AS (
    SELECT perangkat_daerah_kode, sub_kegiatan_kode FROM dukungan
    WHERE daerah_kode = $daerah AND tahun = $tahun AND indikator_id IS NOT NULL
),
tanpa AS (
    SELECT id, sub_kegiatan_kode, sub_kegiatan_nama, program_nama, perangkat_daerah_kode, perangkat_daerah, pagu,
           realisasi_anggaran, serapan, 'dukungan' AS asal
    FROM anggaran_dukungan
    WHERE daerah_kode = $daerah AND tahun = $tahun AND indikator_id IS NULL
),
sipd AS (
    SELECT CAST(NULL AS INTEGER) AS id, a.sub_kegiatan_kode, a.sub_kegiatan_nama, p.nama AS program_nama,
           a.perangkat_daerah_kode, a.perangkat_daerah, CAST(a.pagu AS DOUBLE) AS pagu,
           CAST(NULL AS DOUBLE) AS realisasi_anggaran, CAST(NULL AS DOUBLE) AS serapan, 'SIPD-RI' AS asal
    FROM anggaran_sub_kegiatan a
    LEFT JOIN program p ON p.kode = substr(a.sub_kegiatan_kode, 1, 7)
    WHERE a.daerah_kode = $daerah AND a.tahun = $tahun
      AND NOT EXISTS (SELECT 1 FROM berindikator b WHERE b.sub_kegiatan_kode = a.sub_kegiatan_kode
                      AND b.perangkat_daerah_kode IN (a.perangkat_daerah_kode, ''))
      AND NOT EXISTS (SELECT 1 FROM tanpa t WHERE t.sub_kegiatan_kode = a.sub_kegiatan_kode
                      AND t.perangkat_daerah_kode = a.perangkat_daerah_kode)
)
SELECT * FROM tanpa
UNION ALL
SELECT * FROM sipd
ORDER BY pagu DESC NULLS LAST, sub_kegiatan_kode, perangkat_daerah_kode
