package com.checkupflow.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The AI use register for a center's oversight (AI Basic Act: human oversight and records of uses that affect
 * health): per month and center, drafts by provider, model and prompt version, check failures by type (failed drafts per type of finding), fallbacks,
 * automatic redrafts, edit ratios by draft origin, sign-anyway decisions, who signed, and reports issued with the
 * AI notice. Aggregates over the drafting and review audit ({@code cf_draft}, {@code cf_review},
 * {@code cf_report_ai_use}); a draft counts in the month it was written, a decision in the month it was made.
 */
@Component
class AiRegister {

    record Drafts(String provider, String model, String promptVersion, String origin, long count) {
    }

    record Count(String key, long count) {
    }

    record EditRatios(String draftOrigin, long signed, long unchanged, BigDecimal mean, BigDecimal max) {
    }

    record Signer(String reviewer, long signed, long onModelDrafts) {
    }

    /**
     * One center's month.
     *
     * @param signAnyway reports signed although the check of the signed text found problems (cf_review.signed_anyway)
     */
    record CenterMonth(String center, List<Drafts> drafts, List<Count> checkFailures, long fallbacks,
                       long automaticRedrafts, List<EditRatios> editRatios, long signAnyway, List<Signer> signers,
                       long aiLabelledReports) {
    }

