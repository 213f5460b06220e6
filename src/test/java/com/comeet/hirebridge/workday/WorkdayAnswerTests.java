package com.comeet.hirebridge.workday;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.comeet.hirebridge.inbound.ComeetRejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each kind of Workday answer means, read without the running bridge: the status and sentence the recruiter
 * gets, and the reason the retries decide on ({@code hris-unavailable} and {@code hris-throttled} are retried).
 */
class WorkdayAnswerTests {

    @Test
    void aSuccessIsItsDocument() {
        byte[] answer = envelope("<wd:Hire_Employee_Event_Response xmlns:wd=\"urn:com.workday/bsvc\"/>");

        assertThat(WorkdayAnswer.successOrThrow(200, answer).getDocumentElement().getLocalName())
                .isEqualTo("Envelope");
    }

    @Test
    void everyValidationMessageIsNamedOnceInOneSentence() {
        byte[] answer = fault("SOAP-ENV:Client.validationError", "Validation error occurred.",
                "<wd:Validation_Fault><wd:Validation_Error><wd:Message>Invalid ID value.  'LOC_MARS' is not a valid "
                        + "ID value for type = 'Location_ID'</wd:Message></wd:Validation_Error><wd:Validation_Error>"
                        + "<wd:Message>Hire Date is required.</wd:Message></wd:Validation_Error><wd:Validation_Error>"
                        + "<wd:Message>Hire Date is required.</wd:Message></wd:Validation_Error></wd:Validation_Fault>");

        assertRejected(500, answer, 422, "hris-validation-error", "Workday refused the new employee: Invalid ID "
                + "value.  'LOC_MARS' is not a valid ID value for type = 'Location_ID'; Hire Date is required. "
                + "Correct it in the Hire form (or ask IT to correct the mapping), then submit again.",
                Map.of("target", "workday", "hris_status", 500, "hris_error", "Invalid ID value.  'LOC_MARS' is not "
                        + "a valid ID value for type = 'Location_ID'; Hire Date is required"));
    }

    @Test
    void aValidationFaultWithoutDetailIsNamedByItsFaultString() {
        byte[] answer = fault("SOAP-ENV:Client.validationError", "Element 'Hire_Date' is not valid.", null);

        assertRejected(500, answer, 422, "hris-validation-error", "Workday refused the new employee: Element "
                + "'Hire_Date' is not valid. Correct it in the Hire form (or ask IT to correct the mapping), then "
                + "submit again.", Map.of("target", "workday", "hris_status", 500,
                "hris_error", "Element 'Hire_Date' is not valid"));
    }

    @Test
    void anAuthenticationFaultIsForIt() {
        byte[] answer = fault("SOAP-ENV:Client.authenticationError", "invalid username or password", null);

        assertRejected(500, answer, 502, "hris-credentials-refused", "The HRIS refused our credentials; contact IT.",
                Map.of("target", "workday", "hris_status", 500, "hris_error", "invalid username or password"));
    }

    @Test
    void aProcessingFaultOrAServerFaultIsUnavailable() {
        byte[] processing = fault("SOAP-ENV:Client.processingError", "Processing error occurred.",
                "<wd:Processing_Fault><wd:Detail_Message>busy</wd:Detail_Message></wd:Processing_Fault>");
        byte[] server = fault("SOAP-ENV:Server", "Internal error", null);

        Map<String, Object> details = Map.of("target", "workday", "hris_status", 500);
        assertRejected(500, processing, 503, "hris-unavailable", "The HRIS is not answering; try again in a few "
                + "minutes.", with(details, "Processing error occurred."));
        assertRejected(500, server, 503, "hris-unavailable", "The HRIS is not answering; try again in a few "
                + "minutes.", with(details, "Internal error"));
    }

    @Test
    void httpErrorsWithoutAFaultAreReadByTheirStatus() {
        byte[] page = "<html><body>Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);

        assertRejected(502, page, 503, "hris-unavailable", "The HRIS is not answering; try again in a few minutes.",
                Map.of("target", "workday", "hris_status", 502));
        assertRejected(429, new byte[0], 503, "hris-throttled", "The HRIS is not answering; try again in a few "
                + "minutes.", Map.of("target", "workday", "hris_status", 429));
        assertRejected(401, page, 502, "hris-credentials-refused", "The HRIS refused our credentials; contact IT.",
                Map.of("target", "workday", "hris_status", 401));
        assertRejected(404, page, 502, "hris-unexpected-answer", "The HRIS gave an answer the hire bridge does not "
                + "expect, so the employee was not created; contact IT (the HRIS address may be wrong).",
                Map.of("target", "workday", "hris_status", 404));
    }

    @Test
    void aSuccessThatIsNotXmlIsUnexpected() {
        assertRejected(200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), 502, "hris-unexpected-answer",
                "The HRIS gave an answer the hire bridge does not expect, so the employee was not created; contact "
                        + "IT (the HRIS address may be wrong).", Map.of("target", "workday", "hris_status", 200));
    }

    @Test
    void aFaultDeclaringAnEntityIsNeverResolvedNorShown() {
        byte[] answer = ("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>"
                + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client.validationError</faultcode><faultstring>&x;"
                + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>").getBytes(StandardCharsets.UTF_8);

        // Unreadable, so only its HTTP status counts: a 500 that may pass.
        assertRejected(500, answer, 503, "hris-unavailable", "The HRIS is not answering; try again in a few minutes.",
                Map.of("target", "workday", "hris_status", 500));
    }

    private static void assertRejected(int status, byte[] answer, int expectedStatus, String reason,
            String displayMessage, Map<String, Object> details) {
        assertThatThrownBy(() -> WorkdayAnswer.successOrThrow(status, answer))
                .isInstanceOfSatisfying(ComeetRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(expectedStatus);
                    assertThat(rejection.reason()).isEqualTo(reason);
                    assertThat(rejection.displayMessage()).isEqualTo(displayMessage);
                    assertThat(rejection.details()).containsExactlyInAnyOrderEntriesOf(details);
                });
    }

    private static Map<String, Object> with(Map<String, Object> details, String hrisError) {
        Map<String, Object> all = new java.util.HashMap<>(details);
        all.put("hris_error", hrisError);
        return all;
    }

    private static byte[] envelope(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope "
                + "xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body>" + body
                + "</env:Body></env:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fault(String code, String faultString, String detail) {
        return envelope("<env:Fault xmlns:wd=\"urn:com.workday/bsvc\"><faultcode>" + code + "</faultcode><faultstring>"
                + faultString + "</faultstring>" + (detail == null ? "" : "<detail>" + detail + "</detail>")
                + "</env:Fault>");
    }
}
