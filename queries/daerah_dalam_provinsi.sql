-- Pertanyaan: daerah mana (provinsi itu sendiri lalu kabupaten/kotanya) yang punya periode RPJMD?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi, mis. '65')
-- Kolom: kode, nama, jenis, nama_pendek
SELECT d.kode, d.nama, d.jenis, nama_pendek(d.nama, d.jenis) AS nama_pendek
FROM daerah d
WHERE (d.kode = $provinsi OR d.kode_induk = $provinsi)
  AND EXISTS (SELECT 1 FROM periode p WHERE p.daerah_kode = d.kode)
ORDER BY d.jenis <> 'provinsi', d.kode