    record Register(String month, String center, List<CenterMonth> centers) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AiRegister(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param center null for every center */
    Register of(YearMonth month, String center, ZoneId zone) {
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Map<String, Builder> centers = new TreeMap<>();
        String onCenter = center == null ? "" : " AND s.center = :center";
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
        if (center != null) {
            params.put("center", center);
            centers.put(center, new Builder());
        }

        jdbc.sql("""
                SELECT s.center, d.provider, d.model, d.prompt_version, d.fallback, COUNT(*) AS n
                FROM cf_draft d JOIN cf_screening s ON s.id = d.screening_id
                WHERE d.created_at >= :from AND d.created_at < :to""" + onCenter + """
                 GROUP BY s.center, d.provider, d.model, d.prompt_version, d.fallback
                ORDER BY s.center, d.provider, d.model, d.prompt_version""").params(params).query(rs -> {
            Builder b = centers.computeIfAbsent(rs.getString("center"), c -> new Builder());
            boolean fallback = rs.getBoolean("fallback");
            b.drafts.add(new Drafts(rs.getString("provider"), rs.getString("model"), rs.getString("prompt_version"),
                    origin(rs.getString("provider"), fallback), rs.getLong("n")));
            if (fallback) {
                b.fallbacks += rs.getLong("n");
            }
        });

        jdbc.sql("""
                SELECT s.center, d.check_findings FROM cf_draft d JOIN cf_screening s ON s.id = d.screening_id
                WHERE d.check_passed = FALSE AND d.created_at >= :from AND d.created_at < :to""" + onCenter)
                .params(params).query(rs -> {
                    Builder b = centers.computeIfAbsent(rs.getString("center"), c -> new Builder());
                    // per failed draft, each type of finding once
                    Set<String> types = new TreeSet<>();
                    findings(rs.getString("check_findings")).forEach(f -> types.add(f.path("type").asText("UNKNOWN")));
                    types.forEach(type -> b.checkFailures.merge(type, 1L, Long::sum));
                });

        // An automatic redraft: the round after a failed check that no reviewer sent back.
        jdbc.sql("""
                SELECT s.center, COUNT(*) AS n FROM cf_draft d JOIN cf_screening s ON s.id = d.screening_id
                WHERE d.created_at >= :from AND d.created_at < :to""" + onCenter + """
                 AND EXISTS (SELECT 1 FROM cf_draft p WHERE p.screening_id = d.screening_id AND p.round = d.round - 1
                             AND p.check_passed = FALSE)
                 AND NOT EXISTS (SELECT 1 FROM cf_review r WHERE r.screening_id = d.screening_id
                                 AND r.draft_round = d.round - 1)
                GROUP BY s.center""").params(params).query(rs -> {
            centers.computeIfAbsent(rs.getString("center"), c -> new Builder()).automaticRedrafts = rs.getLong("n");
        });

        String signing = """
                FROM cf_review r JOIN cf_screening s ON s.id = r.screening_id
                LEFT JOIN cf_draft d ON d.screening_id = r.screening_id AND d.round = r.draft_round
                WHERE r.decision IN ('APPROVE', 'WRITE_MANUALLY') AND r.decided_at >= :from AND r.decided_at < :to""" + onCenter;
        jdbc.sql("SELECT s.center, d.provider, d.fallback, r.edit_ratio " + signing).params(params).query(rs -> {
            Builder b = centers.computeIfAbsent(rs.getString("center"), c -> new Builder());
            String origin = rs.getString("provider") == null ? "UNKNOWN" : origin(rs.getString("provider"), rs.getBoolean("fallback"));
            b.ratios.computeIfAbsent(origin, o -> new ArrayList<>()).add(rs.getBigDecimal("edit_ratio"));
        });
        jdbc.sql("""
                SELECT s.center, r.reviewer, COUNT(*) AS n,
                    SUM(CASE WHEN d.fallback = FALSE AND d.provider <> 'template' THEN 1 ELSE 0 END) AS on_model
                """ + signing + " GROUP BY s.center, r.reviewer ORDER BY s.center, r.reviewer").params(params).query(rs -> {
            centers.computeIfAbsent(rs.getString("center"), c -> new Builder()).signers
                    .add(new Signer(rs.getString("reviewer"), rs.getLong("n"), rs.getLong("on_model")));
        });

        jdbc.sql("""
                SELECT s.center, COUNT(*) AS n FROM cf_report_ai_use a JOIN cf_screening s ON s.id = a.screening_id
                WHERE s.issued_at >= :from AND s.issued_at < :to""" + onCenter + " GROUP BY s.center")
                .params(params).query(rs -> {
                    centers.computeIfAbsent(rs.getString("center"), c -> new Builder()).aiLabelled = rs.getLong("n");
                });

        jdbc.sql("SELECT s.center, COUNT(*) AS n " + signing + " AND r.signed_anyway = TRUE GROUP BY s.center")
                .params(params).query(rs -> {
                    centers.computeIfAbsent(rs.getString("center"), c -> new Builder()).signAnyway = rs.getLong("n");
                });

        List<CenterMonth> result = new ArrayList<>();
        centers.forEach((c, b) -> result.add(b.build(c)));
        return new Register(month.toString(), center, result);
    }

    private static String origin(String provider, boolean fallback) {
        return fallback ? "FALLBACK" : "template".equals(provider) ? "TEMPLATE" : "MODEL";
    }

    private JsonNode findings(String findingsJson) {
        if (findingsJson == null) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(findingsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cf_draft.check_findings is not JSON", e);
        }
    }

    private static final class Builder {
        final List<Drafts> drafts = new ArrayList<>();
        final Map<String, Long> checkFailures = new TreeMap<>();
        long fallbacks;
        long automaticRedrafts;
        final Map<String, List<BigDecimal>> ratios = new TreeMap<>();
        long signAnyway;
        final List<Signer> signers = new ArrayList<>();
        long aiLabelled;

        CenterMonth build(String center) {
            List<EditRatios> editRatios = new ArrayList<>();
            ratios.forEach((origin, values) -> {
                List<BigDecimal> known = values.stream().filter(Objects::nonNull).toList();
                BigDecimal mean = known.isEmpty() ? null : known.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(known.size()), 4, RoundingMode.HALF_UP);
                BigDecimal max = known.stream().max(BigDecimal::compareTo).orElse(null);
                long unchanged = known.stream().filter(v -> v.signum() == 0).count();
                editRatios.add(new EditRatios(origin, values.size(), unchanged, mean, max));
            });
            return new CenterMonth(center, drafts,
                    checkFailures.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(),
                    fallbacks, automaticRedrafts, editRatios, signAnyway, signers, aiLabelled);
        }
    }
}
