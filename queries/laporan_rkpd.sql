-- Pertanyaan: isi tabel Evaluasi terhadap Hasil RKPD (Permendagri 86/2017) sebuah daerah untuk satu tahun:
--             per urusan dan indikator, target akhir RPJMD, realisasi RPJMD s.d. tahun lalu, target tahun ini,
--             realisasi TW I-IV, realisasi dan tingkat capaian tahun ini, realisasi RPJMD s.d. tahun ini dan
--             tingkat capaiannya terhadap target akhir, perangkat daerah. Agregasi dihormati: untuk 'akhir'
--             realisasi s.d. adalah angka terakhir, bukan jumlah (view realisasi_rpjmd).
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: urusan_kode, urusan, indikator_id, indikator_kode, nama, satuan, polaritas, agregasi, iku,
--        target_akhir, target_akhir_min, target_akhir_max, target_akhir_teks,
--        realisasi_rpjmd_lalu, realisasi_rpjmd_lalu_teks, target, target_min, target_max, target_teks,
--        dokumen_target, tw1, tw2, tw3, tw4, realisasi, realisasi_teks, realisasi_sd, status, capaian,
--        predikat, realisasi_rpjmd, realisasi_rpjmd_teks, capaian_rpjmd, predikat_rpjmd, perangkat_daerah
WITH per AS (
    SELECT * FROM capaian_periode WHERE daerah_kode = $daerah AND periode_id = $periode_id
),
tahun_ini AS (
    SELECT * FROM capaian_tahunan WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
triwulan AS (
    SELECT r.indikator_id,
           max(r.nilai) FILTER (WHERE r.periode = 'TW1') AS tw1,
           max(r.nilai) FILTER (WHERE r.periode = 'TW2') AS tw2,
           max(r.nilai) FILTER (WHERE r.periode = 'TW3') AS tw3,
           max(r.nilai) FILTER (WHERE r.periode = 'TW4') AS tw4
    FROM realisasi r
    JOIN indikator i ON i.id = r.indikator_id
    WHERE i.daerah_kode = $daerah AND i.periode_id = $periode_id AND r.tahun = $tahun
    GROUP BY r.indikator_id
),
rpjmd AS (
    SELECT rr.indikator_id,
           arg_max(rr.realisasi_rpjmd, rr.tahun) FILTER (WHERE rr.tahun < $tahun) AS lalu,
           arg_max(rr.realisasi_rpjmd_teks, rr.tahun) FILTER (WHERE rr.tahun < $tahun) AS lalu_teks,
           arg_max(rr.realisasi_rpjmd, rr.tahun) FILTER (WHERE rr.tahun <= $tahun) AS sd,
           arg_max(rr.realisasi_rpjmd_teks, rr.tahun) FILTER (WHERE rr.tahun <= $tahun) AS sd_teks
    FROM realisasi_rpjmd rr
    WHERE rr.daerah_kode = $daerah
    GROUP BY rr.indikator_id
),
baris AS (
    SELECT
        per.urusan_kode, coalesce(u.nama, 'Lintas urusan') AS urusan, per.indikator_id, per.indikator_kode,
        i.nama, i.satuan, per.polaritas, per.agregasi, per.iku,
        per.target_akhir, per.target_akhir_min, per.target_akhir_max, per.target_akhir_teks,
        rp.lalu AS realisasi_rpjmd_lalu, rp.lalu_teks AS realisasi_rpjmd_lalu_teks,
        t.target, t.target_min, t.target_max, t.target_teks, t.dokumen_target,
        tw.tw1, tw.tw2, tw.tw3, tw.tw4,
        t.realisasi, t.realisasi_teks, t.realisasi_sd, t.status, t.capaian, t.predikat,
        rp.sd AS realisasi_rpjmd, rp.sd_teks AS realisasi_rpjmd_teks,
        capaian(per.polaritas, per.target_akhir, per.target_akhir_min, per.target_akhir_max, rp.sd,
                per.rumus_negatif) AS capaian_rpjmd,
        i.perangkat_daerah
    FROM per
    JOIN indikator i ON i.id = per.indikator_id
    LEFT JOIN urusan u ON u.kode = per.urusan_kode
    LEFT JOIN tahun_ini t ON t.indikator_id = per.indikator_id
    LEFT JOIN triwulan tw ON tw.indikator_id = per.indikator_id
    LEFT JOIN rpjmd rp ON rp.indikator_id = per.indikator_id
)
SELECT b.urusan_kode, b.urusan, b.indikator_id, b.indikator_kode, b.nama, b.satuan, b.polaritas, b.agregasi,
       b.iku, b.target_akhir, b.target_akhir_min, b.target_akhir_max, b.target_akhir_teks,
       b.realisasi_rpjmd_lalu, b.realisasi_rpjmd_lalu_teks, b.target, b.target_min, b.target_max, b.target_teks,
       b.dokumen_target, b.tw1, b.tw2, b.tw3, b.tw4, b.realisasi, b.realisasi_teks, b.realisasi_sd, b.status,
       b.capaian, b.predikat, b.realisasi_rpjmd, b.realisasi_rpjmd_teks, b.capaian_rpjmd,
       predikat(b.capaian_rpjmd) AS predikat_rpjmd, b.perangkat_daerah
FROM baris b
ORDER BY b.urusan_kode NULLS FIRST, b.indikator_kode
