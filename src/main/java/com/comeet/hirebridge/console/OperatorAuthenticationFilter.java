package com.comeet.hirebridge.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * HTTP Basic in front of the operator API: the configured admin credential or 401. With no password configured,
 * every request is refused. Both parts are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the
 * time taken tells nothing about how much of a guess was right, nor about the credential's length.
 */
class OperatorAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"hire-bridge-admin\"";
    static final String NOT_AUTHORISED = "{\"display_message\":\"This request is not authorised. The operator API "
            + "needs the admin username and password (HTTP Basic).\"}";

    private final byte[] username;
    private final byte[] password;

    OperatorAuthenticationFilter(HireBridgeProperties.Admin admin) {
        this.username = admin.configured() ? sha256(admin.username()) : null;
        this.password = admin.configured() ? sha256(admin.password()) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!authenticated(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(NOT_AUTHORISED.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean authenticated(String authorization) {
        if (password == null || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean rightUser = MessageDigest.isEqual(username, sha256(credentials.substring(0, colon)));
        boolean rightPassword = MessageDigest.isEqual(password, sha256(credentials.substring(colon + 1)));
        return rightUser & rightPassword;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
