-- Langkah 4: parameter per indikator (daerah x katalog): kondisi awal (ka), target akhir tingkat (ta), arus dasar
--           dan laju (kumulatif), pita (rentang), indeks skala (teks), indikator induk provinsi.
-- Parameter: $seed (INTEGER), $n (INTEGER, indikator per daerah: id = (periode_id - 1) * $n + no)
-- Membaca: pilih_daerah, katalog (TEMP, dari data/katalog/indikator.json lewat nasional.katalog())
-- Hasil: TEMP TABLE ind
CREATE OR REPLACE TEMP TABLE ind AS
WITH dasar AS (
    SELECT
        (d.periode_id - 1) * $n + k.no AS id,
        d.periode_id, d.kode AS daerah_kode, d.jenis, d.kode_induk, d.faktor, d.faktor_penduduk,
        k.*,
        hash(d.kode, k.kode, $seed) AS kunci
    FROM pilih_daerah d CROSS JOIN katalog k
),
acak AS (
    SELECT *,
        seragam(hash(kunci, 1)) AS u1, seragam(hash(kunci, 2)) AS u2, seragam(hash(kunci, 3)) AS u3,
        -- tingkat (indeks, persen): +-15% di sekitar nilai dasar; arus: lebih lebar dan berskala penduduk
        CASE WHEN agregasi = 'kumulatif'
             THEN nilai_dasar * faktor * faktor_penduduk * (0.85 + 0.3 * seragam(hash(kunci, 1)))
             ELSE nilai_dasar * (0.85 + 0.15 * (faktor - 0.8) / 0.4 + 0.15 * seragam(hash(kunci, 1)))
        END AS v
    FROM dasar
),
awal AS (
    SELECT *,
        CASE
            WHEN polaritas = 'rentang' THEN round(nilai_dasar + (u2 - 0.5) * 1.5, desimal)
            WHEN batas IS NOT NULL THEN round(least(v, batas * (0.9 + 0.08 * u2)), desimal)
            ELSE round(v, desimal)
        END AS ka
    FROM acak
)
SELECT *,
    CASE
        WHEN agregasi = 'kumulatif' OR polaritas IN ('rentang', 'teks') THEN NULL
        WHEN polaritas = 'positif' AND batas IS NOT NULL THEN round(ka + (batas - ka) * (0.2 + 0.3 * u3), desimal)
        WHEN polaritas = 'positif' THEN round(ka * (1.03 + 0.09 * u3), desimal)
        ELSE greatest(round(ka * (0.95 - 0.2 * u3), desimal), pow(10, -desimal))
    END AS ta,
    CASE WHEN agregasi = 'kumulatif' THEN 0.03 + 0.05 * u3 END AS laju,
    CASE WHEN polaritas = 'rentang' THEN round(dasar_min * (1 + (u3 - 0.5) * 0.1), 2) END AS pita_min,
    CASE WHEN polaritas = 'rentang' THEN round(dasar_max * (1 + (u3 - 0.5) * 0.1), 2) END AS pita_max,
    CASE WHEN polaritas = 'teks' THEN greatest(1, awal_idx - CAST(u2 < 0.3 AS INTEGER)) END AS ka_idx,
    CASE WHEN polaritas = 'teks'
         THEN least(len(skala), target_idx + CAST(u3 > 0.8 AS INTEGER)) END AS ta_idx,
    -- kab/kota mendukung indikator berkode sama milik provinsinya (bila provinsi ikut dibangun)
    CASE WHEN kode_induk IN (SELECT kode FROM pilih_daerah) THEN kode_induk END AS induk_daerah_kode
FROM awal
