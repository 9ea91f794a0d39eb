package com.checkupflow.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Builds the RFC 7807 document every {@code /api/**} error answers with: Korean first (texts in
 * {@code web/problems.properties}), the English texts given here when the request's Accept-Language prefers English.
 */
public final class ProblemDocuments {

    private static final Properties KOREAN = new Properties();

    static {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                ProblemDocuments.class.getResourceAsStream("/web/problems.properties")), StandardCharsets.UTF_8)) {
            KOREAN.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemDocuments() {
    }

    /** @param title the English title; {@code problems} with English details */
    public static ProblemDetail of(HttpStatus status, String title, List<Problem> problems) {
        boolean english = requestPrefersEnglish();
        List<Problem> shown = english ? problems : problems.stream()
                .map(p -> new Problem(p.code(), KOREAN.getProperty("detail." + p.code(), p.detail()) + where(p))).toList();
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(english ? title : KOREAN.getProperty("title." + problems.get(0).code(),
                KOREAN.getProperty("status." + status.value(), title)));
        pd.setType(URI.create("https://checkupflow.example/problems/" + problems.get(0).code().replace('_', '-')));
        pd.setDetail(shown.size() == 1 ? shown.get(0).detail()
                : (english ? shown.size() + " problems: " : "문제 " + shown.size() + "건: ")
                        + String.join("; ", shown.stream().map(Problem::detail).toList()));
        pd.setProperty("problems", shown);
        return pd;
    }

    /**
     * The problem's specific facts in Korean words, " (위치 Bundle.entry[2]…; 허용: …)", from {@code where.<code>}; empty
     * when the problem has none or no Korean pattern. The Korean sentence alone would drop what the client must fix.
     */
    private static String where(Problem p) {
        String pattern = KOREAN.getProperty("where." + p.code());
        if (pattern == null || p.facts().isEmpty()) {
            return "";
        }
        String text = pattern;
        for (Map.Entry<String, String> fact : p.facts().entrySet()) {
            text = text.replace("{" + fact.getKey() + "}", fact.getValue());
        }
        return " (" + text + ")";
    }

    /**
     * Whether the current request's Accept-Language prefers English to Korean. Read from the header, not the request's
     * locale: without the header that is the server's default locale, and Korean is the default here.
     */
    static boolean requestPrefersEnglish() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return false;
        }
        String accepted = request.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted == null || accepted.isBlank()) {
            return false;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accepted), List.of(Locale.KOREAN, Locale.ENGLISH));
            return Locale.ENGLISH.equals(chosen);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
