-- Pertanyaan: sub kegiatan mana yang dikenal nomenklatur (Kepmendagri 050-5889/2021, yang dimuat Pantau) untuk
--             satu bidang urusan, dengan kegiatan dan programnya? Untuk pilihan kode di desk urusan; kode di
--             luar daftar ini tetap boleh diketik dengan namanya.
-- Parameter: $urusan (VARCHAR, kode bidang urusan U.BB, mis. 1.02)
-- Kolom: kode, nama, kegiatan_nama, program_kode, program_nama
SELECT s.kode, s.nama, s.kegiatan_nama, substr(s.kode, 1, 7) AS program_kode, p.nama AS program_nama
FROM sub_kegiatan s
LEFT JOIN program p ON p.kode = substr(s.kode, 1, 7)
WHERE substr(s.kode, 1, 4) = $urusan
ORDER BY s.kode
