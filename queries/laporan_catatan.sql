-- Pertanyaan: catatan desk urusan yang berlaku (versi terbaru) sebuah daerah untuk satu tahun, per urusan,
--             untuk kaki tabel evaluasi (faktor pendorong, faktor penghambat, tindak lanjut).
-- Parameter: $daerah (VARCHAR), $tahun (INTEGER)
-- Kolom: urusan_kode, urusan, pendorong, penghambat, tindak_lanjut, oleh, pada
SELECT c.urusan_kode, coalesce(u.nama, c.urusan_kode) AS urusan,
       arg_max(c.pendorong, c.versi) AS pendorong,
       arg_max(c.penghambat, c.versi) AS penghambat,
       arg_max(c.tindak_lanjut, c.versi) AS tindak_lanjut,
       arg_max(c.oleh, c.versi) AS oleh,
       max(c.pada) AS pada
FROM catatan_desk c
LEFT JOIN urusan u ON u.kode = c.urusan_kode
WHERE c.daerah_kode = $daerah AND c.tahun = $tahun
GROUP BY c.urusan_kode, u.nama
ORDER BY c.urusan_kode
