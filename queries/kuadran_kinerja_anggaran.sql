-- Pertanyaan: untuk sebuah daerah dan tahun, berapa capaian kinerja dan serapan anggaran setiap urusan (atau
--             setiap perangkat daerah), dan di kuadran mana letaknya (efektif-efisien, efektif, tidak
--             efektif-tidak efisien, belum optimal)?
--             Definisinya satu, di makro tabel kinerja_anggaran (pantau/aturan/aturan.sql): kinerja = rata-rata
--             capaian (tiap capaian dibatasi 100); serapan = realisasi / pagu, setiap sub kegiatan dihitung sekali.
--             Batas serapan tahun berjalan: batas kumulatif s.d. triwulan terakhir yang dilaporkan (pengaturan
--             kuadran_batas_serapan_triwulan, bawaan 15/40/60%); setahun penuh: kuadran_batas_serapan (90%).
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER), $dimensi ('urusan' | 'perangkat_daerah')
-- Kolom: dimensi, kelompok_kode, kelompok, jumlah_indikator, jumlah_berdata, kinerja, jumlah_sub_kegiatan, pagu,
--        realisasi_anggaran, triwulan_anggaran, serapan, batas_kinerja, batas_serapan, kuadran
WITH k AS (
    SELECT * FROM kinerja_anggaran($daerah, $periode_id, $tahun) WHERE dimensi = $dimensi
),
tw AS (SELECT coalesce(max(triwulan_anggaran), 4) AS triwulan FROM k),
b AS (
    SELECT bk.batas_kinerja,
           CASE tw.triwulan WHEN 1 THEN bk.batas_serapan_tw1 WHEN 2 THEN bk.batas_serapan_tw2
                            WHEN 3 THEN bk.batas_serapan_tw3 ELSE bk.batas_serapan END AS batas_serapan
    FROM batas_kuadran bk, tw
)
SELECT
    k.dimensi, k.kelompok_kode,
    CASE WHEN k.dimensi = 'urusan' THEN coalesce(u.nama, 'Lintas urusan')
         ELSE coalesce(k.kelompok_kode, '(perangkat daerah tidak diisi)') END AS kelompok,
    k.jumlah_indikator, k.jumlah_berdata, k.kinerja, k.jumlah_sub_kegiatan, k.pagu, k.realisasi_anggaran,
    k.triwulan_anggaran, k.serapan, b.batas_kinerja, b.batas_serapan,
    kuadran(k.kinerja, k.serapan, b.batas_kinerja, b.batas_serapan) AS kuadran
FROM k
CROSS JOIN b
LEFT JOIN urusan u ON k.dimensi = 'urusan' AND u.kode = k.kelompok_kode
ORDER BY k.serapan IS NULL, k.kinerja IS NULL, k.kinerja, k.serapan DESC, kelompok
