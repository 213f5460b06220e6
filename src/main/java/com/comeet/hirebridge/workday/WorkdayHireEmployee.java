package com.comeet.hirebridge.workday;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.Target;
import com.comeet.hirebridge.hris.HrisRetries;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.mapping.HireMappings;

/**
 * The two Java steps of {@code routes/workday-hire-employee.camel.yaml}: the {@code Hire_Employee} request, and
 * what Workday's answer means: the employee id of a completed hire, the event of a hire waiting for approval, or
 * the rejection the recruiter sees.
 */
@Component("workdayHireEmployee")
public class WorkdayHireEmployee {

    /** Exchange property: the Staffing endpoint the request is posted to. */
    public static final String ENDPOINT = "workdayEndpoint";

    private final HireMappings mappings;

    /** Checks at start-up that each Workday company's mapping gives what a hire needs. */
    public WorkdayHireEmployee(CompanyDirectory companies, HireMappings mappings) {
        this.mappings = mappings;
        companies.all().stream().filter(company -> company.target() == Target.WORKDAY)
                .forEach(company -> WorkdayHireRequest.check(mappings.of(company)));
    }

    /** Before any call to Workday: a reference value the mapping cannot translate to a Workday id answers 422. */
    public void checkValues(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, String> unlisted = exchange.getProperty(HireMappings.UNLISTED_VALUES, Map.class);
        WorkdayHireRequest.refuseUnlisted(unlisted == null ? Map.of() : unlisted);
    }

    /** The SOAP request with Workday's own headers only: the route has removed Comeet's. */
    public void prepareRequest(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        @SuppressWarnings("unchecked")
        Map<String, String> fields = exchange.getProperty(HireMappings.EMPLOYEE_FIELDS, Map.class);
        byte[] body = WorkdayHireRequest.envelope(company.workday(), mappings.of(company), fields);

        soapRequest(exchange, body);
        exchange.setProperty(ENDPOINT, company.workday().endpoint().toString());
        HrisRetries.callStarted(exchange);
    }

    /**
     * A {@code Hire_Employee_Event_Response} with its {@code Event_Reference}: the {@code Employee_ID} when the hire
     * completed, or the event alone when it waits for approval. Without the event the hire is not confirmed.
     */
    public void readAnswer(Exchange exchange) {
        int status = HrisRetries.answered(exchange);
        Document answer = WorkdayAnswer.successOrThrow(status, exchange.getMessage().getBody(byte[].class));

        Element response = WorkdayXml.first(answer, WorkdayXml.WD, "Hire_Employee_Event_Response");
        String event = response == null ? null
                : WorkdayXml.id(WorkdayXml.first(response, WorkdayXml.WD, "Event_Reference"), "WID");
        if (event == null) {
            throw new ComeetRejection(502, "hris-no-event-reference", "Workday answered without confirming the "
                    + "hire, so it may or may not exist in Workday. Contact IT before submitting again.",
                    WorkdayAnswer.details(status, null)).hireMayExist();
        }
        String employeeId = WorkdayXml.id(WorkdayXml.first(response, WorkdayXml.WD, "Employee_Reference"),
                "Employee_ID");
        exchange.setProperty(ComeetAnswers.EVENT_REFERENCE, event);
        if (employeeId != null) {
            exchange.setProperty(ComeetAnswers.EMPLOYEE_ID, employeeId);
        }
    }

    /** POST of a SOAP 1.1 request; Staffing's WSDL declares no SOAPAction, so it is sent empty. */
    static void soapRequest(Exchange exchange, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "text/xml; charset=UTF-8");
        message.setHeader("SOAPAction", "\"\"");
        message.setHeader("Accept", "text/xml");
        message.setBody(body);
    }
}
