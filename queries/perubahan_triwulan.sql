-- Pertanyaan: apa yang berubah pada triwulan terakhir yang dilaporkan di suatu tahun dibanding triwulan
--             sebelumnya: angka baru, dan predikat yang naik atau turun?
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: triwulan, indikator_id, indikator_kode, nama, capaian_sebelum, capaian_sekarang,
--        predikat_sebelum, predikat_sekarang, simbol_sekarang, arah
WITH tw AS (
    -- capaian s.d. triwulan dibanding target yang sebanding (capaian_sd), agar indikator kumulatif tidak "naik"
    -- hanya karena jumlahnya bertambah setiap triwulan
    SELECT c.* EXCLUDE (capaian, predikat), c.capaian_sd AS capaian, c.predikat_sd AS predikat
    FROM capaian_triwulan c
    JOIN indikator i ON i.id = c.indikator_id
    WHERE c.daerah_kode = $daerah AND i.periode_id = $periode_id AND c.tahun = $tahun
),
terakhir AS (SELECT max(triwulan) AS k FROM tw),
sekarang AS (SELECT * FROM tw WHERE triwulan = (SELECT k FROM terakhir)),
sebelum AS (
    -- posisi s.d. triwulan sebelumnya: angka triwulan terakhir yang < k
    SELECT indikator_id, arg_max(capaian, triwulan) AS capaian, arg_max(predikat, triwulan) AS predikat
    FROM tw
    WHERE triwulan < (SELECT k FROM terakhir)
    GROUP BY indikator_id
)
SELECT
    s.triwulan, s.indikator_id, s.indikator_kode, i.nama,
    b.capaian AS capaian_sebelum, s.capaian AS capaian_sekarang,
    b.predikat AS predikat_sebelum, s.predikat AS predikat_sekarang,
    info_predikat(s.capaian).simbol AS simbol_sekarang,
    CASE
        WHEN b.indikator_id IS NULL THEN 'baru'
        WHEN info_predikat(s.capaian).urutan > info_predikat(b.capaian).urutan THEN 'naik'
        WHEN info_predikat(s.capaian).urutan < info_predikat(b.capaian).urutan THEN 'turun'
        ELSE 'tetap'
    END AS arah
FROM sekarang s
JOIN indikator i ON i.id = s.indikator_id
LEFT JOIN sebelum b ON b.indikator_id = s.indikator_id
ORDER BY CASE WHEN b.indikator_id IS NULL THEN 2
              WHEN info_predikat(s.capaian).urutan <> info_predikat(b.capaian).urutan THEN 0 ELSE 3 END,
         info_predikat(s.capaian).urutan - info_predikat(b.capaian).urutan, i.kode
