package com.comeet.hirebridge.inbound;

import java.util.Map;

import jakarta.servlet.DispatcherType;
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
 * {@code display_message} that fits the path (a webhook, the operator API, anything else), never as HTML or a
 * stack trace. {@code /error} itself, asked for directly, is an address like any other where nothing is served.
 */
@RestController
public class JsonErrorController implements ErrorController {

    private static final String STARTING = "The hire bridge is starting; try again in a minute.";
    private static final String WEBHOOKS = "Comeet's webhooks are POST /comeet/{company}/create-employee and "
            + "POST /comeet/{company}/hire-questionnaire.";
    private static final String OPERATOR_API = "The operator API is GET /admin/hires, "
            + "GET /admin/hires/{company}/{candidate_id}, POST /admin/hires/{company}/{candidate_id}/retry and "
            + "POST /admin/hires/{company}/{candidate_id}/files/retry.";

    private final ObjectProvider<CamelContext> camel;

    public JsonErrorController(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        // Only an error dispatch carries a status; a caller asking for /error directly finds nothing here.
        boolean dispatched = request.getDispatcherType() == DispatcherType.ERROR;
        HttpStatus status = dispatched ? status(request) : HttpStatus.NOT_FOUND;
        String path = dispatched ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                : request.getRequestURI();
        if (status == HttpStatus.NOT_FOUND && webhook(path) && !routesStarted()) {
            // The web server answers before the routes exist: a webhook then is early, not at a wrong address.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("display_message", STARTING));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("display_message", sentence(status, path)));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private boolean routesStarted() {
        CamelContext context = camel.getIfAvailable();
        return context != null && context.isStarted();
    }

    /** The {@code display_message} for an error {@code status} at {@code path}, as the caller sent it. */
    public static String sentence(HttpStatus status, String path) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this address. " + (operatorApi(path) ? OPERATOR_API : WEBHOOKS);
            case METHOD_NOT_ALLOWED -> notAllowed(path);
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this bridge accepts.";
            case UNAUTHORIZED, FORBIDDEN -> "This request is not authorised.";
            default -> status.is4xxClientError() ? "The request could not be understood: " + status.getReasonPhrase()
                    + "." : ComeetAnswers.UNEXPECTED;
        };
    }

    private static String notAllowed(String path) {
        if (webhook(path)) {
            return "This address does not accept this method; Comeet's webhooks accept only POST.";
        }
        return "This address does not accept this method." + (operatorApi(path) ? " " + OPERATOR_API : "");
    }

    static boolean webhook(String path) {
        return path != null && path.startsWith("/comeet/");
    }

    private static boolean operatorApi(String path) {
        return path != null && (path.equals("/admin") || path.startsWith("/admin/"));
    }
}
