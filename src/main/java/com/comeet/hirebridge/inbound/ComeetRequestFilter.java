package com.comeet.hirebridge.inbound;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refuses any path with dot segments or parameters and the TRACE method everywhere, answers 405 to any method
 * but POST at a webhook's address, then takes a Comeet webhook's body off the wire before any
 * other code can read or decode it: at most the configured
 * size (413 beyond it), and presented to the routes as opaque bytes, whatever {@code Content-Type} the request
 * claims. A form or text content type would otherwise make the HTTP layer parse or re-decode the body, and the
 * signature covers the bytes exactly as sent.
 */
public class ComeetRequestFilter extends OncePerRequestFilter {

    private static final String TOO_LARGE = "{\"display_message\":\"The hire is larger than this bridge accepts. "
            + "Contact IT.\"}";
    private static final String NOT_AN_ADDRESS = "{\"display_message\":\"This address is not valid: it may not "
            + "contain '.' or '..' segments or ';' parameters.\"}";
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOKS = "/comeet/";
    private static final Pattern WEBHOOK = Pattern.compile("/comeet/[^/]+/(create-employee|hire-questionnaire)");

    private final long maxBodyBytes;

    public ComeetRequestFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Routes match the raw path while servlet mappings see it normalised: refuse anything where the two differ.
        String path = request.getRequestURI();
        if (DOT_SEGMENT.matcher(path).find() || path.indexOf(';') >= 0) {
            answer(response, 400, NOT_AN_ADDRESS);
            return;
        }
        // Tomcat lets TRACE through only so that it is refused here, in JSON, before anything could echo it.
        boolean trace = "TRACE".equals(request.getMethod());
        boolean webhook = WEBHOOK.matcher(path).matches();
        if (trace || webhook && !"POST".equals(request.getMethod())) {
            // Spring would answer OPTIONS itself, with 200; a webhook answers POST and nothing else.
            if (webhook) {
                response.setHeader(HttpHeaders.ALLOW, "POST");
            }
            // Written here: an error dispatch of TRACE would reach the servlet's own TRACE handling, not ours.
            answer(response, 405, JSON.writeValueAsString(Map.of("display_message",
                    JsonErrorController.sentence(HttpStatus.METHOD_NOT_ALLOWED, path))));
            return;
        }
        if (!"POST".equals(request.getMethod()) || !path.startsWith(WEBHOOKS)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new RawBodyRequest(request, body), response);
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        answer(response, 413, TOO_LARGE);
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read: opaque bytes, and parameters only from the query string. */
    private static final class RawBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        RawBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            throw new IllegalStateException("a Comeet webhook body is read as bytes, never as text");
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }

        @Override
        public String getCharacterEncoding() {
            return null;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                return getContentType();
            }
            if ("Content-Length".equalsIgnoreCase(name)) {
                return String.valueOf(body.length);
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String replaced = "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)
                    ? getHeader(name) : null;
            return replaced != null ? Collections.enumeration(List.of(replaced)) : super.getHeaders(name);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return UriComponentsBuilder.newInstance()
                    .query(getQueryString()).build().getQueryParams().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            entry -> entry.getValue().stream().map(v -> v == null ? "" : v).toArray(String[]::new)));
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }
    }
}
