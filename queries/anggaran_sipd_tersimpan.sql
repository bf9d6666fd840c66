-- Pertanyaan: berapa baris dan pagu anggaran SIPD-RI yang sudah tersimpan untuk sebuah daerah dan tahun (yang akan
--             diganti impor SIPD-RI berikutnya), dan dari impor mana?
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: jumlah_baris, jumlah_unit, pagu, impor_terakhir
SELECT count(*) AS jumlah_baris, count(DISTINCT perangkat_daerah_kode) AS jumlah_unit,
       CAST(sum(pagu) AS DOUBLE) AS pagu, max(impor_id) AS impor_terakhir
FROM anggaran_sipd
WHERE daerah_kode = $daerah AND tahun = $tahun
