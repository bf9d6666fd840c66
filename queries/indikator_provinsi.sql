-- Pertanyaan: kode indikator apa saja yang dipakai di provinsi dan kabupaten/kotanya, dan di berapa daerah
--             (pilihan indikator untuk dibandingkan antar kabupaten/kota)?
-- Parameter: $provinsi (VARCHAR, kode Kemendagri provinsi)
-- Kolom: kode, nama, satuan, jumlah_daerah
SELECT i.kode, mode(i.nama) AS nama, mode(i.satuan) AS satuan, count(DISTINCT i.daerah_kode) AS jumlah_daerah
FROM indikator i
JOIN daerah d ON d.kode = i.daerah_kode
WHERE (d.kode = $provinsi OR d.kode_induk = $provinsi) AND i.polaritas <> 'teks'
GROUP BY i.kode
ORDER BY i.kode
