-- Pertanyaan: siapa saja yang pernah mengubah data, dan kapan pertama dan terakhir kali? (pilihan filter
--   halaman Riwayat)
-- Parameter: (tidak ada)
-- Kolom: oleh, jumlah, pertama, terakhir
SELECT oleh, count(*) AS jumlah, min(waktu) AS pertama, max(waktu) AS terakhir
FROM riwayat
GROUP BY oleh
ORDER BY oleh
