-- Langkah 3: satu periode RPJMD per daerah terpilih; id periode = pilih_daerah.periode_id.
-- Parameter: $awal, $akhir (INTEGER, tahun awal dan tahun akhir periode)
-- Membaca: pilih_daerah
-- Hasil: baris tabel periode
INSERT INTO periode (id, daerah_kode, tahun_awal, tahun_akhir, dasar_hukum)
SELECT periode_id, kode, $awal, $akhir,
       'Perda ' || nama || ' tentang RPJMD ' || $awal || '-' || $akhir || ' (sintetis)'
FROM pilih_daerah
ORDER BY periode_id
