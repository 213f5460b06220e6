package com.comeet.hirebridge.bamboohr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.hris.HrisRetries;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.mapping.HireMappings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two Java steps of {@code routes/bamboohr-create-employee.camel.yaml}: the request BambooHR's
 * {@code POST /v1/employees} expects, and what its answer means for the recruiter.
 */
@Component("bamboohrCreateEmployee")
public class BambooHrCreateEmployee {

    /** Exchange property: the URL the employee is posted to. */
    public static final String EMPLOYEES_URL = "bamboohrEmployeesUrl";

    static final String CREDENTIALS_REFUSED = ComeetAnswers.HRIS_CREDENTIALS_REFUSED;
    static final String UNREACHABLE = ComeetAnswers.HRIS_UNREACHABLE;
    static final String UNEXPECTED_ANSWER = ComeetAnswers.HRIS_UNEXPECTED_ANSWER;

    private final ObjectMapper json;

    public BambooHrCreateEmployee(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Turns the mapped fields into BambooHR's JSON body with its own headers only: the route has removed every
     * header that came with Comeet's request.
     */
    public void prepareRequest(Exchange exchange) throws JsonProcessingException {
        Company.BambooHrAccount account = exchange.getProperty(ComeetDoor.COMPANY, Company.class).bamboohr();
        Message message = exchange.getMessage();
        byte[] body = json.writeValueAsBytes(exchange.getProperty(HireMappings.EMPLOYEE_FIELDS, Map.class));

        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader("Authorization", account.authorization());
        message.setHeader("Accept", "application/json");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        message.setBody(body);
        exchange.setProperty(EMPLOYEES_URL, account.employeesUrl());
        HrisRetries.callStarted(exchange);
    }

    /**
     * Reads BambooHR's answer: 201 gives the employee id, the last segment of {@code Location}; anything else
     * becomes the rejection the recruiter sees.
     */
    public void readAnswer(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = HrisRetries.answered(exchange);
        String location = message.getHeader("Location", String.class);
        String employeeId = lastSegment(location);

        if (status == 201 && employeeId != null) {
            exchange.setProperty(ComeetAnswers.EMPLOYEE_ID, employeeId);
            return;
        }
        boolean throttled = status == 429 && message.getHeader("Retry-After") != null;
        throw rejection(status, errorHeader(message), throttled, status / 100 == 2);
    }

    /**
     * @param throttled a 429 with {@code Retry-After}: BambooHR's rate limiting. A 429 without it is its employee
     *                  limit, which waiting does not lift.
     */
    static ComeetRejection rejection(int status, String bamboohrError, boolean throttled, boolean createdWithoutId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("target", "bamboohr");
        details.put("hris_status", status);
        if (bamboohrError != null) {
            details.put("hris_error", bamboohrError);
        }
        if (createdWithoutId) {
            return new ComeetRejection(502, "hris-no-employee-id", "BambooHR answered without the new employee's "
                    + "id, so the hire may exist in BambooHR already. Contact IT before submitting again.", details)
                    .hireMayExist();
        }
        return switch (status) {
            case 400 -> new ComeetRejection(422, "hris-bad-request", "BambooHR rejected the new employee's details. "
                    + "Check the names, e-mail, phone and start date in the Hire form, then submit again.", details);
            case 406 -> new ComeetRejection(422, "hris-not-acceptable", "BambooHR could not accept the new "
                    + "employee's details as sent. Check the Hire form, then submit again; "
                    + "if it keeps failing, contact IT.", details);
            case 409 -> new ComeetRejection(409, "hris-conflict", "BambooHR refused one of the values, for example "
                    + "a department, location or job title that does not exist in BambooHR, or a duplicate. "
                    + "Correct it in the Hire form, then submit again.", details);
            case 429 -> throttled ? new ComeetRejection(503, "hris-throttled", UNREACHABLE, details)
                    : new ComeetRejection(409, "hris-employee-limit", "BambooHR has reached the number of "
                    + "employees this account allows. Ask your BambooHR administrator to raise the limit, "
                    + "then submit again.", details);
            case 401, 403 -> new ComeetRejection(502, "hris-credentials-refused", CREDENTIALS_REFUSED, details);
            default -> status >= 500 ? new ComeetRejection(503, "hris-unavailable", UNREACHABLE, details)
                    // A 404, a redirect or an unknown status: the base URL or the account is wrong, not the hire.
                    : new ComeetRejection(502, "hris-unexpected-answer", UNEXPECTED_ANSWER, details);
        };
    }

    /** BambooHR's error header, under any of the spellings it has used ({@code X-BambooHR-Error-Messsage} too). */
    static String errorHeader(Message message) {
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (name.startsWith("xbamboohrerror") && header.getValue() != null) {
                return header.getValue().toString();
            }
        }
        return null;
    }

    private static String lastSegment(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String path = location.trim().replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? null : segment;
    }
}
