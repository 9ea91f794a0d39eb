package com.checkupflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A Camunda webapp session as a browser holds it: a first GET hands out the CSRF token (cookie {@code XSRF-TOKEN},
 * header {@code X-XSRF-TOKEN}) with the session, the login POST sends it back, and every later request carries the
 * session cookie. No HTTP basic.
 */
public final class WebappSession {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private final String base;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    public static WebappSession anonymous(int port) {
        return new WebappSession(port);
    }

    /** Logs {@code user} (password {@code demo}) in to {@code app} ({@code cockpit}, {@code tasklist}, …). */
    public static WebappSession logIn(int port, String user, String app) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(port);
        HttpResponse<String> first = session.get("/camunda/api/admin/auth/user/default");
        String token = first.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("No CSRF token from the webapp"));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + TestHttp.PASSWORD;
        HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(
                        URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log in to " + app + ": " + login.statusCode());
        }
        return session;
    }

    /** A JSON POST as the webapps send it, with the session's CSRF token (cookie {@code XSRF-TOKEN}). */
    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        // the login starts a new session with a new token, handed out by the next read as a browser's next page load
        HttpResponse<String> read = get("/camunda/api/admin/auth/user/default");
        String token = read.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> ((CookieManager) http.cookieHandler()
                        .orElseThrow()).getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("No CSRF token in the session")));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
