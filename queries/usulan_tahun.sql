-- Pertanyaan: tahun RKPD mana saja yang punya usulan kabupaten/kota kepada provinsi ini?
-- Parameter: $provinsi (VARCHAR)
-- Kolom: tahun, jumlah
SELECT u.tahun, count(*) AS jumlah
FROM usulan u
WHERE starts_with(u.daerah_kode, $provinsi || '.')
GROUP BY u.tahun
ORDER BY u.tahun
