-- Pertanyaan: sub kegiatan mana (per unit) yang dianggarkan di SIPD-RI untuk sebuah daerah, tahun dan urusan (bidang
--             urusan = 4 karakter pertama kode sub kegiatan), dengan pagu dan indikator keluarannya? Daftar pilihan
--             saat menautkan sub kegiatan ke target kinerja di Desk Urusan, agar tidak diketik ulang.
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER), $urusan (VARCHAR)
-- Kolom: perangkat_daerah_kode, perangkat_daerah, sub_kegiatan_kode, sub_kegiatan_nama, pagu, indikator_keluaran,
--        target_keluaran, target_keluaran_teks, satuan_keluaran
SELECT perangkat_daerah_kode, perangkat_daerah, sub_kegiatan_kode, sub_kegiatan_nama, CAST(pagu AS DOUBLE) AS pagu,
       indikator_keluaran, target_keluaran, target_keluaran_teks, satuan_keluaran
FROM anggaran_sub_kegiatan
WHERE daerah_kode = $daerah AND tahun = $tahun AND substr(sub_kegiatan_kode, 1, 4) = $urusan
ORDER BY sub_kegiatan_kode, perangkat_daerah_kode
