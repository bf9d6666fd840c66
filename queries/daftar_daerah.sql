-- Pertanyaan: daerah mana saja yang terdaftar di Pantau (pilihan daerah pemilik ekspor SIPD-RI di halaman Impor)?
-- Parameter: (tidak ada)
-- Kolom: kode, nama, jenis
SELECT kode, nama, jenis
FROM daerah
ORDER BY kode
