package com.comeet.hirebridge.workday;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.hris.HrisRetries;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.ledger.HireLedger;
import com.comeet.hirebridge.mapping.HireMappings;

/**
 * Looks the employee up in Workday before hiring again, when an earlier attempt may have hired them already (its
 * answer was lost). {@code Get_Workers} lists the employees whose records changed since the day before the hire
 * arrived, with their personal data, and the mapped e-mail is matched against theirs.
 * <p>
 * Limitation: only the first page (up to 999 workers changed in that window) is read, and a hire still waiting
 * for approval is not a worker yet, so it is not found: Workday then refuses the second hire of the applicant.
 */
@Component("workdayFindEmployee")
public class WorkdayFindEmployee {

    private static final String PAGE_SIZE = "999";

    private final HireLedger ledger;

    public WorkdayFindEmployee(HireLedger ledger) {
        this.ledger = ledger;
    }

    public void prepareLookup(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        if (email(exchange) == null) {
            throw new ComeetRejection(502, "hris-lookup-impossible", "An earlier attempt may already have created "
                    + "this employee in Workday, and without an e-mail the bridge cannot check. Ask HR to check "
                    + "Workday before anything is submitted again.", Map.of("target", "workday"));
        }
        String since = HireLedger.lookupSince(exchange).toString();
        byte[] body = WorkdayXml.envelope(company.workday(), xml -> {
            xml.start("Get_Workers_Request").attribute("version", company.workday().version());
            xml.start("Request_Criteria")
                    .start("Transaction_Log_Criteria_Data").start("Transaction_Date_Range_Data")
                    .element("Updated_From", since)
                    .end().end()
                    .element("Exclude_Contingent_Workers", "true")
                    .end();
            xml.start("Response_Filter").element("Count", PAGE_SIZE).end();
            xml.start("Response_Group")
                    .element("Include_Reference", "true")
                    .element("Include_Personal_Information", "true")
                    .end();
            xml.end();
        });
        WorkdayHireEmployee.soapRequest(exchange, body);
        exchange.setProperty(WorkdayHireEmployee.ENDPOINT, company.workday().endpoint().toString());
        HrisRetries.lookupStarted(exchange);
    }

    /** Adopts the worker whose e-mail matches, unless another hire has them; no match: no one was hired. */
    public void readLookup(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        HireLedger.endHrisCall(exchange);
        Document answer = WorkdayAnswer.successOrThrow(status, message.getBody(byte[].class));
        Element response = WorkdayXml.first(answer, WorkdayXml.WD, "Get_Workers_Response");
        if (response == null) {
            throw WorkdayAnswer.unexpected(WorkdayAnswer.details(status, null));
        }

        String email = email(exchange).toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (Element worker : WorkdayXml.all(response, "Worker")) {
            boolean matching = WorkdayXml.all(worker, "Email_Address").stream().map(WorkdayXml::text)
                    .anyMatch(text -> text != null && email.equals(text.toLowerCase(Locale.ROOT)));
            if (matching) {
                String employeeId = WorkdayXml.id(WorkdayXml.first(worker, WorkdayXml.WD, "Worker_Reference"),
                        "Employee_ID");
                matches.add(employeeId != null ? employeeId
                        : WorkdayXml.text(WorkdayXml.first(worker, WorkdayXml.WD, "Worker_ID")));
            }
        }
        ledger.adoptLookedUp(exchange, matches, status, "Workday");
    }

    private static String email(Exchange exchange) {
        Object value = exchange.getProperty(HireMappings.EMPLOYEE_FIELDS, Map.class).get("email");
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
