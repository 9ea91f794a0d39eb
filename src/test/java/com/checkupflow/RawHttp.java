package com.checkupflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 written by hand, for what {@code java.net.http} refuses to send: raw paths ({@code //}, {@code %2e},
 * {@code ;}), bodies shorter than their Content-Length, broken headers.
 */
public final class RawHttp {

    /** The status, the raw header block and the body of one answer. */
    public record Answer(int status, String headers, String body) {
        public String contentType() {
            return headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
        }
    }

    private RawHttp() {
    }

    public static String basic(String user) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + TestHttp.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Sends the request head (and body), then closes our side so that a short body ends, and reads the answer. */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1); // one char per byte: offsets are byte offsets
            if (text.isEmpty()) {
                return new Answer(0, "", "");
            }
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(headers.split(" ", 3)[1]);
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(status, headers, new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(chunked.length(), start + size);
            body.append(chunked, start, stop);
            i = stop + 2;
        }
        return body.toString();
    }
}
