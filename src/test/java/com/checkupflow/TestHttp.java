package com.checkupflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP with basic authentication as a demo user (password {@code demo}); {@code user} null means anonymous. */
public final class TestHttp {

    public static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public TestHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).GET().build());
    }

    /** A GET with the browser's {@code Accept-Language}. */
    public HttpResponse<String> get(String user, String path, String acceptLanguage)
            throws IOException, InterruptedException {
        return send(request(user, path).header("Accept-Language", acceptLanguage).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String user, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** A POST with the client's {@code Accept-Language}. */
    public HttpResponse<String> post(String user, String path, String contentType, String body, String acceptLanguage)
            throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", contentType).header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> put(String user, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> postBytes(String user, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(request(user, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
