package com.comeet.hirebridge.bamboohr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.hris.HrisRetries;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.ledger.HireLedger;
import com.comeet.hirebridge.mapping.HireMappings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Looks an employee up in BambooHR before creating one, when an earlier attempt may have created it already (its
 * answer was lost). BambooHR has no search by e-mail for an API key, so a custom report lists the employees changed
 * since the day before the hire arrived, with their e-mails, and the mapped e-mail is matched against them.
 */
@Component("bamboohrFindEmployee")
public class BambooHrFindEmployee {

    /** Exchange property: the URL of the custom report. */
    public static final String REPORT_URL = "bamboohrReportUrl";

    private static final List<String> EMAIL_FIELDS = List.of("homeEmail", "workEmail");

    private final ObjectMapper json;
    private final HireLedger ledger;

    public BambooHrFindEmployee(ObjectMapper json, HireLedger ledger) {
        this.json = json;
        this.ledger = ledger;
    }

    public void prepareLookup(Exchange exchange) throws JsonProcessingException {
        Company.BambooHrAccount account = exchange.getProperty(ComeetDoor.COMPANY, Company.class).bamboohr();
        if (email(exchange) == null) {
            throw new ComeetRejection(502, "hris-lookup-impossible", "An earlier attempt may already have created "
                    + "this employee in BambooHR, and without an e-mail the bridge cannot check. Ask HR to check "
                    + "BambooHR before anything is submitted again.", Map.of("target", "bamboohr"));
        }
        String since = HireLedger.lookupSince(exchange).toString();
        Map<String, Object> report = Map.of(
                "title", "Hire bridge: employees created since " + since,
                "fields", List.of("id", "homeEmail", "workEmail"),
                "filters", Map.of("lastChanged", Map.of("value", since, "includeNull", "no")));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setHeader(Exchange.HTTP_QUERY, "format=json");
        message.setHeader("Authorization", account.authorization());
        message.setHeader("Accept", "application/json");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        message.setBody(json.writeValueAsBytes(report));
        exchange.setProperty(REPORT_URL, account.customReportUrl());
        HrisRetries.lookupStarted(exchange);
    }

    /** Adopts the employee whose e-mail matches, unless another hire has it; no match: nothing was created. */
    public void readLookup(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        HireLedger.endHrisCall(exchange);
        if (status != 200) {
            throw BambooHrCreateEmployee.rejection(status, BambooHrCreateEmployee.errorHeader(message), false,
                    false);
        }
        String email = email(exchange).toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (JsonNode employee : json.readTree(message.getBody(byte[].class)).path("employees")) {
            boolean matching = EMAIL_FIELDS.stream().anyMatch(field ->
                    email.equals(employee.path(field).asText("").trim().toLowerCase(Locale.ROOT)));
            if (matching) {
                matches.add(employee.path("id").asText());
            }
        }
        ledger.adoptLookedUp(exchange, matches, status, "BambooHR");
    }

    private static String email(Exchange exchange) {
        Map<?, ?> fields = exchange.getProperty(HireMappings.EMPLOYEE_FIELDS, Map.class);
        for (String field : EMAIL_FIELDS) {
            Object value = fields.get(field);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().trim();
            }
        }
        return null;
    }
}
