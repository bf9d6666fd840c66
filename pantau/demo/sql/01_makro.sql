-- Langkah 1: makro sementara pembangkit nasional: bilangan acak deterministik dan sebaran capaian.
-- Parameter: tidak ada
-- Hasil: TEMP MACRO seragam(h) (hash -> [0, 1)), capaian_sasaran(q), seragamkan(x)
CREATE OR REPLACE TEMP MACRO seragam(h) AS (h % 1000003) / 1000003.0;
-- capaian sasaran (%) dari q in [0,1): menyebar ke semua predikat, kebanyakan Tinggi/Sangat Tinggi.
CREATE OR REPLACE TEMP MACRO capaian_sasaran(q) AS CASE
    WHEN q < 0.08 THEN 20 + q / 0.08 * 30.9
    WHEN q < 0.16 THEN 51 + (q - 0.08) / 0.08 * 14.9
    WHEN q < 0.26 THEN 66 + (q - 0.16) / 0.10 * 9.9
    WHEN q < 0.46 THEN 76 + (q - 0.26) / 0.20 * 14.9
    ELSE 91 + (q - 0.46) / 0.54 * 24 END;
-- x = 0,75 u_indikator + 0,25 u_tahun (sebaran trapesium) dikembalikan ke seragam [0,1) dengan fungsi
-- sebarannya: capaian suatu indikator berkisar di sekitar tingkatnya sendiri dari tahun ke tahun.
CREATE OR REPLACE TEMP MACRO seragamkan(x) AS CASE
    WHEN x < 0.25 THEN x * x / 0.375
    WHEN x <= 0.75 THEN (x - 0.125) / 0.75
    ELSE 1 - (1 - x) * (1 - x) / 0.375 END;
