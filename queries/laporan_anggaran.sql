-- Pertanyaan: berapa pagu dan realisasi anggaran (per triwulan dan setahun) sub kegiatan yang mendukung setiap
--             indikator sebuah daerah pada suatu tahun, serapannya, dan realisasi anggaran periode RPJMD s.d. tahun
--             itu (kolom Rp tabel Evaluasi terhadap Hasil RKPD, Permendagri 86/2017)?
--             Per indikator setiap sub kegiatan pendukung dihitung sekali (kuncinya unik per indikator).
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: indikator_id, jumlah_sub_kegiatan, pagu, rp_tw1, rp_tw2, rp_tw3, rp_tw4, realisasi_anggaran, serapan,
--        realisasi_anggaran_sd
WITH a AS (
    SELECT * FROM anggaran_dukungan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun <= $tahun
),
tahun_ini AS (
    SELECT indikator_id, count(*) AS jumlah_sub_kegiatan, sum(pagu) AS pagu,
           sum(realisasi_tw1) AS rp_tw1, sum(realisasi_tw2) AS rp_tw2, sum(realisasi_tw3) AS rp_tw3,
           sum(realisasi_tw4) AS rp_tw4, sum(realisasi_anggaran) AS realisasi_anggaran
    FROM a WHERE tahun = $tahun
    GROUP BY indikator_id
),
sd AS (
    SELECT a.indikator_id, sum(a.realisasi_anggaran) AS realisasi_anggaran_sd
    FROM a JOIN periode p ON p.id = a.periode_id AND a.tahun >= p.tahun_awal
    GROUP BY a.indikator_id
)
SELECT t.indikator_id, t.jumlah_sub_kegiatan, t.pagu, t.rp_tw1, t.rp_tw2, t.rp_tw3, t.rp_tw4, t.realisasi_anggaran,
       serapan(t.realisasi_anggaran, t.pagu) AS serapan,
       sd.realisasi_anggaran_sd
FROM tahun_ini t
LEFT JOIN sd USING (indikator_id)
ORDER BY t.indikator_id
