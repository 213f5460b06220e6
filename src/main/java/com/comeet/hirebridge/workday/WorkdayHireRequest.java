package com.comeet.hirebridge.workday;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.mapping.HireMapping;
import com.comeet.hirebridge.mapping.MappingException;

/**
 * A {@code Hire_Employee_Request} built from the mapped fields, in the element order of the Staffing schema. Which
 * field fills which element is fixed here; every value and every reference's {@code wd:type} comes from the
 * mapping file.
 */
final class WorkdayHireRequest {

    /** The mapping fields that become a reference, and so need a {@code type:} in the mapping file. */
    static final List<String> REFERENCES = List.of("nameCountry", "phoneDeviceType", "phoneUsage", "emailUsage",
            "organization", "position", "jobRequisition", "hireReason", "employeeType", "jobProfile", "location",
            "timeType");
    /** The mapping fields that are written as text, and so take no {@code type:}. */
    static final List<String> PLAIN = List.of("applicantId", "firstName", "middleName", "lastName", "phone",
            "phoneCountry", "email", "hireDate", "businessTitle");
    /** The fields every Workday mapping must map: Workday refuses a hire without them. */
    static final List<String> MAPPED = List.of("nameCountry", "firstName", "lastName", "organization", "hireDate",
            "employeeType", "hireReason");

    // The calendar date as Comeet wrote it; a time or offset after it is ignored, never converted.
    private static final Pattern CALENDAR_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([T ].*)?");

    private WorkdayHireRequest() {
    }

    /**
     * Start-up check of a company's mapping file: only fields the request has a place for, the fields Workday
     * needs, and a type for every reference and on nothing else.
     */
    static void check(HireMapping mapping) {
        for (String field : mapping.fields()) {
            if (!REFERENCES.contains(field) && !PLAIN.contains(field)) {
                throw new MappingException(mapping.file(), 0, "field '" + field + "' is not a field of Workday's "
                        + "hire; the known fields are " + String.join(", ", PLAIN) + " and the references "
                        + String.join(", ", REFERENCES));
            }
            if (PLAIN.contains(field) && mapping.type(field) != null) {
                throw new MappingException(mapping.file(), 0, "field '" + field + "' has a 'type', but it is sent "
                        + "as text, not as a Workday reference; remove the type (only the references "
                        + String.join(", ", REFERENCES) + " take one)");
            }
        }
        for (String field : MAPPED) {
            if (!mapping.maps(field)) {
                throw new MappingException(mapping.file(), 0, "field '" + field + "' is not mapped; Workday needs "
                        + "it to hire (see mappings/workday-hire-employee.yaml)");
            }
        }
        if (!mapping.maps("position") && !mapping.maps("jobRequisition")) {
            throw new MappingException(mapping.file(), 0, "neither 'position' nor 'jobRequisition' is mapped; "
                    + "Workday hires into one of them");
        }
        for (String[] contact : new String[][] {{"phone", "phoneUsage"}, {"email", "emailUsage"}}) {
            if (mapping.maps(contact[0]) && !mapping.maps(contact[1])) {
                throw new MappingException(mapping.file(), 0, "field '" + contact[0] + "' is mapped without '"
                        + contact[1] + "': Workday needs the usage (HOME, WORK) of every phone and e-mail");
            }
        }
        for (String field : REFERENCES) {
            if (mapping.maps(field) && mapping.type(field) == null) {
                throw new MappingException(mapping.file(), 0, "field '" + field + "' needs a 'type': the kind of "
                        + "Workday identifier its value is, such as " + example(field));
            }
        }
    }

    /**
     * Refuses a hire whose reference value the mapping's value map does not list (and has no {@code "*"} for):
     * Workday knows no id that is Comeet's text, so the recruiter is told which value cannot be found.
     */
    static void refuseUnlisted(Map<String, String> unlisted) {
        List<String> notFound = REFERENCES.stream().filter(unlisted::containsKey)
                .map(field -> notFound(field, unlisted.get(field))).toList();
        if (!notFound.isEmpty()) {
            throw new ComeetRejection(422, "workday-value-not-found", String.join(". ", notFound) + "; choose "
                    + "another in the Hire form, or ask IT to add it to the mapping, then submit again.");
        }
    }

    private static String notFound(String field, String value) {
        String quoted = "'" + value + "'";
        return switch (field) {
            case "organization" -> "The department " + quoted + " has no Workday organization in the mapping";
            case "location" -> "The location " + quoted + " has no Workday location in the mapping";
            case "employeeType" -> "The employee type " + quoted + " has no Workday employee type in the mapping";
            case "timeType" -> "The employment " + quoted + " has no Workday time type in the mapping";
            case "jobProfile" -> "The position " + quoted + " has no Workday job profile in the mapping";
            case "position" -> "The position " + quoted + " has no Workday position in the mapping";
            case "jobRequisition" -> "The job requisition " + quoted + " has no Workday job requisition in the "
                    + "mapping";
            case "hireReason" -> "The hire reason " + quoted + " has no Workday hire reason in the mapping";
            case "nameCountry" -> "The value " + quoted + " has no Workday country for the legal name in the mapping";
            default -> "The value " + quoted + " has no Workday " + field + " in the mapping";
        };
    }

