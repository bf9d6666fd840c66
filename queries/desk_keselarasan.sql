-- Pertanyaan: apakah target kabupaten/kota yang mendukung indikator provinsi dalam satu urusan selaras
--             dengan target provinsi pada tahun yang sama, dan daerah mana yang menarik provinsi menjauh
--             dari targetnya? Cara menggabungkan: indikator.agregasi_wilayah provinsi, atau bawaan
--             kumulatif -> jumlah, akhir -> rerata tertimbang penduduk (daerah.penduduk). Selaras bila
--             gabungan >= target provinsi (positif) atau <= (negatif). Tingkat/rasio: daerah ditandai bila
--             targetnya lebih buruk dari target provinsi. Arus (jumlah): selisih jumlah terhadap target
--             provinsi dan porsi tiap daerah. Rentang dan teks tidak diperiksa.
-- Parameter: $provinsi (VARCHAR), $urusan (VARCHAR), $tahun (INTEGER)
-- Kolom: induk_id, induk_kode, induk_nama, satuan, polaritas, cara, target_provinsi, gabungan, selisih, selaras,
--        jumlah_kabkota, jumlah_bertarget, daerah_kode, daerah, indikator_id, target_daerah, penduduk, porsi,
--        menarik_turun
WITH pas AS (   -- pemasangan indikator desk (makro tabel pasangan_desk di aturan.sql)
    SELECT * FROM pasangan_desk($provinsi, $urusan, $tahun)
),
-- target tahun itu hanya untuk indikator yang dipasangkan: saringan indikator_id sampai ke pemindaian view tahunan
-- (tanpa ini target_tahunan dihitung untuk semua indikator nasional pada tahun itu)
tt AS (
    SELECT indikator_id, target FROM target_tahunan
    WHERE tahun = $tahun AND indikator_id IN (SELECT indikator_id FROM pas)
),
prov AS (
    SELECT i.id, i.kode, i.nama, i.satuan, i.polaritas,
           coalesce(i.agregasi_wilayah,
                    CASE WHEN i.agregasi = 'kumulatif' THEN 'jumlah' ELSE 'rerata_tertimbang' END) AS cara,
           t.target AS target_provinsi
    FROM indikator i
    LEFT JOIN tt t ON t.indikator_id = i.id
    WHERE i.id IN (SELECT induk_id FROM pas)
),
kabkota AS (
    SELECT kode, nama, jenis, penduduk FROM daerah WHERE kode_induk = $provinsi
),
pasangan AS (
    SELECT ps.induk_id, ps.indikator_id, d.kode AS daerah_kode,
           nama_pendek(d.nama, d.jenis) AS daerah, d.penduduk, t.target AS target_daerah
    FROM pas ps
    JOIN kabkota d ON d.kode = ps.daerah_kode
    LEFT JOIN tt t ON t.indikator_id = ps.indikator_id
),
gabung AS (
    SELECT
        pr.id AS induk_id,
        CASE
            WHEN pr.polaritas NOT IN ('positif', 'negatif') THEN NULL
            WHEN pr.cara = 'jumlah' THEN sum(ps.target_daerah)
            WHEN pr.cara = 'rerata' THEN avg(ps.target_daerah)
            ELSE coalesce(
                sum(ps.target_daerah * ps.penduduk) FILTER (WHERE ps.penduduk IS NOT NULL)
                    / nullif(sum(ps.penduduk) FILTER (WHERE ps.target_daerah IS NOT NULL AND ps.penduduk IS NOT NULL), 0),
                avg(ps.target_daerah))
        END AS gabungan,
        count(ps.target_daerah) AS jumlah_bertarget,
        sum(ps.target_daerah) AS jumlah_target,
        sum(ps.penduduk) FILTER (WHERE ps.target_daerah IS NOT NULL) AS jumlah_penduduk
    FROM prov pr
    LEFT JOIN pasangan ps ON ps.induk_id = pr.id
    GROUP BY pr.id, pr.polaritas, pr.cara
)
SELECT
    pr.id AS induk_id, pr.kode AS induk_kode, pr.nama AS induk_nama, pr.satuan, pr.polaritas, pr.cara,
    pr.target_provinsi, bulat_dua(g.gabungan) AS gabungan, bulat_dua(g.gabungan - pr.target_provinsi) AS selisih,
    CASE
        WHEN g.gabungan IS NULL OR pr.target_provinsi IS NULL THEN NULL
        WHEN pr.polaritas = 'positif' THEN bulat_dua(g.gabungan) >= pr.target_provinsi
        ELSE bulat_dua(g.gabungan) <= pr.target_provinsi
    END AS selaras,
    (SELECT count(*) FROM kabkota) AS jumlah_kabkota,
    g.jumlah_bertarget,
    ps.daerah_kode, ps.daerah, ps.indikator_id, ps.target_daerah, ps.penduduk,
    CASE
        WHEN ps.target_daerah IS NULL THEN NULL
        WHEN pr.cara = 'jumlah' THEN ps.target_daerah / nullif(g.jumlah_target, 0)
        WHEN pr.cara = 'rerata' THEN 1.0 / g.jumlah_bertarget
        ELSE ps.penduduk / nullif(g.jumlah_penduduk, 0)
    END AS porsi,
    CASE
        WHEN pr.cara = 'jumlah' OR ps.target_daerah IS NULL OR pr.target_provinsi IS NULL
             OR pr.polaritas NOT IN ('positif', 'negatif') THEN NULL
        WHEN pr.polaritas = 'positif' THEN ps.target_daerah < pr.target_provinsi
        ELSE ps.target_daerah > pr.target_provinsi
    END AS menarik_turun
FROM prov pr
JOIN gabung g ON g.induk_id = pr.id
LEFT JOIN pasangan ps ON ps.induk_id = pr.id
ORDER BY pr.kode, menarik_turun DESC NULLS LAST, ps.daerah_kode
