package com.comeet.hirebridge.inbound;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring's error page: whatever the path, an error outside the Comeet routes is answered as JSON with a
 * {@code display_message}, never as HTML or a stack trace.
 */
@RestController
public class JsonErrorController implements ErrorController {

    private static final String STARTING = "The hire bridge is starting; try again in a minute.";

    private final ObjectProvider<CamelContext> camel;

    public JsonErrorController(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status == HttpStatus.NOT_FOUND && path instanceof String uri && uri.startsWith("/comeet/")
                && !routesStarted()) {
            // The web server answers before the routes exist: a webhook then is early, not at a wrong address.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("display_message", STARTING));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("display_message", sentence(status)));
    }

    private boolean routesStarted() {
        CamelContext context = camel.getIfAvailable();
        return context != null && context.isStarted();
    }

    public static String sentence(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this address. Comeet's webhook is "
                    + "POST /comeet/{company}/create-employee.";
            case METHOD_NOT_ALLOWED -> "This address does not accept this method; Comeet's webhooks accept only POST.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this bridge accepts.";
            case UNAUTHORIZED, FORBIDDEN -> "This request is not authorised.";
            default -> status.is4xxClientError() ? "The request could not be understood: " + status.getReasonPhrase()
                    + "." : "The hire bridge failed unexpectedly. Try again in a few minutes; if it keeps failing, "
                    + "contact IT.";
        };
    }
}
