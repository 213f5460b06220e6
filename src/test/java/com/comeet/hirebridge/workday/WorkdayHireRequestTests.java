package com.comeet.hirebridge.workday;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.inbound.ComeetRejection;
import com.comeet.hirebridge.mapping.HireMapping;
import com.comeet.hirebridge.mapping.HireMappingLoader;
import com.comeet.hirebridge.mapping.MappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Hire_Employee request the default Workday mapping gives: byte for byte the golden file, valid against the
 * Staffing schema, and with every value escaped by the XML writer.
 */
class WorkdayHireRequestTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HireMapping MAPPING = HireMappingLoader.load(Path.of("mappings/workday-hire-employee.yaml"));
    private static final Company.WorkdayAccount ACCOUNT = new Company.WorkdayAccount(
            URI.create("https://wd2-impl-services1.workday.com/ccx/service/initech/Staffing/v26.1"), "v26.1",
            "isu_hire@initech", "p&ss<w>rd\"'1", false);

    @Test
    void theRealisticHireIsExactlyTheGoldenRequestAndValidAgainstTheStaffingSchema() throws Exception {
        byte[] request = request("realistic-hire.json");

        assertThat(new String(request, StandardCharsets.UTF_8)).isEqualTo(Files.readString(
                Path.of("src/test/resources/golden/workday-hire-employee/realistic-hire.xml")).strip());
        assertThat(StaffingSchema.violations(body(parse(request)))).isEmpty();
    }

    @Test
    void theStandInsSchemaRefusesARequestOutOfOrder() throws Exception {
        String golden = Files.readString(Path.of("src/test/resources/golden/workday-hire-employee/realistic-hire.xml"));
        String hireDateLast = golden.replace("<wd:Hire_Date>2027-02-01</wd:Hire_Date>", "")
                .replace("</wd:Hire_Employee_Data>", "<wd:Hire_Date>2027-02-01</wd:Hire_Date></wd:Hire_Employee_Data>");

        assertThat(StaffingSchema.violations(body(parse(hireDateLast.getBytes(StandardCharsets.UTF_8)))))
                .singleElement().asString().startsWith("cvc-complex-type.2.4.a: Invalid content was found starting "
                        + "with element '{\"urn:com.workday/bsvc\":Hire_Date}'. One of '{\"urn:com.workday/bsvc\":"
                        + "Propose_Compensation_for_Hire_Sub_Process");
    }

    @Test
    void checksTheDefaultMappingAtStartUp() {
        WorkdayHireRequest.check(MAPPING);
    }

    @Test
    void namesThatLookLikeXmlArriveAsTextAndTheCredentialsEscaped() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(MAPPING.apply(JSON.readTree(
                Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json")))).fields());
        fields.put("firstName", "</wd:First_Name><wd:Employee_ID>X");
        fields.put("lastName", "]]><!-- & \"O'Brien\" -->");

        Document sent = parse(WorkdayHireRequest.envelope(ACCOUNT, MAPPING, fields));

        assertThat(text(sent, "First_Name")).isEqualTo("</wd:First_Name><wd:Employee_ID>X");
        assertThat(text(sent, "Last_Name")).isEqualTo("]]><!-- & \"O'Brien\" -->");
        assertThat(sent.getElementsByTagNameNS(WorkdayXml.WD, "Employee_ID").getLength()).isZero();
        assertThat(sent.getElementsByTagNameNS(
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Password")
                .item(0).getTextContent()).isEqualTo("p&ss<w>rd\"'1");
        assertThat(StaffingSchema.violations(body(sent))).isEmpty();
    }

    @Test
    void aTenantHiringThroughJobRequisitionsSendsTheRequisitionInsteadOfAPosition(@TempDir Path dir)
            throws Exception {
        String shipped = Files.readString(Path.of("mappings/workday-hire-employee.yaml"));
        String position = """
                  position:
                    type: Position_ID
                    from: $.position.position_id
                    required: The position has no position id for Workday
                """;
        assertThat(shipped).contains(position);
        Path file = dir.resolve("workday-hire-employee.yaml");
        Files.writeString(file, shipped.replace(position, """
                  jobRequisition:
                    type: Job_Requisition_ID
                    from: $.position.custom_fields['Job requisition']
                    required: The position has no job requisition in Workday
                """));
        HireMapping requisitions = HireMappingLoader.load(file);
        WorkdayHireRequest.check(requisitions);
        HireMapping.Result mapped = requisitions.apply(JSON.readTree(Files.readString(
                Path.of("src/test/resources/hires/realistic-hire.json"))
                .replace("\"custom_fields\":{\"Cost center\":\"5120\"}",
                        "\"custom_fields\":{\"Cost center\":\"5120\",\"Job requisition\":\"R-1042\"}")));
        assertThat(mapped.missing()).isEmpty();

        Document sent = parse(WorkdayHireRequest.envelope(ACCOUNT, requisitions, mapped.fields()));

        Element requisition = (Element) sent.getElementsByTagNameNS(WorkdayXml.WD, "Job_Requisition_Reference")
                .item(0);
        Element id = (Element) requisition.getElementsByTagNameNS(WorkdayXml.WD, "ID").item(0);
        assertThat(id.getAttributeNS(WorkdayXml.WD, "type") + "=" + id.getTextContent())
                .isEqualTo("Job_Requisition_ID=R-1042");
        assertThat(sent.getElementsByTagNameNS(WorkdayXml.WD, "Position_Reference").getLength()).isZero();
        assertThat(StaffingSchema.violations(body(sent))).isEmpty();
    }

    @Test
    void aMappingWithoutPositionOrRequisitionIsRefusedAtStartUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("no-position.yaml");
        Files.writeString(file, Files.readString(Path.of("mappings/workday-hire-employee.yaml")).replace("""
                  position:
                    type: Position_ID
                    from: $.position.position_id
                    required: The position has no position id for Workday
                """, ""));

        assertThatThrownBy(() -> WorkdayHireRequest.check(HireMappingLoader.load(file)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("neither 'position' nor 'jobRequisition' is mapped; Workday hires into one of "
                        + "them");
    }

    @Test
    void aMisspelledFieldIsRefusedAtStartUpNamingTheFileTheFieldAndTheKnownFields(@TempDir Path dir)
            throws Exception {
        Path lastNmae = dir.resolve("last-nmae.yaml");
        Files.writeString(lastNmae, Files.readString(Path.of("mappings/workday-hire-employee.yaml"))
                .replace("  lastName:\n", "  lastNmae:\n"));
        Path jobProfle = dir.resolve("job-profle.yaml");
        Files.writeString(jobProfle, Files.readString(Path.of("mappings/workday-hire-employee.yaml"))
                .replace("  jobProfile:\n", "  jobProfle:\n"));
        String known = "the known fields are applicantId, firstName, middleName, lastName, phone, phoneCountry, "
                + "email, hireDate, businessTitle and the references nameCountry, phoneDeviceType, phoneUsage, "
                + "emailUsage, organization, position, jobRequisition, hireReason, employeeType, jobProfile, "
                + "location, timeType";

        assertThatThrownBy(() -> WorkdayHireRequest.check(HireMappingLoader.load(lastNmae)))
                .isInstanceOf(MappingException.class)
                .hasMessage(lastNmae + ": field 'lastNmae' is not a field of Workday's hire; " + known);
        assertThatThrownBy(() -> WorkdayHireRequest.check(HireMappingLoader.load(jobProfle)))
                .isInstanceOf(MappingException.class)
                .hasMessage(jobProfle + ": field 'jobProfle' is not a field of Workday's hire; " + known);
    }

    @Test
    void aTypeOnAPlainFieldIsRefusedAtStartUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typed-first-name.yaml");
        Files.writeString(file, Files.readString(Path.of("mappings/workday-hire-employee.yaml"))
                .replace("  firstName:\n    from: $.first_name\n",
                        "  firstName:\n    type: Legal_Name_ID\n    from: $.first_name\n"));

        assertThatThrownBy(() -> WorkdayHireRequest.check(HireMappingLoader.load(file)))
                .isInstanceOf(MappingException.class)
                .hasMessage(file + ": field 'firstName' has a 'type', but it is sent as text, not as a Workday "
                        + "reference; remove the type (only the references nameCountry, phoneDeviceType, phoneUsage, "
                        + "emailUsage, organization, position, jobRequisition, hireReason, employeeType, jobProfile, "
                        + "location, timeType take one)");
    }

    @Test
    void aControlCharacterIsRefusedNotAltered() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(MAPPING.apply(JSON.readTree(
                Files.readAllBytes(Path.of("src/test/resources/hires/realistic-hire.json")))).fields());
        fields.put("lastName", "Mizrahi\u0001");

        assertThatThrownBy(() -> WorkdayHireRequest.envelope(ACCOUNT, MAPPING, fields))
                .isInstanceOfSatisfying(ComeetRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(422);
                    assertThat(rejection.displayMessage()).isEqualTo("A value in the Hire form holds an invisible "
                            + "control character that Workday cannot accept. Retype the names, e-mail and phone, "
                            + "then submit again.");
                });
    }

    @Test
    void theHireDateIsTheCalendarDateAsWrittenWhateverTheOffset() {
        assertThat(WorkdayHireRequest.calendarDate("2027-02-01")).isEqualTo("2027-02-01");
        assertThat(WorkdayHireRequest.calendarDate("2027-02-01T00:00:00+03:00")).isEqualTo("2027-02-01");
        assertThat(WorkdayHireRequest.calendarDate("2027-02-01T23:30:00-08:00")).isEqualTo("2027-02-01");
        assertThatThrownBy(() -> WorkdayHireRequest.calendarDate("2027-02-30"))
                .isInstanceOfSatisfying(ComeetRejection.class, rejection ->
                        assertThat(rejection.displayMessage()).isEqualTo("The first day of work is not a date. "
                                + "Correct it in the Hire form and submit again."));
        assertThatThrownBy(() -> WorkdayHireRequest.calendarDate("1 February 2027"))
                .isInstanceOf(ComeetRejection.class);
    }

    @Test
    void anAnswerWithADoctypeIsRefusedWithoutResolvingIt() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<r>&x;</r>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkdayXml.parse(xxe)).isInstanceOf(WorkdayXml.UnreadableAnswerException.class);
        assertThatThrownBy(() -> WorkdayAnswer.successOrThrow(200, xxe))
                .isInstanceOfSatisfying(ComeetRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(502);
                    assertThat(rejection.reason()).isEqualTo("hris-unexpected-answer");
                });
    }

    private static byte[] request(String hire) throws IOException {
        HireMapping.Result mapped = MAPPING.apply(JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/hires/"
                + hire))));
        assertThat(mapped.missing()).isEmpty();
        return WorkdayHireRequest.envelope(ACCOUNT, MAPPING, mapped.fields());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    }

    static Element body(Document envelope) {
        Element body = (Element) envelope.getElementsByTagNameNS(WorkdayXml.SOAP, "Body").item(0);
        for (org.w3c.dom.Node node = body.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("empty Body");
    }

    static String text(Document document, String name) {
        return document.getElementsByTagNameNS(WorkdayXml.WD, name).item(0).getTextContent();
    }
}