    static byte[] envelope(Company.WorkdayAccount account, HireMapping mapping, Map<String, String> fields) {
        String hireDate = calendarDate(fields.get("hireDate"));
        if (fields.get("position") == null && fields.get("jobRequisition") == null) {
            throw new ComeetRejection(422, "missing-required-values", "The position to hire into is missing. "
                    + "Complete the Hire form and submit again.");
        }
        try {
            return WorkdayXml.envelope(account, xml -> write(xml, account, new Values(mapping, fields), hireDate));
        } catch (WorkdayXml.UnwritableValueException e) {
            throw new ComeetRejection(422, "unwritable-value", "A value in the Hire form holds an invisible control "
                    + "character that Workday cannot accept. Retype the names, e-mail and phone, then submit again.");
        }
    }

    private static void write(WorkdayXml xml, Company.WorkdayAccount account, Values values, String hireDate)
            throws XMLStreamException {
        xml.start("Hire_Employee_Request").attribute("version", account.version());
        xml.start("Business_Process_Parameters")
                .element("Auto_Complete", Boolean.toString(account.autoComplete()))
                .end();
        xml.start("Hire_Employee_Data");
        xml.start("Applicant_Data").element("Applicant_ID", values.plain("applicantId")).start("Personal_Data");
        xml.start("Name_Data").start("Legal_Name_Data").start("Name_Detail_Data");
        values.reference(xml, "Country_Reference", "nameCountry");
        xml.element("First_Name", values.plain("firstName"))
                .element("Middle_Name", values.plain("middleName"))
                .element("Last_Name", values.plain("lastName"));
        xml.end().end().end();
        writeContactData(xml, values);
        xml.end().end();
        values.reference(xml, "Organization_Reference", "organization");
        if (values.plain("jobRequisition") != null) {
            values.reference(xml, "Job_Requisition_Reference", "jobRequisition");
        } else {
            values.reference(xml, "Position_Reference", "position");
        }
        xml.element("Hire_Date", hireDate);
        xml.start("Hire_Employee_Event_Data");
        values.reference(xml, "Hire_Reason_Reference", "hireReason");
        values.reference(xml, "Employee_Type_Reference", "employeeType");
        xml.start("Position_Details");
        values.reference(xml, "Job_Profile_Reference", "jobProfile");
        xml.element("Business_Title", values.plain("businessTitle"));
        values.reference(xml, "Location_Reference", "location");
        values.reference(xml, "Position_Time_Type_Reference", "timeType");
        xml.end().end().end().end();
    }

    private static void writeContactData(WorkdayXml xml, Values values) throws XMLStreamException {
        String phone = values.plain("phone");
        String email = values.plain("email");
        if (phone == null && email == null) {
            return;
        }
        xml.start("Contact_Data");
        if (phone != null) {
            xml.start("Phone_Data")
                    .element("Country_ISO_Code", values.plain("phoneCountry"))
                    .element("Phone_Number", phone);
            values.reference(xml, "Phone_Device_Type_Reference", "phoneDeviceType");
            writeUsage(xml, values, "phoneUsage");
            xml.end();
        }
        if (email != null) {
            xml.start("Email_Address_Data").element("Email_Address", email);
            writeUsage(xml, values, "emailUsage");
            xml.end();
        }
        xml.end();
    }

    /** Workday requires a usage (home, work) on each phone and e-mail; the bridge sends it as primary, private. */
    private static void writeUsage(WorkdayXml xml, Values values, String field) throws XMLStreamException {
        xml.start("Usage_Data").attribute("Public", "false").start("Type_Data").attribute("Primary", "true");
        values.reference(xml, "Type_Reference", field);
        xml.end().end();
    }

    /** The calendar date of {@code start_date}, exactly as written: never shifted by a time zone. */
    static String calendarDate(String startDate) {
        Matcher date = startDate == null ? null : CALENDAR_DATE.matcher(startDate);
        if (date != null && date.matches()) {
            try {
                return LocalDate.parse(date.group(1)).toString();
            } catch (DateTimeParseException notADay) {
                // answered below
            }
        }
        throw new ComeetRejection(422, "invalid-start-date", "The first day of work is not a date. Correct it in "
                + "the Hire form and submit again.");
    }

    private static String example(String field) {
        return switch (field) {
            case "nameCountry" -> "ISO_3166-1_Alpha-2_Code";
            case "organization" -> "Organization_Reference_ID";
            case "position" -> "Position_ID";
            case "jobRequisition" -> "Job_Requisition_ID";
            case "hireReason" -> "General_Event_Subcategory_ID";
            case "employeeType" -> "Employee_Type_ID";
            case "jobProfile" -> "Job_Profile_ID";
            case "location" -> "Location_ID";
            case "timeType" -> "Position_Time_Type_ID";
            case "phoneDeviceType" -> "Phone_Device_Type_ID";
            default -> "Communication_Usage_Type_ID";
        };
    }

    /** The mapped values, and the types the mapping file gives them. */
    private record Values(HireMapping mapping, Map<String, String> fields) {

        String plain(String field) {
            return fields.get(field);
        }

        void reference(WorkdayXml xml, String element, String field) throws XMLStreamException {
            xml.reference(element, mapping.type(field), fields.get(field));
        }
    }
}
