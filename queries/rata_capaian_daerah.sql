-- Pertanyaan: berapa rata-rata capaian semua indikator sebuah daerah di suatu tahun, dan berapa yang berdata?
--             (setiap indikator dibatasi 100 dulu; indikator kualitatif dan yang belum ada data tidak dihitung)
-- Parameter: $daerah (VARCHAR), $periode_id (INTEGER), $tahun (INTEGER)
-- Kolom: jumlah_indikator, jumlah_berdata, rata_capaian, rata_capaian_setahun, triwulan_data, predikat, simbol
-- Catatan: triwulan_data = triwulan terakhir yang dipakai (4 = setahun; < 4 = tahun belum lengkap: rata_capaian
--          membandingkan dengan target yang sebanding, docs/ATURAN.md); rata_capaian_setahun = terhadap target
--          setahun (kolom Permendagri 86/2017), sama dengan rata_capaian bila tahunnya lengkap
WITH ind AS (
    SELECT id FROM indikator WHERE daerah_kode = $daerah AND periode_id = $periode_id AND polaritas <> 'teks'
),
tahunan AS (
    SELECT indikator_id, capaian_sd AS capaian, capaian AS capaian_setahun, triwulan_sd FROM capaian_tahunan
    WHERE daerah_kode = $daerah AND periode_id = $periode_id AND tahun = $tahun
),
rata AS (
    SELECT count(*) AS jumlah_indikator, count(t.capaian) AS jumlah_berdata,
           rata_capaian(t.capaian) AS rata_capaian,
           rata_capaian(t.capaian_setahun) AS rata_capaian_setahun,
           max(t.triwulan_sd) AS triwulan_data
    FROM ind LEFT JOIN tahunan t ON t.indikator_id = ind.id
)
SELECT r.*, info_predikat(r.rata_capaian).predikat AS predikat, info_predikat(r.rata_capaian).simbol AS simbol
FROM rata r
