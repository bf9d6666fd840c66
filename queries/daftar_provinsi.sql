-- Pertanyaan: provinsi mana yang punya data RPJMD (sendiri atau lewat kabupaten/kotanya)?
-- Parameter: (tidak ada)
-- Kolom: kode, nama
SELECT d.kode, d.nama
FROM daerah d
WHERE d.jenis = 'provinsi'
  AND EXISTS (
      SELECT 1
      FROM periode p
      JOIN daerah k ON k.kode = p.daerah_kode
      WHERE coalesce(k.kode_induk, k.kode) = d.kode
  )
ORDER BY d.kode
