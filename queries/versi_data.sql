-- Pertanyaan: seberapa baru data di basis data ini (untuk kunci cache dan keterangan kesegaran)?
-- Parameter: (tidak ada)
-- Kolom: impor_terakhir, waktu_impor_terakhir, riwayat_terakhir, rumus_negatif
SELECT
    (SELECT coalesce(max(id), 0) FROM impor) AS impor_terakhir,
    (SELECT max(waktu) FROM impor) AS waktu_impor_terakhir,
    (SELECT coalesce(max(id), 0) FROM riwayat) AS riwayat_terakhir,
    (SELECT rumus_negatif FROM pengaturan_aktif) AS rumus_negatif
