package com.comeet.hirebridge.workday;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetRejection;

/**
 * What a Workday answer means: its body as a document, or the rejection the recruiter sees. Workday answers a
 * refused request with HTTP 500 and a SOAP fault: {@code Client.validationError} (a value it does not accept) and
 * {@code Client.authenticationError} are final; a {@code Processing_Fault} or another server error may pass.
 */
final class WorkdayAnswer {

    private static final int MESSAGE_LENGTH = 500;

    private WorkdayAnswer() {
    }

    /** The answer's document when it is a success (2xx, no fault); otherwise throws the rejection. */
    static Document successOrThrow(int status, byte[] body) {
        Document answer;
        try {
            answer = body == null || body.length == 0 ? null : WorkdayXml.parse(body);
        } catch (IOException | WorkdayXml.UnreadableAnswerException e) {
            answer = null;
        }
        Element fault = answer == null ? null : WorkdayXml.first(answer, WorkdayXml.SOAP, "Fault");
        if (fault != null) {
            throw fault(status, fault);
        }
        if (status / 100 == 2 && answer != null) {
            return answer;
        }
        Map<String, Object> details = details(status, null);
        if (status / 100 == 2) {
            // An empty or unreadable success (a DOCTYPE included) may still mean Workday acted on the request.
            throw unexpected(details).hireMayExist();
        }
        throw switch (status) {
            case 401, 403 -> new ComeetRejection(502, "hris-credentials-refused",
                    ComeetAnswers.HRIS_CREDENTIALS_REFUSED, details);
            case 429 -> new ComeetRejection(503, "hris-throttled", ComeetAnswers.HRIS_UNREACHABLE, details);
            default -> status >= 500 ? unavailable(details) : unexpected(details);
        };
    }

    private static ComeetRejection fault(int status, Element fault) {
        String code = localCode(WorkdayXml.text(firstChild(fault, "faultcode")));
        String faultString = WorkdayXml.text(firstChild(fault, "faultstring"));
        Element validation = WorkdayXml.first(fault, WorkdayXml.WD, "Validation_Fault");
        if (validation != null || code.startsWith("Client.validationError")) {
            List<String> messages = validation == null ? List.of() : WorkdayXml.all(validation, "Validation_Error")
                    .stream().map(error -> WorkdayXml.text(WorkdayXml.first(error, WorkdayXml.WD, "Message")))
                    .filter(message -> message != null).map(WorkdayAnswer::withoutFinalStop).distinct().toList();
            String refused = messages.isEmpty() ? faultString == null ? "a value was not accepted"
                    : withoutFinalStop(faultString) : String.join("; ", messages);
            return new ComeetRejection(422, "hris-validation-error", shorten("Workday refused the new employee: "
                    + refused + ". Correct it in the Hire form (or ask IT to correct the mapping), then submit again."),
                    details(status, shorten(refused)));
        }
        Map<String, Object> details = details(status, faultString == null ? code : shorten(faultString));
        if (code.startsWith("Client.authenticationError")) {
            return new ComeetRejection(502, "hris-credentials-refused", ComeetAnswers.HRIS_CREDENTIALS_REFUSED,
                    details);
        }
        Element processing = WorkdayXml.first(fault, WorkdayXml.WD, "Processing_Fault");
        if (processing != null || code.startsWith("Server") || code.contains("processingError")) {
            return unavailable(details);
        }
        return unexpected(details);
    }

    private static ComeetRejection unavailable(Map<String, Object> details) {
        return new ComeetRejection(503, "hris-unavailable", ComeetAnswers.HRIS_UNREACHABLE, details);
    }

    static ComeetRejection unexpected(Map<String, Object> details) {
        return new ComeetRejection(502, "hris-unexpected-answer", ComeetAnswers.HRIS_UNEXPECTED_ANSWER, details);
    }

    static Map<String, Object> details(int status, String hrisError) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", "workday");
        details.put("hris_status", status);
        if (hrisError != null) {
            details.put("hris_error", hrisError);
        }
        return details;
    }

    /** SOAP 1.1 fault children are unqualified. */
    private static Element firstChild(Element fault, String name) {
        for (Node child = fault.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** {@code SOAP-ENV:Client.validationError} without its prefix. */
    private static String localCode(String faultCode) {
        return faultCode == null ? "" : faultCode.substring(faultCode.indexOf(':') + 1);
    }

    private static String withoutFinalStop(String sentence) {
        String trimmed = sentence.trim();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String shorten(String text) {
        String oneLine = text.lines().map(String::trim).collect(Collectors.joining(" "));
        return oneLine.length() <= MESSAGE_LENGTH ? oneLine : oneLine.substring(0, MESSAGE_LENGTH - 3) + "...";
    }
}
